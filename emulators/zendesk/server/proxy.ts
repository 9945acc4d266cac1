import { z } from 'zod'
import { isWhitelisted } from './whitelist'
import { substituteSettings, UnknownSettingError, type ParameterRule } from './substitute-settings'

export const requestOptionsSchema = z.object({
  url: z.string(),
  type: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  data: z.string().optional(),
  contentType: z.union([z.string(), z.literal(false)]).optional(),
  secure: z.boolean().optional(),
  timeout: z.number().optional(),
  httpCompleteResponse: z.boolean().optional(),
  dataType: z.string().optional(),
  cors: z.boolean().optional(),
})
export type RequestOptions = z.infer<typeof requestOptionsSchema>

/** What the server tells the host page; the page turns it into ZAF responseArgs. */
export type ProxyResult =
  | { outcome: 'response'; status: number; statusText: string; headers: Record<string, string>; responseText: string }
  | { outcome: 'timeout' }

export interface ProxyLogEntry {
  method: string
  url: string
  host: string
  secure: boolean
  substituted: boolean
  status: number
  ms: number
}

export interface ProxyConfig {
  readonly settings: Readonly<Record<string, string | number | boolean>>
  readonly parameters: Readonly<Record<string, ParameterRule>>
  readonly domainWhitelist: readonly string[]
  readonly extraWhitelist: readonly string[]
  readonly timeoutMs: number
  readonly log: (entry: ProxyLogEntry) => void
}

const proxyError = (status: number, statusText: string, reason: string): ProxyResult => ({
  outcome: 'response',
  status,
  statusText,
  headers: { 'content-type': 'text/plain' },
  responseText: `Proxy error: ${reason}`,
})

/**
 * The emulated Zendesk proxy: the only place secrets exist. It inserts settings server-side, sends
 * secure requests only to whitelisted hosts, enforces a timeout and never echoes what it inserted.
 */
export async function proxyRequest(options: RequestOptions, config: ProxyConfig): Promise<ProxyResult> {
  const started = Date.now()
  const method = (options.type ?? 'GET').toUpperCase()
  let target: URL
  try {
    target = new URL(options.url)
  } catch {
    return proxyError(400, 'Bad Request', 'invalid URL')
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return proxyError(400, 'Bad Request', 'only http and https URLs')
  const secure = options.secure === true
  const record = (status: number, substituted: boolean): void =>
    config.log({ method, url: `${target.origin}${target.pathname}`, host: target.hostname, secure, substituted, status, ms: Date.now() - started })

  if (secure && !isWhitelisted(target.hostname, config.domainWhitelist, config.extraWhitelist)) {
    record(403, false)
    return proxyError(403, 'Forbidden', `${target.hostname} is not in this app's domainWhitelist`)
  }

  let url: string
  const headers: Record<string, string> = {}
  let body: string | undefined
  let substituted = false
  try {
    const sub = (text: string, place: 'header' | 'body' | 'url'): string => {
      const result = substituteSettings(text, place, secure, config.settings, config.parameters)
      substituted ||= result.substitutedSecure
      return result.text
    }
    url = sub(options.url, 'url')
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = sub(value, 'header')
    body = options.data === undefined ? undefined : sub(options.data, 'body')
  } catch (error) {
    if (error instanceof UnknownSettingError) {
      record(400, false)
      return proxyError(400, 'Bad Request', `unknown setting ${error.setting}`)
    }
    throw error
  }
  if (options.contentType) headers['Content-Type'] = options.contentType

  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeout && options.timeout > 0 ? options.timeout : config.timeoutMs)
  try {
    const response = await fetch(url, { method, headers, ...(body === undefined || method === 'GET' ? {} : { body }), signal: controller.signal })
    const responseText = await response.text()
    const responseHeaders: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value
    })
    record(response.status, substituted)
    return { outcome: 'response', status: response.status, statusText: response.statusText, headers: responseHeaders, responseText }
  } catch (error) {
    if (controller.signal.aborted) {
      record(0, substituted)
      return { outcome: 'timeout' }
    }
    record(502, substituted)
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : 'connection failed'
    return proxyError(502, 'Bad Gateway', reason.replaceAll(String(config.settings['crm_api_token'] ?? '\u0000'), '[secret]'))
  } finally {
    clearTimeout(timer)
  }
}
