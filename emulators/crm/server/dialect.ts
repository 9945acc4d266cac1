import type { IncomingHttpHeaders } from 'node:http'
import type { Faults } from './faults'

export const DIALECTS = ['salesforce', 'hubspot', 'custom'] as const
export type DialectName = (typeof DIALECTS)[number]

/** One vendor-API request, as the dialect sees it (control-plane requests never reach a dialect). */
export interface VendorRequest {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly body: string | undefined
  readonly headers: IncomingHttpHeaders
}

export interface VendorResponse {
  readonly status: number
  /** Serialized as JSON unless already a string. */
  readonly body: unknown
  readonly headers?: Record<string, string>
}

/** The faults that answer with an error body; each vendor words them its own way. */
export type ErrorFault = 'unauthorized' | 'forbidden' | 'quota' | 'server-error'

/** A table for the human-facing index page; the page escapes every cell. */
export interface IndexSection {
  readonly heading: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly unknown[])[]
}

export interface IndexPage {
  readonly title: string
  readonly summary: string
  readonly endpoints: readonly string[]
  readonly sections: readonly IndexSection[]
}

/**
 * One CRM vendor's wire format. The server around it owns the control plane, latency, hangs and
 * the fault switch; the dialect owns authentication, routes, error shapes and its data.
 */
export interface Dialect {
  readonly name: DialectName
  /** null when the request carries the vendor's credentials, else the vendor's 401. */
  authenticate(request: VendorRequest): VendorResponse | null
  handle(request: VendorRequest): VendorResponse
  /** The vendor's answer for an error fault switched on through the control plane. */
  fault(mode: ErrorFault, faults: Faults): VendorResponse
  /** A body cut off mid-record, in the vendor's usual opening. */
  readonly malformedBody: string
  /** Headers every vendor answer carries (usage counters); called once per request, faulted or not. */
  meter(request: VendorRequest): Record<string, string>
  /** Extra fields for the request log (the SOQL, a JSON body). */
  describe(request: VendorRequest): { soql?: string[]; body?: string }
  /** HubSpot: how far the search index lags behind writes (ms); other vendors' searches are consistent. */
  setSearchLag?(ms: number): void
  /** The records the app wrote (tasks), as plain JSON objects. */
  tasks(): Record<string, unknown>[]
  /**
   * Salesforce: changes fields of one seeded record (until the next reset), so a test can show the
   * app data the seed does not hold; false when there is no such record.
   */
  editRecord?(object: string, id: string, fields: Record<string, unknown>): boolean
  reset(): void
  /**
   * Salesforce: the OAuth endpoints (`/services/oauth2/authorize`, `/services/oauth2/token`), which
   * answer outside the API's faults and metering; null for any other path.
   */
  oauthEndpoint?(request: VendorRequest): VendorResponse | null
  /** Salesforce: ends every OAuth session (`expire`) or revokes every refresh token too (`revoke`). */
  endOAuth?(how: 'expire' | 'revoke'): void
  /** Salesforce: every OAuth token issued, and the token endpoint's calls (no tokens in them). */
  oauthRecord?(): { tokens: string[]; grants: { grantType: string; status: number; error?: string }[] }
  indexPage(): IndexPage
  /** A plain-text stand-in for the vendor's own UI page at this path (record links), or null. */
  uiPage(path: string): string | null
}
