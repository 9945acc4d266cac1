/**
 * Turns the emulated proxy's answer into the ZAF `responseArgs` the SDK resolves or rejects with,
 * in the shapes Zendesk uses (jQuery-like). Pure, so the host page and Node tests share it.
 */
export type ProxyAnswer =
  | { outcome: 'response'; status: number; statusText: string; headers: Record<string, string>; responseText: string }
  | { outcome: 'timeout' }

export interface RequestShape {
  readonly httpCompleteResponse?: boolean
  readonly dataType?: string
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function toResponseArgs(answer: ProxyAnswer, options: RequestShape): { done: boolean; responseArgs: unknown[] } {
  if (answer.outcome === 'timeout') return { done: false, responseArgs: [{ status: 0, statusText: 'timeout', responseText: '' }] }
  const json = parseJson(answer.responseText)
  const complete = {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
    responseText: answer.responseText,
    ...(json === undefined ? {} : { responseJSON: json }),
  }
  if (answer.status < 200 || answer.status >= 300) return { done: false, responseArgs: [complete] }
  if (options.httpCompleteResponse) return { done: true, responseArgs: [complete] }
  const body = options.dataType === 'text' || json === undefined ? answer.responseText : json
  return { done: true, responseArgs: [body, 'success', { status: answer.status, statusText: answer.statusText, responseText: answer.responseText }] }
}
