import type { ProxyAnswer } from '../host/response-args'
import {
  appendQuery,
  DEFAULT_CONTENT_TYPE,
  encodeData,
  hasBody,
  methodOf,
  type RequestOptions,
} from '../host/request-options'
import type { AppManifest, Scope } from './app-manifest'
import { forwardHttp } from './forward-http'
import { redactSecrets, type InstallationSettings } from './installation-settings'
import { substituteSettings, UnknownSettingError } from './substitute-settings'
import { isWhitelisted } from './whitelist'

export { requestOptionsSchema, type RequestOptions } from '../host/request-options'
export type { ProxyAnswer }

/** One proxied request, as a test may inspect it. Never holds a secure value. */
export interface ProxyLogEntry {
  method: string
  /** The URL actually requested, with every secure setting value masked. */
  url: string
  host: string
  secure: boolean
  /** Whether a secure setting went into a request that was sent (or attempted). */
  substituted: boolean
  /** The upstream status, the proxy's own error status, or 0 for a timeout. */
  status: number
  ms: number
}

export interface ProxyConfig {
  readonly manifest: Pick<AppManifest, 'domainWhitelist' | 'parameters'>
  readonly settings: InstallationSettings
  readonly extraWhitelist: readonly string[]
  /**
   * Where a vendor's real host is served on this machine, e.g. `slack.com` → the Slack emulator's
   * origin: the app and the whitelist see the real host; only the connection goes to loopback.
   */
  readonly upstreams?: Readonly<Record<string, string>>
  /** Used when the request sets no `timeout`. */
  readonly defaultTimeoutMs: number
  readonly maxResponseBytes?: number
  readonly signal: AbortSignal
  readonly log: (entry: ProxyLogEntry) => void
}

/** Built from our own text only, so it can never carry a secret. */
function proxyError(status: number, statusText: string, reason: string): ProxyAnswer {
  return {
    outcome: 'response',
    status,
    statusText,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    responseText: `Proxy error: ${reason}`,
  }
}

/**
 * The emulated Zendesk proxy, the only place secure settings exist. It inserts settings
 * server-side, sends a `secure: true` request only to a whitelisted host (checked on the URL after
 * insertion, where the request would really go), enforces a timeout, and reports failures without
 * echoing anything it inserted.
 */
export async function proxyRequest(options: RequestOptions, config: ProxyConfig): Promise<ProxyAnswer> {
  const started = Date.now()
  const method = methodOf(options)
  const secure = options.secure === true
  const redact = (text: string): string => redactSecrets(text, config.settings.secretValues)
  let logUrl = redact(options.url)
  let host = ''
  try {
    host = redact(new URL(options.url).hostname)
  } catch {
    // A URL built from a setting (`{{setting.crm_base_url}}/…`) has a host only after insertion.
  }
  let substituted = false
  const finish = (answer: ProxyAnswer): ProxyAnswer => {
    const status = answer.outcome === 'response' ? answer.status : 0
    config.log({ method, url: logUrl, host, secure, substituted, status, ms: Date.now() - started })
    return answer
  }

  // 1. Insert settings into each part of the request, as its scope allows.
  const context = {
    secureRequest: secure,
    settings: config.settings.all,
    parameters: config.manifest.parameters,
  }
  const insert = (text: string, scope: Scope): string => {
    const result = substituteSettings(text, scope, context)
    substituted ||= result.substitutedSecure
    return result.text
  }
  let url: string
  let data: string | undefined
  const headers: Record<string, string> = {}
  try {
    url = insert(options.url, 'url')
    const encoded = encodeData(options.data)
    data = encoded === undefined ? undefined : insert(encoded, 'body')
    // jQuery sets Content-Type from `contentType`; explicit headers come after and win.
    if (typeof options.contentType === 'string') headers['Content-Type'] = options.contentType
    else if (options.contentType === undefined && data !== undefined && hasBody(method))
      headers['Content-Type'] = DEFAULT_CONTENT_TYPE
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      // Zendesk documents that its proxy does not support underscores in header names (`client-id`,
      // not `client_id`); like nginx by default, the emulator drops such headers.
      if (name.includes('_')) continue
      for (const existing of Object.keys(headers))
        if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing]
      headers[name] = insert(String(value), 'header')
    }
  } catch (error) {
    substituted = false
    if (error instanceof UnknownSettingError)
      return finish(proxyError(400, 'Bad Request', `unknown setting ${error.setting}`))
    throw error
  }
  if (data !== undefined && !hasBody(method)) {
    url = appendQuery(url, data)
    data = undefined
  }

  // 2. Decide whether it may go at all.
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return finish(proxyError(400, 'Bad Request', 'the URL is not absolute and valid'))
  }
  logUrl = redact(target.href)
  host = redact(target.hostname)
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return finish(proxyError(400, 'Bad Request', 'only http and https URLs can be proxied'))
  if (secure && !isWhitelisted(target.hostname, config.manifest.domainWhitelist, config.extraWhitelist)) {
    substituted = false
    return finish(proxyError(403, 'Forbidden', `${host} is not in this app's domainWhitelist`))
  }

  // 3. Send it (to the local stand-in when the host has one).
  const upstream = config.upstreams?.[target.hostname.toLowerCase()]
  const result = await forwardHttp({
    url: upstream ? new URL(`${target.pathname}${target.search}`, upstream) : target,
    method,
    headers,
    body: data,
    timeoutMs:
      options.timeout !== undefined && options.timeout > 0 ? options.timeout : config.defaultTimeoutMs,
    maxResponseBytes: config.maxResponseBytes ?? 10 * 1024 * 1024,
    signal: config.signal,
  })
  switch (result.kind) {
    case 'response':
      return finish({
        outcome: 'response',
        status: result.status,
        statusText: result.statusText,
        headers: result.headers,
        responseText: result.body,
      })
    case 'timeout':
      return finish({ outcome: 'timeout' })
    case 'invalid':
      substituted = false
      return finish(proxyError(400, 'Bad Request', redact(result.reason)))
    case 'unreachable':
      return finish(proxyError(502, 'Bad Gateway', redact(result.reason)))
  }
}
