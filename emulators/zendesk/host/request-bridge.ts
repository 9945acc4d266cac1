import { proxyAnswerSchema, toResponseArgs, type ProxyAnswer } from './response-args'
import {
  appendQuery,
  DEFAULT_CONTENT_TYPE,
  encodeData,
  hasBody,
  methodOf,
  type RequestOptions,
} from './request-options'

/**
 * Carries out `client.request` for the app, the way Zendesk routes it:
 * - a relative `/api/...` URL goes to this account's API with the agent's session (same origin);
 * - an absolute URL goes through the Zendesk proxy (`/__proxy`, where secure settings live);
 * - `cors: true` skips the proxy: the browser calls the URL itself and no setting is inserted.
 */
export interface RequestBridgeOptions {
  readonly hostOrigin: string
  /** Called after a successful write to /api, so the agent view can show new notes and tags. */
  readonly onApiWrite: () => void
}

const ABSOLUTE = /^([a-z][a-z\d+.-]*:)?\/\//i

async function answerFrom(response: Response): Promise<ProxyAnswer> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value))
  return {
    outcome: 'response',
    status: response.status,
    statusText: response.statusText,
    headers,
    responseText: await response.text(),
  }
}

function requestInit(options: RequestOptions, method: string): { url: string; init: RequestInit } {
  const headers = new Headers()
  const data = encodeData(options.data)
  if (typeof options.contentType === 'string') headers.set('Content-Type', options.contentType)
  else if (options.contentType === undefined && data !== undefined && hasBody(method))
    headers.set('Content-Type', DEFAULT_CONTENT_TYPE)
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, String(value))
  const url = !hasBody(method) && data !== undefined ? appendQuery(options.url, data) : options.url
  return { url, init: { method, headers, ...(hasBody(method) && data !== undefined ? { body: data } : {}) } }
}

async function withTimeout(
  timeoutMs: number | undefined,
  run: (signal: AbortSignal | undefined) => Promise<ProxyAnswer>
): Promise<ProxyAnswer> {
  if (!timeoutMs) return run(undefined)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    return await run(controller.signal)
  } catch (error) {
    if (controller.signal.aborted) return { outcome: 'timeout' }
    throw error
  } finally {
    clearTimeout(timer)
  }
}

export function createRequestBridge(
  bridge: RequestBridgeOptions
): (options: RequestOptions) => Promise<{ done: boolean; responseArgs: unknown[] }> {
  const toAccountApi = async (options: RequestOptions, method: string): Promise<ProxyAnswer> => {
    const target = new URL(options.url, bridge.hostOrigin)
    // Only the REST API is reachable this way, not the emulator's own pages and endpoints.
    if (!target.pathname.startsWith('/api/')) {
      return {
        outcome: 'response',
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'application/json' },
        responseText: '{"error":"InvalidEndpoint","description":"Not found"}',
      }
    }
    const { url, init } = requestInit(options, method)
    const answer = await withTimeout(options.timeout, (signal) =>
      fetch(url, { ...init, credentials: 'same-origin', ...(signal ? { signal } : {}) }).then(answerFrom)
    )
    if (answer.outcome === 'response' && answer.status < 300 && method !== 'GET') bridge.onApiWrite()
    return answer
  }

  const direct = async (options: RequestOptions, method: string): Promise<ProxyAnswer> => {
    const { url, init } = requestInit(options, method)
    try {
      return await withTimeout(options.timeout, (signal) =>
        fetch(url, { ...init, mode: 'cors', credentials: 'omit', ...(signal ? { signal } : {}) }).then(
          answerFrom
        )
      )
    } catch {
      return { outcome: 'network-error' }
    }
  }

  const throughProxy = async (options: RequestOptions): Promise<ProxyAnswer> => {
    const response = await fetch('/__proxy', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(options),
    })
    const parsed = proxyAnswerSchema.safeParse(await response.json().catch(() => null))
    if (parsed.success) return parsed.data
    return {
      outcome: 'response',
      status: 400,
      statusText: 'Bad Request',
      headers: {},
      responseText: 'Proxy error: invalid request options',
    }
  }

  return async (options) => {
    const method = methodOf(options)
    const answer = !ABSOLUTE.test(options.url)
      ? await toAccountApi(options, method)
      : options.cors === true
        ? await direct(options, method)
        : await throughProxy(options)
    return toResponseArgs(answer, options)
  }
}
