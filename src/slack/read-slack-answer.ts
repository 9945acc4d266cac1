import * as z from 'zod/mini'
import { SlackError, slackErrorKind } from '../domain/slack-error'
import type { ZafResponse } from '../zendesk/zaf-client'

const envelopeSchema = z.looseObject({
  ok: z.boolean(),
  error: z.optional(z.string()),
  needed: z.optional(z.string()),
})

/**
 * What ZAF's `client.request` gave back (resolved or rejected), read as Slack's envelope. Slack
 * answers every refusal with HTTP 200 and `ok: false`; a 429 carries `Retry-After` in seconds.
 * `answered` in the error says whether Slack's answer shows that nothing was done: a lost or
 * unreadable answer (a timeout, a 5xx, an HTML page) leaves a posted message possible.
 */
export function readSlackAnswer(outcome: unknown): Record<string, unknown> {
  const response = asResponse(outcome)
  if (!response || response.status === 0)
    throw new SlackError('unavailable', 'Slack could not be reached', { answered: false })
  const headers = lowerCaseHeaders(response.headers)
  if (response.status === 429) {
    const seconds = Number(headers['retry-after'])
    throw new SlackError('rate-limited', 'Slack asked us to slow down', {
      code: 'ratelimited',
      answered: true,
      ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}),
    })
  }
  if (response.status >= 500)
    throw new SlackError('unavailable', `Slack failed with status ${response.status}`, { answered: false })
  // A 4xx other than 429 is the proxy refusing the request (not whitelisted, a bad setting): it never left.
  if (response.status >= 400)
    throw new SlackError('rejected', `The request was refused with status ${response.status}`, {
      code: `http_${response.status}`,
      answered: true,
    })
  const envelope = envelopeSchema.safeParse(parseBody(response))
  if (!envelope.success)
    throw new SlackError('unavailable', 'Slack gave an unreadable answer', { answered: false })
  if (!envelope.data.ok) {
    const code = envelope.data.error ?? 'unknown_error'
    throw new SlackError(slackErrorKind(code), `Slack refused the call: ${code}`, {
      code,
      answered: true,
      ...(envelope.data.needed ? { scope: envelope.data.needed } : {}),
    })
  }
  return envelope.data
}

function asResponse(value: unknown): ZafResponse | null {
  if (typeof value !== 'object' || value === null || !('status' in value)) return null
  const status = Number((value as { status: unknown }).status)
  return Number.isFinite(status) ? { ...(value as ZafResponse), status } : null
}

function parseBody(response: ZafResponse): unknown {
  if (response.responseJSON !== undefined) return response.responseJSON
  try {
    return JSON.parse(response.responseText ?? '')
  } catch {
    return null
  }
}

function lowerCaseHeaders(headers: ZafResponse['headers']): Record<string, string> {
  const result: Record<string, string> = {}
  if (typeof headers === 'string') {
    for (const line of headers.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon > 0) result[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
  } else if (headers)
    for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = String(value)
  return result
}
