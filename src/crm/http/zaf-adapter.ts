import axios, {
  AxiosError,
  AxiosHeaders,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios'
import type { ZafClient, ZafRequestOptions, ZafResponse } from '../../zendesk/zaf-client'

/**
 * An axios adapter that sends every request through ZAF `client.request` with `secure: true`, so
 * the Zendesk proxy (not the browser) inserts `{{setting.crm_api_token}}` and calls the CRM.
 * Connectors stay plain axios code; see docs/adr/0002-crm-calls-through-zaf-proxy.md.
 */
export function zafAdapter(client: ZafClient): AxiosAdapter {
  return async (config) => {
    const options = toZafOptions(config)
    let outcome: { ok: true; value: unknown } | { ok: false; value: unknown }
    try {
      outcome = { ok: true, value: await client.request(options) }
    } catch (failure) {
      outcome = { ok: false, value: failure }
    }
    const zafResponse = asZafResponse(outcome.value)
    if (!zafResponse) {
      throw new AxiosError('The Zendesk proxy gave no response', AxiosError.ERR_NETWORK, config)
    }
    // jQuery-style timeout: the proxy gave up waiting for the CRM.
    if (zafResponse.status === 0) {
      const code = zafResponse.statusText === 'timeout' ? AxiosError.ETIMEDOUT : AxiosError.ERR_NETWORK
      throw new AxiosError(`CRM request ${zafResponse.statusText ?? 'failed'}`, code, config)
    }
    const response = toAxiosResponse(zafResponse, config)
    const validate = config.validateStatus
    if (!validate || validate(response.status)) return response
    throw new AxiosError(
      `Request failed with status code ${response.status}`,
      response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      null,
      response
    )
  }
}

function toZafOptions(config: InternalAxiosRequestConfig): ZafRequestOptions {
  const headers: Record<string, string> = {}
  let contentType: string | undefined
  for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
    if (value === undefined || value === null) continue
    // ZAF sets the body's type from `contentType`; a duplicate header would be sent twice.
    if (name.toLowerCase() === 'content-type') contentType = String(value)
    else headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  const data = config.data === undefined || config.data === null ? undefined : String(config.data)
  return {
    url: axios.getUri(config),
    type: (config.method ?? 'get').toUpperCase(),
    headers,
    secure: true,
    httpCompleteResponse: true,
    // Read the body as text: axios parses it, so a malformed body becomes a validation error
    // we can name rather than a proxy-side parse failure.
    dataType: 'text',
    ...(data === undefined ? {} : { data }),
    ...(contentType === undefined ? {} : { contentType }),
    ...(config.timeout ? { timeout: config.timeout } : {}),
  }
}

function asZafResponse(value: unknown): ZafResponse | null {
  if (typeof value !== 'object' || value === null || !('status' in value)) return null
  const status = Number((value as { status: unknown }).status)
  return Number.isFinite(status) ? { ...(value as ZafResponse), status } : null
}

function toAxiosResponse(zaf: ZafResponse, config: InternalAxiosRequestConfig): AxiosResponse<string> {
  const body = zaf.responseText ?? (zaf.responseJSON === undefined ? '' : JSON.stringify(zaf.responseJSON))
  // Raw text: axios's own transformResponse parses it after the adapter returns.
  return {
    data: body,
    status: zaf.status,
    statusText: zaf.statusText ?? '',
    headers: AxiosHeaders.from(normaliseHeaders(zaf.headers)),
    config,
    request: null,
  }
}

/** Header names lower-cased, whether the proxy gave an object or a raw header block. */
export function normaliseHeaders(headers: ZafResponse['headers']): Record<string, string> {
  const result: Record<string, string> = {}
  if (!headers) return result
  if (typeof headers === 'string') {
    for (const line of headers.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon > 0) result[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
    return result
  }
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = String(value)
  return result
}
