/** A JSON request to an emulator, answered with status, parsed body (or raw text) and headers. */
export interface Answer {
  status: number
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read vendor JSON of many shapes
  headers: Headers
}

export function caller(baseUrl: () => string, auth: Record<string, string>) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ): Promise<Answer> => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // a malformed body stays text
    }
    return { status: res.status, body: parsed, headers: res.headers }
  }
}
