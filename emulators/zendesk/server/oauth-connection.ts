import { randomBytes } from 'node:crypto'
import type { OAuthClientConfig } from './app-manifest'

/** When the proxy renews the access token: after the provider answered 401, or never. */
export type OAuthRenewal = 'on-401' | 'never'

/** One thing the connection did, for tests: never a token, a code or the client secret. */
export interface OAuthEvent {
  readonly kind: 'authorized' | 'renewed' | 'renewal-failed' | 'exchange-failed'
  readonly status: number
}

/**
 * The installation's third-party OAuth connection, as Zendesk keeps it for an app whose manifest
 * has an `oauth` block: the authorization-code flow an admin runs from the install settings page,
 * the tokens held here (never sent to a browser), and renewal with `grant_type=refresh_token`.
 * What Zendesk documents: the admin authorises at install time, only the authorization-code grant,
 * the redirect URI `https://zis.zendesk.com/api/services/zis/connections/oauth/callback` (here the
 * same path on the emulated host). What it does not: when it renews (here a switch, `renewal`).
 * `hostAliases` sends a provider host (login.salesforce.com) to a local emulator, like a hosts file.
 */
export class OAuthConnection {
  private tokens: { access: string; refresh: string | null } | null = null
  private readonly states = new Set<string>()
  private events: OAuthEvent[] = []

  constructor(
    readonly client: OAuthClientConfig,
    private readonly callbackUrl: () => string,
    private readonly hostAliases: Readonly<Record<string, string>>,
    public renewal: OAuthRenewal
  ) {}

  get connected(): boolean {
    return this.tokens !== null
  }

  /** The access token for `{{setting.<oauth parameter>}}`, or null before the admin authorised. */
  accessToken(): string | null {
    return this.tokens?.access ?? null
  }

  /** The tokens, so the proxy can mask them in anything it reports. */
  secretValues(): string[] {
    return this.tokens ? [this.tokens.access, ...(this.tokens.refresh ? [this.tokens.refresh] : [])] : []
  }

  log(): OAuthEvent[] {
    return this.events.map((event) => ({ ...event }))
  }

  /** Where the OAuth prompt sends the admin's browser: the provider's authorize page. */
  authorizeUrl(): string {
    const state = randomBytes(16).toString('hex')
    this.states.add(state)
    const url = this.resolve(this.client.authorizeUri)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('client_id', this.client.clientId)
    url.searchParams.set('redirect_uri', this.callbackUrl())
    if (this.client.scope) url.searchParams.set('scope', this.client.scope)
    url.searchParams.set('state', state)
    return url.href
  }

  /** The provider redirected back: check the state, exchange the code, keep the tokens. */
  async complete(query: URLSearchParams): Promise<{ ok: true } | { ok: false; reason: string }> {
    const state = query.get('state') ?? ''
    if (!this.states.delete(state))
      return { ok: false, reason: 'The sign-in answer does not match a sign-in we started.' }
    const error = query.get('error')
    if (error) return { ok: false, reason: `The provider refused: ${error}` }
    const answer = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: query.get('code') ?? '',
      redirect_uri: this.callbackUrl(),
    })
    if (!answer.ok || typeof answer.body['access_token'] !== 'string') {
      this.events.push({ kind: 'exchange-failed', status: answer.status })
      return { ok: false, reason: `The token exchange failed with status ${answer.status}.` }
    }
    const refresh = answer.body['refresh_token']
    this.tokens = {
      access: answer.body['access_token'],
      refresh: typeof refresh === 'string' ? refresh : null,
    }
    this.events.push({ kind: 'authorized', status: answer.status })
    return { ok: true }
  }

  /** One refresh with the refresh token; false when there is none or the provider refused it. */
  async renew(): Promise<boolean> {
    const refresh = this.tokens?.refresh
    if (!refresh) return false
    const answer = await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh })
    const access = answer.body['access_token']
    if (!answer.ok || typeof access !== 'string') {
      this.events.push({ kind: 'renewal-failed', status: answer.status })
      return false
    }
    // Salesforce keeps the refresh token; a provider that rotates it sends a new one.
    const rotated = answer.body['refresh_token']
    this.tokens = { access, refresh: typeof rotated === 'string' ? rotated : refresh }
    this.events.push({ kind: 'renewed', status: answer.status })
    return true
  }

  /** Back to an installation nobody has authorised yet. */
  reset(): void {
    this.tokens = null
    this.states.clear()
    this.events = []
  }

  private resolve(uri: string): URL {
    const url = new URL(uri)
    const alias = this.hostAliases[url.hostname]
    if (!alias) return url
    const target = new URL(alias)
    return new URL(`${url.pathname}${url.search}`, target)
  }

  private async tokenRequest(
    fields: Record<string, string>
  ): Promise<{ ok: boolean; status: number; body: Record<string, unknown> }> {
    const body = new URLSearchParams({
      ...fields,
      client_id: this.client.clientId,
      client_secret: this.client.clientSecret,
    })
    try {
      const res = await fetch(this.resolve(this.client.accessTokenUri), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(10_000),
      })
      const parsed: unknown = await res.json().catch(() => ({}))
      const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
      return { ok: res.ok, status: res.status, body: record }
    } catch {
      return { ok: false, status: 0, body: {} }
    }
  }
}
