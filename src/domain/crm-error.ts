/**
 * Every way a CRM call can fail, as the agent needs to understand it. Connectors map vendor
 * statuses and error bodies onto these; the card has one sentence (and maybe a Retry) per kind.
 */
export const CRM_ERROR_KINDS = [
  'unauthorized', // the CRM refused the credentials (a wrong or revoked token)
  // The CRM connection is gone and only an admin can renew it: Salesforce's session expired or was
  // revoked (401 INVALID_SESSION_ID, also after Zendesk's refresh failed), or Zendesk's proxy holds
  // no OAuth token for the installation (422 "Failed to get installation and oauth information").
  'connection-expired',
  'forbidden', // the token's user may not read this, or the proxy refused the host
  'quota-exhausted', // daily API allocation used up (Salesforce 403 REQUEST_LIMIT_EXCEEDED)
  'rate-limited', // short-term limit (429); retrying later helps
  'unavailable', // 5xx, network failure or timeout
  'invalid-response', // the CRM answered something we cannot read
  'field-missing', // a configured field does not exist in the CRM
  'rejected', // any other 4xx: the CRM refused the request as built
] as const
export type CrmErrorKind = (typeof CRM_ERROR_KINDS)[number]

export interface CrmErrorDetails {
  readonly status?: number
  /** The vendor's own error code, e.g. `INVALID_FIELD`; shown to admins, never a secret. */
  readonly vendorCode?: string
  /** The field a `field-missing` error is about. */
  readonly field?: string
  readonly retryAfterMs?: number
  /** True for `unavailable` when our own timeout fired. */
  readonly timedOut?: boolean
  /**
   * True for `unavailable` on a write (not a read): the CRM failed, timed out or could not be
   * reached after the request may have left, so what it asked for may have been done all the same.
   */
  readonly unconfirmedWrite?: boolean
}

const RETRYABLE: ReadonlySet<CrmErrorKind> = new Set(['rate-limited', 'unavailable', 'invalid-response'])

export class CrmError extends Error {
  override readonly name = 'CrmError'
  readonly kind: CrmErrorKind
  readonly details: CrmErrorDetails

  constructor(kind: CrmErrorKind, message: string, details: CrmErrorDetails = {}) {
    super(message)
    this.kind = kind
    this.details = details
  }

  /** Whether the agent pressing Retry can plausibly help. */
  get isRetryable(): boolean {
    return RETRYABLE.has(this.kind)
  }
}

/** Checks the name, not the prototype, so errors crossing realms (iframes, test runners) still match. */
export function isCrmError(error: unknown): error is CrmError {
  return error instanceof Error && error.name === 'CrmError' && 'kind' in error
}

/** A 404 from the CRM: for a read by id or a search, "there is none" rather than a failure. */
export function isNotFound(error: unknown): boolean {
  return isCrmError(error) && error.details.status === 404
}
