import axios, { type AxiosAdapter, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import { CrmError } from '../../domain/crm-error'
import { toCrmError, type VendorErrorReader } from './to-crm-error'

export interface CrmRequest extends AxiosRequestConfig {
  /**
   * Safe to send again: GETs, and read-only POSTs such as a composite of queries. Writes are never
   * retried blindly; escalation is made idempotent instead.
   */
  readonly idempotent?: boolean
}

export interface CrmHttp {
  /** Sends one logical request (retrying idempotent ones), or throws a `CrmError`. */
  send(request: CrmRequest): Promise<AxiosResponse<unknown>>
}

export interface RetryPolicy {
  /** Extra attempts after the first. */
  readonly retries: number
  readonly baseDelayMs: number
  /** A Retry-After longer than this is not waited for: the agent sees "try again later" instead. */
  readonly maxRetryAfterMs: number
}

export interface CrmHttpOptions {
  readonly baseUrl: string
  readonly adapter: AxiosAdapter
  readonly readVendorError: VendorErrorReader
  /** The setting whose value the proxy sends as the bearer token; crm_api_token when absent. */
  readonly tokenSetting?: string
  readonly timeoutMs?: number
  readonly retry?: RetryPolicy
  readonly sleep?: (ms: number) => Promise<void>
  /** 0 ≤ n < 1, for the retry jitter; injectable so tests can pin it. */
  readonly random?: () => number
}

/** What callers (createCrm, tests) may tune; the rest comes from the provider. */
export type CrmHttpTuning = Pick<CrmHttpOptions, 'timeoutMs' | 'retry' | 'sleep' | 'random'>

/** The token never reaches the browser: the Zendesk proxy replaces this placeholder. */
export const TOKEN_PLACEHOLDER = '{{setting.crm_api_token}}'

/** The placeholder for another setting's value, e.g. the OAuth access token of `salesforce_oauth`. */
export const settingPlaceholder = (setting: string): string => `{{setting.${setting}}}`

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxRetryAfterMs: 5000 }

export function createCrmHttp(options: CrmHttpOptions): CrmHttp {
  const instance = axios.create({
    baseURL: options.baseUrl,
    adapter: options.adapter,
    timeout: options.timeoutMs ?? 8000,
    headers: {
      Authorization: `Bearer ${options.tokenSetting ? settingPlaceholder(options.tokenSetting) : TOKEN_PLACEHOLDER}`,
      Accept: 'application/json',
    },
  })
  const retry = options.retry ?? DEFAULT_RETRY
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const random = options.random ?? Math.random

  return {
    async send(request) {
      const canRetry = request.idempotent === true || (request.method ?? 'get').toLowerCase() === 'get'
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await instance.request<unknown>(request)
        } catch (failure) {
          const error = toCrmError(failure, options.readVendorError)
          const delay = canRetry && attempt < retry.retries ? retryDelay(error, attempt, retry, random) : null
          if (delay === null) throw canRetry ? error : unconfirmed(error)
          await sleep(delay)
        }
      }
    },
  }
}

/** A write's failure, marked when the CRM may have done it anyway (so no one says "not created"). */
function unconfirmed(error: CrmError): CrmError {
  if (error.kind !== 'unavailable') return error
  return new CrmError(error.kind, error.message, { ...error.details, unconfirmedWrite: true })
}

/**
 * How long to wait before the next attempt, or null when another attempt cannot help. The CRM's
 * own Retry-After is kept as given; our backoff (base × 3ⁿ) is jittered to between half and all of
 * it, so the agents whose cards all failed in one outage do not all retry in the same millisecond.
 */
export function retryDelay(
  error: CrmError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random
): number | null {
  const backoff = (): number => Math.round(policy.baseDelayMs * 3 ** attempt * (0.5 + random() / 2))
  if (error.kind === 'rate-limited') {
    const wait = error.details.retryAfterMs ?? backoff()
    return wait <= policy.maxRetryAfterMs ? wait : null
  }
  // A timeout already cost the agent the whole timeout; a second one would double it.
  if (error.kind === 'unavailable' && !error.details.timedOut) return backoff()
  return null
}
