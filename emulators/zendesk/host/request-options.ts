import * as z from 'zod/mini'

const scalar = z.union([z.string(), z.number(), z.boolean()])

/**
 * The options of `client.request()`, as the SDK forwards them (verbatim, jQuery.ajax-style).
 * Parsed on the host page (from the iframe) and again by the emulated proxy (from the page).
 * Loose: jQuery options the emulator does not act on (accepts, cache, xhrFields, autoRetry…)
 * are allowed and ignored, as the real framework does not reject them either.
 */
export const requestOptionsSchema = z.looseObject({
  url: z.string().check(z.minLength(1)),
  type: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), scalar)),
  // jQuery sends a string as is and form-encodes an object.
  data: z.optional(z.union([z.string(), z.record(z.string(), z.nullable(scalar))])),
  contentType: z.optional(z.union([z.string(), z.literal(false)])),
  dataType: z.optional(z.string()),
  secure: z.optional(z.boolean()),
  cors: z.optional(z.boolean()),
  httpCompleteResponse: z.optional(z.boolean()),
  timeout: z.optional(z.number().check(z.nonnegative())),
})
export type RequestOptions = z.infer<typeof requestOptionsSchema>

/** jQuery's default for a request with a body and no `contentType`. */
export const DEFAULT_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8'

export function methodOf(options: Pick<RequestOptions, 'type'>): string {
  return (options.type ?? 'GET').toUpperCase()
}

/** `data` as jQuery would send it: strings verbatim, objects form-encoded. */
export function encodeData(data: RequestOptions['data']): string | undefined {
  if (data === undefined || typeof data === 'string') return data
  const form = new URLSearchParams()
  for (const [name, value] of Object.entries(data)) form.append(name, value === null ? '' : String(value))
  return form.toString()
}

/** jQuery puts a GET/HEAD request's data in the query string instead of the body. */
export function hasBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD'
}

export function appendQuery(url: string, query: string): string {
  if (query === '') return url
  return `${url}${url.includes('?') ? '&' : '?'}${query}`
}
