import http from 'node:http'
import https from 'node:https'

export interface ForwardRequest {
  readonly url: URL
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
  /** For the whole exchange: connecting, sending and reading the full response. */
  readonly timeoutMs: number
  readonly maxResponseBytes: number
  /** Aborted when the emulator stops, so no upstream request outlives it. */
  readonly signal: AbortSignal
}

export type ForwardResult =
  | { kind: 'response'; status: number; statusText: string; headers: Record<string, string>; body: string }
  | { kind: 'timeout' }
  /** The request could not be built (e.g. a header value with a line break); nothing was sent. */
  | { kind: 'invalid'; reason: string }
  | { kind: 'unreachable'; reason: string }

// A proxy does not pass on headers that describe its own connection.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
])

function responseHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return result
}

/** One HTTP exchange with node's http/https, no redirects followed, no connection reuse. */
export function forwardHttp(request: ForwardRequest): Promise<ForwardResult> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (result: ForwardResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.signal.removeEventListener('abort', onStop)
      resolve(result)
    }
    if (request.signal.aborted)
      return resolve({ kind: 'unreachable', reason: 'the emulator is shutting down' })
    const headers: Record<string, string> = { ...request.headers }
    if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body))

    let outgoing: http.ClientRequest
    try {
      outgoing = (request.url.protocol === 'https:' ? https : http).request(request.url, {
        method: request.method,
        headers,
        agent: false,
      })
    } catch (error) {
      return resolve({ kind: 'invalid', reason: error instanceof Error ? error.message : 'invalid request' })
    }
    const timer = setTimeout(() => {
      settle({ kind: 'timeout' })
      outgoing.destroy()
    }, request.timeoutMs)
    const onStop = (): void => {
      settle({ kind: 'unreachable', reason: 'the emulator is shutting down' })
      outgoing.destroy()
    }
    request.signal.addEventListener('abort', onStop)

    outgoing.on('error', (error) => settle({ kind: 'unreachable', reason: error.message }))
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = []
      let size = 0
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > request.maxResponseBytes) {
          settle({ kind: 'unreachable', reason: `response larger than ${request.maxResponseBytes} bytes` })
          outgoing.destroy()
        } else chunks.push(chunk)
      })
      incoming.on('error', (error) => settle({ kind: 'unreachable', reason: error.message }))
      incoming.on('end', () =>
        settle({
          kind: 'response',
          status: incoming.statusCode ?? 502,
          statusText: incoming.statusMessage ?? '',
          headers: responseHeaders(incoming.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        })
      )
    })
    outgoing.end(request.body)
  })
}
