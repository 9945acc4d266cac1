import * as z from 'zod/mini'

/**
 * Turns an HTTP outcome into the ZAF `responseArgs` the SDK resolves or rejects with, in the
 * jQuery-like shapes Zendesk uses. Pure, so the host page and Node tests share it
 * (tests/support/proxy-zaf-client.ts uses it too).
 */
export type ProxyAnswer =
  | {
      outcome: 'response'
      status: number
      statusText: string
      headers: Record<string, string>
      responseText: string
    }
  | { outcome: 'timeout' }
  /** The browser could not reach the URL at all (only for `cors: true`, which skips the proxy). */
  | { outcome: 'network-error' }

/** The emulated proxy's answer as it crosses HTTP back to the page: checked, not trusted. */
export const proxyAnswerSchema = z.union([
  z.object({
    outcome: z.literal('response'),
    status: z.number(),
    statusText: z.string(),
    headers: z.record(z.string(), z.string()),
    responseText: z.string(),
  }),
  z.object({ outcome: z.literal('timeout') }),
  z.object({ outcome: z.literal('network-error') }),
])

export interface RequestShape {
  readonly httpCompleteResponse?: boolean | undefined
  readonly dataType?: string | undefined
}

type Parsed = { ok: true; value: unknown } | { ok: false }

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** jQuery's choice: an explicit dataType wins, else the response's Content-Type decides. */
function treatsAsJson(options: RequestShape, headers: Record<string, string>): boolean {
  if (options.dataType !== undefined) return options.dataType.toLowerCase() === 'json'
  return /[/+]json\b/i.test(headers['content-type'] ?? '')
}

export function toResponseArgs(
  answer: ProxyAnswer,
  options: RequestShape
): { done: boolean; responseArgs: unknown[] } {
  if (answer.outcome === 'timeout')
    return { done: false, responseArgs: [{ status: 0, statusText: 'timeout', responseText: '' }] }
  if (answer.outcome === 'network-error')
    return { done: false, responseArgs: [{ status: 0, statusText: 'error', responseText: '' }] }

  const asJson = treatsAsJson(options, answer.headers)
  const parsed: Parsed = asJson && answer.responseText !== '' ? parseJson(answer.responseText) : { ok: false }
  const complete = {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
    responseText: answer.responseText,
    ...(parsed.ok ? { responseJSON: parsed.value } : {}),
  }
  if (answer.status < 200 || answer.status >= 300) return { done: false, responseArgs: [complete] }
  // A 2xx the caller asked to read as JSON but that is not JSON fails, as in jQuery ("parsererror").
  if (asJson && answer.responseText !== '' && !parsed.ok)
    return { done: false, responseArgs: [{ ...complete, statusText: 'parsererror' }] }
  if (options.httpCompleteResponse) return { done: true, responseArgs: [complete] }
  const xhr = { status: answer.status, statusText: answer.statusText, responseText: answer.responseText }
  // jQuery: a 204 has no data ("nocontent"); undefined crosses postMessage as null.
  if (answer.status === 204) return { done: true, responseArgs: [null, 'nocontent', xhr] }
  const body = parsed.ok ? parsed.value : answer.responseText
  return { done: true, responseArgs: [body, 'success', xhr] }
}
