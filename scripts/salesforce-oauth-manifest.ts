/**
 * The manifest of the Salesforce OAuth package (`npm run package -- --salesforce-oauth`): the
 * default manifest with Zendesk's `oauth` block for a Salesforce External Client App and one
 * parameter of type `oauth` in place of the `crm_api_token` secure setting. Zendesk then runs the
 * authorization-code flow when an admin installs the app, keeps the tokens on its side, and puts the
 * access token into `{{setting.salesforce_oauth}}` in proxied `secure: true` requests
 * (docs/adr/0011-salesforce-oauth-through-zendesk.md).
 */

type Json = Record<string, unknown>

/** The oauth parameter's name: the app sends `Bearer {{setting.salesforce_oauth}}` when it is declared. */
export const OAUTH_PARAMETER = 'salesforce_oauth'
/** The secure setting the OAuth parameter replaces. */
export const TOKEN_PARAMETER = 'crm_api_token'
/** Salesforce issues a refresh token only when the scope asks for one (`refresh_token` or `offline_access`). */
export const SALESFORCE_SCOPE = 'api refresh_token'
export const DEFAULT_LOGIN_HOST = 'login.salesforce.com'

export interface SalesforceOAuthOptions {
  readonly clientId: string
  readonly clientSecret: string
  /** login.salesforce.com, test.salesforce.com (sandboxes) or a My Domain host (`acme.my.salesforce.com`). */
  readonly loginHost: string
}

/** Why a login host cannot be used, or null: a bare host name, no scheme, path or port. */
export function loginHostProblem(host: string): string | null {
  if (/^[a-z]+:\/\//i.test(host)) return 'give the host name only, without https://'
  if (/[/?#:@\s]/.test(host)) return 'give the host name only, without a path, port or spaces'
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(host))
    return 'not a valid host name'
  if (!/(^|\.)salesforce\.com$/i.test(host)) return 'not a salesforce.com host'
  return null
}

/** A copy of `manifest` with the OAuth block and parameter; the input is left as it is. */
export function salesforceOAuthManifest(manifest: Json, options: SalesforceOAuthOptions): Json {
  const clientId = options.clientId.trim()
  const clientSecret = options.clientSecret.trim()
  if (clientId === '' || clientSecret === '')
    throw new Error('The client ID and client secret are both needed.')
  const problem = loginHostProblem(options.loginHost)
  if (problem) throw new Error(`--salesforce-login-host ${options.loginHost}: ${problem}.`)
  const parameters = Array.isArray(manifest['parameters']) ? (manifest['parameters'] as Json[]) : []
  const tokenAt = parameters.findIndex((param) => param['name'] === TOKEN_PARAMETER)
  if (tokenAt < 0) throw new Error(`manifest.json has no ${TOKEN_PARAMETER} parameter to replace.`)
  // Zendesk's validator refuses a secure oauth parameter and more than one of them. Required: the
  // app has no other way to reach Salesforce (what Zendesk does with required on an oauth
  // parameter is not documented; see docs/connectors.md).
  const oauthParameter: Json = { name: OAUTH_PARAMETER, type: 'oauth', required: true }
  const base = `https://${options.loginHost.toLowerCase()}/services/oauth2`
  return {
    ...manifest,
    oauth: {
      client_id: clientId,
      client_secret: clientSecret,
      authorize_uri: `${base}/authorize`,
      access_token_uri: `${base}/token`,
      scope: SALESFORCE_SCOPE,
    },
    parameters: parameters.map((param, index) => (index === tokenAt ? oauthParameter : param)),
  }
}
