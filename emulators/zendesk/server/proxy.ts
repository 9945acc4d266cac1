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
import type { OAuthConnection } from './oauth-connection'
import { NoOAuthTokenError, substituteSettings, UnknownSettingError } from './substitute-settings'
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
  /** The OAuth access token was renewed after a 401 and the request sent again (its status is the replay's). */
  renewed?: boolean
  /** Held by the `no-answer` fault: never sent on, never answered (status 0). */
  unanswered?: boolean
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
  /** The installation's OAuth connection, when the manifest has an `oauth` block. */
  readonly oauth?: OAuthConnection
}

/**
 * What Zendesk's proxy answers when a request names the oauth setting and it holds no token for
 * the installation, in the shape reported in zcli issue 63 and Zendesk's community (exact text in
 * the OAuth case unconfirmed).
 */
export const NO_OAUTH_ANSWER =
  '{"status"=>"422", "error"=>"Unprocessable Entity", "message"=>"Failed to get installation and oauth information for app."}'

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
  const first = await attempt(options, config)
  let { answer } = first
  let renewed = false
  // On a 401 to a request that carried the OAuth token, renew once and send it again, if the
  // switch says so (whether Zendesk renews on a 401 or only from expires_in is not documented).
  if (
    first.usedOAuth &&
    config.oauth?.renewal === 'on-401' &&
    answer.outcome === 'response' &&
    answer.status === 401 &&
    (await config.oauth.renew())
  ) {
    renewed = true
    answer = (await attempt(options, config)).answer
  }
  const entry = first.entry(answer)
  config.log({ ...entry, ...(renewed ? { renewed } : {}), ms: Date.now() - started })
  return answer
}

interface Attempt {
  readonly answer: ProxyAnswer
  /** Whether the OAuth access token went into the request. */
  readonly usedOAuth: boolean
  /** The log entry for the final answer, without its timing. */
  entry(answer: ProxyAnswer): Omit<ProxyLogEntry, 'ms'>
}

/** One pass: insert settings, decide whether the request may go, send it. */
async function attempt(options: RequestOptions, config: ProxyConfig): Promise<Attempt> {
  const method = methodOf(options)
  const secure = options.secure === true
  const secrets = [...config.settings.secretValues, ...(config.oauth?.secretValues() ?? [])]
  const redact = (text: string): string => redactSecrets(text, secrets)
  let logUrl = redact(options.url)
  let host = ''
  try {
    host = redact(new URL(options.url).hostname)
  } catch {
    // A URL built from a setting (`{{setting.crm_base_url}}/…`) has a host only after insertion.
  }
  let substituted = false
  let usedOAuth = false
  const finish = (answer: ProxyAnswer): Attempt => ({
    answer,
    usedOAuth,
    entry: (final) => ({
      method,
      url: logUrl,
      host,
      secure,
      substituted,
      status: final.outcome === 'response' ? final.status : 0,
    }),
  })

  // 1. Insert settings into each part of the request, as its scope allows.
  const context = {
    secureRequest: secure,
    settings: config.settings.all,
    parameters: config.manifest.parameters,
    ...(config.oauth
      ? { oauth: { parameter: config.oauth.client.parameter, accessToken: config.oauth.accessToken() } }
      : {}),
  }
  const insert = (text: string, scope: Scope): string => {
    const result = substituteSettings(text, scope, context)
    substituted ||= result.substitutedSecure
    usedOAuth ||= result.substitutedOAuth === true
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
    if (error instanceof NoOAuthTokenError)
      return finish(proxyError(422, 'Unprocessable Entity', NO_OAUTH_ANSWER))
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
