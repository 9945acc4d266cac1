import { AxiosError } from 'axios'
import { CrmError } from '../../domain/crm-error'

/** The vendor's own error code and message, read from its error body by the connector. */
export interface VendorError {
  readonly code?: string
  readonly message?: string
  /** A wait the vendor implies without a Retry-After header (HubSpot names its rate-limit policy instead). */
  readonly retryAfterMs?: number
  /**
   * The body says the connection itself is gone (Salesforce INVALID_SESSION_ID, or the Zendesk
   * proxy's OAuth answer), not that this one request was refused.
   */
  readonly connectionExpired?: boolean
}
export type VendorErrorReader = (body: unknown) => VendorError

const QUOTA_CODES: ReadonlySet<string> = new Set(['REQUEST_LIMIT_EXCEEDED'])
// Salesforce INVALID_FIELD; HubSpot PROPERTY_DOESNT_EXIST (a task property the portal lacks).
const MISSING_FIELD_CODES: ReadonlySet<string> = new Set(['INVALID_FIELD', 'PROPERTY_DOESNT_EXIST'])
// Salesforce: "No such column 'Health__c' on entity 'Account'…"; HubSpot: 'Property "x" does not exist'.
const MISSING_FIELD_NAME = /(?:column|field|property)\s+['"]([^'"]+)['"]/i

/**
 * One table from HTTP failure to `CrmError` kind, shared by every connector; the connector only
 * teaches it how to read its vendor's error body. Never copies a response body into the message
 * (it could echo request data); the vendor code is enough for an admin to search.
 */
export function toCrmError(error: unknown, readVendorError: VendorErrorReader): CrmError {
  if (!(error instanceof AxiosError)) {
    return new CrmError('unavailable', 'The CRM request failed before it was sent')
  }
  const response = error.response
  if (!response) {
    const timedOut = error.code === AxiosError.ETIMEDOUT || error.code === AxiosError.ECONNABORTED
    return new CrmError(
      'unavailable',
      timedOut ? 'The CRM did not answer in time' : 'The CRM could not be reached',
      {
        timedOut,
      }
    )
  }
  const status = response.status
  const vendor = readVendorError(parseBody(response.data))
  const details = { status, ...(vendor.code ? { vendorCode: vendor.code } : {}) }

  if (vendor.connectionExpired && (status === 401 || status === 422))
    return new CrmError('connection-expired', 'The CRM connection needs to be renewed', details)
  if (status === 401) return new CrmError('unauthorized', 'The CRM rejected the API token', details)
  if (status === 429) {
    const retryAfterMs = retryAfter(response.headers) ?? vendor.retryAfterMs
    return new CrmError('rate-limited', 'The CRM asked us to slow down', {
      ...details,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    })
  }
  if (vendor.code && QUOTA_CODES.has(vendor.code)) {
    return new CrmError('quota-exhausted', 'The CRM API quota is used up', details)
  }
  if (status === 403) return new CrmError('forbidden', 'The CRM refused access', details)
  if (status >= 500) return new CrmError('unavailable', `The CRM failed with status ${status}`, details)
  if (vendor.code && MISSING_FIELD_CODES.has(vendor.code)) {
    const field = MISSING_FIELD_NAME.exec(vendor.message ?? '')?.[1]
    return new CrmError('field-missing', 'A configured field does not exist in the CRM', {
      ...details,
      ...(field ? { field } : {}),
    })
  }
  return new CrmError('rejected', `The CRM refused the request with status ${status}`, details)
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfter(headers: unknown, now: number = Date.now()): number | undefined {
  const value =
    headers && typeof headers === 'object' && 'get' in headers && typeof headers.get === 'function'
      ? (headers.get as (name: string) => unknown).call(headers, 'retry-after')
      : undefined
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
