/** What one Salesforce REST endpoint answers; the server adds the meter headers. */
export interface DialectResponse {
  readonly status: number
  readonly body: unknown
  readonly headers?: Record<string, string>
}

/** One request inside /services/data/<version>/, on its own or as a composite sub-request. */
export interface SubRequest {
  method: string
  path: string
  search: URLSearchParams
  body: string | undefined
}
