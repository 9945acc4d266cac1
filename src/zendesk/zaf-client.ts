/**
 * The slice of the ZAF client this app uses, typed. The npm SDK ships no types, so this file is
 * the only place that knows its shape; everything else depends on `ZafClient`.
 */
export interface ZafRequestOptions {
  readonly url: string
  readonly type: string
  readonly headers?: Record<string, string>
  readonly data?: string
  readonly contentType?: string
  readonly secure?: boolean
  readonly httpCompleteResponse?: boolean
  readonly timeout?: number
  readonly dataType?: 'text' | 'json'
  readonly cors?: boolean
}

/** What `request` resolves with when `httpCompleteResponse` is set, and what it rejects with. */
export interface ZafResponse {
  readonly status: number
  readonly statusText?: string
  readonly responseText?: string
  readonly responseJSON?: unknown
  readonly headers?: Record<string, string> | string
}

export interface ZafContext {
  readonly instanceGuid: string
  readonly location: string
  readonly ticketId?: number
  readonly account?: { readonly subdomain: string }
}

export interface ZafMetadata {
  readonly appId: number
  readonly installationId: number
  readonly version?: string
  readonly settings: Record<string, unknown>
}

export interface ZafClient {
  get(paths: string | readonly string[]): Promise<Record<string, unknown>>
  invoke(name: string, ...args: readonly unknown[]): Promise<unknown>
  on(event: string, handler: (payload: unknown) => void): void
  off(event: string, handler: (payload: unknown) => void): void
  request(options: ZafRequestOptions): Promise<unknown>
  metadata(): Promise<ZafMetadata>
  context(): Promise<ZafContext>
}

/** `client` with its `request` replaced and every other call passed through as it is. */
export function withRequest(
  client: ZafClient,
  request: (options: ZafRequestOptions) => Promise<unknown>
): ZafClient {
  return {
    get: (paths) => client.get(paths),
    invoke: (name, ...args) => client.invoke(name, ...args),
    on: (event, handler) => client.on(event, handler),
    off: (event, handler) => client.off(event, handler),
    metadata: () => client.metadata(),
    context: () => client.context(),
    request,
  }
}
