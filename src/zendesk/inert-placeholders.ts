import { withRequest, type ZafClient, type ZafRequestOptions } from './zaf-client'

// Zendesk's proxy fills in `{{setting.<name>}}` wherever it appears in a request, and refuses a
// request naming a setting that does not exist. Text that came from a person or a CRM (a ticket
// subject, an agent's note, a requester's email) must never be read as such a placeholder.
// A zero-width space between the two braces keeps the text as the reader sees it, and no
// placeholder syntax can match it.
const ZERO_WIDTH_SPACE = '\u200B'
const OPENING = /\{(?=\{)/g
// The same braces percent-encoded, as they appear in a URL's query.
const OPENING_ENCODED = /%7B(?=%7B)/gi

/** `text` with every `{{` broken so that no placeholder can start in it. */
export function inertText(text: string): string {
  return text.replace(OPENING, `{${ZERO_WIDTH_SPACE}`)
}

function inertUrl(url: string): string {
  return inertText(url).replace(OPENING_ENCODED, '%7B%E2%80%8B')
}

/**
 * The ZAF client with every request's URL and body made inert. Only the headers, which this app
 * builds itself, may carry a placeholder (the CRM token's); a body never needs one. This is the
 * one place all CRM and Zendesk requests pass through.
 */
export function withInertPlaceholders(client: ZafClient): ZafClient {
  return withRequest(client, (options: ZafRequestOptions) =>
    client.request({
      ...options,
      url: inertUrl(options.url),
      ...(options.data === undefined ? {} : { data: inertUrl(options.data) }),
    })
  )
}
