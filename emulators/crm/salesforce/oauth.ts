import { randomBytes } from 'node:crypto'
import type { VendorRequest, VendorResponse } from '../server/dialect'

/**
 * Salesforce's OAuth 2.0 web-server (authorization-code) flow, as far as an app connected through
 * Zendesk sees it: `GET /services/oauth2/authorize` (Salesforce's sign-in and approval, here one
 * page with an Allow button), `POST /services/oauth2/token` for `authorization_code` and
 * `refresh_token` grants. Answers carry the fields Salesforce documents (access_token,
 * refresh_token, signature, scope, instance_url, id, token_type, issued_at) and never `expires_in`:
 * an access token lives until its session ends, which tests trigger with `expireAccessTokens`.
 * A refresh token is issued only when the scope asks for `refresh_token` (or `offline_access`).
 */
export interface OAuthClient {
  readonly clientId: string
  readonly clientSecret: string
}

/** One token endpoint call, as a test may inspect it: never a token or secret. */
export interface OAuthGrant {
  readonly grantType: string
  readonly status: number
  readonly error?: string
}

interface PendingCode {
  readonly redirectUri: string
  readonly scope: string
}

const INTEGRATION_USER_ID = '005000000000001AAA'
const ORG_ID = '00D000000000001AAA'

const html = (status: number, body: string): VendorResponse => ({
  status,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Salesforce (emulated)</title></head><body>${body}</body></html>`,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
})
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
const oauthError = (status: number, error: string, description: string): VendorResponse => ({
  status,
  body: { error, error_description: description },
})

export class SalesforceOAuth {
  private readonly codes = new Map<string, PendingCode>()
  private accessTokens = new Set<string>()
  private refreshTokens = new Set<string>()
  private issued: string[] = []
  private grants: OAuthGrant[] = []

  constructor(
    private readonly client: OAuthClient,
    private readonly origin: () => string
  ) {}

  /** Whether `token` is a live access token issued by this flow. */
  accepts(token: string): boolean {
    return this.accessTokens.has(token)
  }

  /** Ends every session: the access tokens answer 401 INVALID_SESSION_ID; refresh tokens still work. */
  expireAccessTokens(): void {
    this.accessTokens = new Set()
  }

  /** Revokes every refresh token (and, as in Salesforce, the sessions issued from them). */
  revokeRefreshTokens(): void {
    this.refreshTokens = new Set()
    this.accessTokens = new Set()
  }

  /** Every access and refresh token ever issued, so tests can assert where they never appear. */
  issuedTokens(): string[] {
    return [...this.issued]
  }

  grantLog(): OAuthGrant[] {
    return this.grants.map((grant) => ({ ...grant }))
  }

  reset(): void {
    this.codes.clear()
    this.accessTokens = new Set()
    this.refreshTokens = new Set()
    this.issued = []
    this.grants = []
  }

  /** The OAuth endpoints' answer, or null for any other path. */
  handle(request: VendorRequest): VendorResponse | null {
    if (request.path === '/services/oauth2/authorize') return this.authorize(request)
    if (request.path === '/services/oauth2/token') return this.token(request)
    return null
  }

  private authorize(request: VendorRequest): VendorResponse {
    const query = request.method === 'POST' ? new URLSearchParams(request.body ?? '') : request.query
    const redirectUri = query.get('redirect_uri') ?? ''
    const state = query.get('state')
    if (query.get('client_id') !== this.client.clientId)
      return html(400, '<h1>error=invalid_client_id</h1><p>client identifier invalid</p>')
    if (query.get('response_type') !== 'code')
      return html(400, '<h1>error=unsupported_response_type</h1><p>response type not supported</p>')
    if (!/^https?:\/\//.test(redirectUri))
      return html(400, '<h1>error=redirect_uri_mismatch</h1><p>redirect_uri must match configuration</p>')
    const scope = query.get('scope') ?? 'api'
    if (request.method !== 'POST') {
      // Salesforce signs the user in, then asks to allow access; here the integration user is signed in.
      const hidden = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state']
        .filter((name) => query.get(name) !== null)
        .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? '')}">`)
        .join('')
      return html(
        200,
        `<main><h1>Allow Access?</h1><p>Success Bridge for Zendesk is asking to access your Salesforce data as Integration User (scopes: ${escapeHtml(scope)}).</p><form method="post" action="/services/oauth2/authorize">${hidden}<button type="submit">Allow</button></form></main>`
      )
    }
    const code = `aPrx${randomBytes(24).toString('base64url')}`
    this.codes.set(code, { redirectUri, scope })
    const target = new URL(redirectUri)
    target.searchParams.set('code', code)
    if (state !== null) target.searchParams.set('state', state)
    return { status: 302, body: '', headers: { Location: target.href } }
  }

  private token(request: VendorRequest): VendorResponse {
    const form = new URLSearchParams(request.body ?? '')
    const grantType = form.get('grant_type') ?? ''
    const answer =
      request.method === 'POST' && [...form.keys()].length > 0
        ? this.grant(grantType, form)
        : oauthError(400, 'invalid_request', 'must use HTTP POST with a form body')
    const body = answer.body as { error?: string }
    this.grants.push({
      grantType,
      status: answer.status,
      ...(body.error === undefined ? {} : { error: body.error }),
    })
    return answer
  }

  private grant(grantType: string, form: URLSearchParams): VendorResponse {
    if (
      form.get('client_id') !== this.client.clientId ||
      form.get('client_secret') !== this.client.clientSecret
    )
      return oauthError(400, 'invalid_client', 'invalid client credentials')
    if (grantType === 'authorization_code') {
      const code = form.get('code') ?? ''
      const pending = this.codes.get(code)
      this.codes.delete(code)
      if (!pending || pending.redirectUri !== form.get('redirect_uri'))
        return oauthError(400, 'invalid_grant', 'authentication failure')
      const withRefresh = /\b(refresh_token|offline_access)\b/.test(pending.scope)
      return { status: 200, body: this.tokens(pending.scope, withRefresh) }
    }
    if (grantType === 'refresh_token') {
      if (!this.refreshTokens.has(form.get('refresh_token') ?? ''))
        return oauthError(400, 'invalid_grant', 'expired access/refresh token')
      // Salesforce answers a refresh with a new access token and no new refresh token.
      return { status: 200, body: this.tokens('api refresh_token', false) }
    }
    return oauthError(400, 'unsupported_grant_type', 'grant type not supported')
  }

  private tokens(scope: string, withRefresh: boolean): Record<string, string> {
    const access = `${ORG_ID}!AQ${randomBytes(36).toString('base64url')}`
    this.accessTokens.add(access)
    this.issued.push(access)
    const issuedAt = String(Date.now())
    const answer: Record<string, string> = {
      access_token: access,
      signature: randomBytes(32).toString('base64'),
      scope,
      instance_url: this.origin(),
      id: `${this.origin()}/id/${ORG_ID}/${INTEGRATION_USER_ID}`,
      token_type: 'Bearer',
      issued_at: issuedAt,
    }
    if (withRefresh) {
      const refresh = `5Aep${randomBytes(40).toString('base64url')}`
      this.refreshTokens.add(refresh)
      this.issued.push(refresh)
      answer['refresh_token'] = refresh
    }
    return answer
  }
}
