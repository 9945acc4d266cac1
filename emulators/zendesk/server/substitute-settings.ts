import type { ParameterRule, Scope } from './app-manifest'
import type { SettingValue } from './installation-settings'

export class UnknownSettingError extends Error {
  constructor(readonly setting: string) {
    super(`unknown setting ${setting}`)
  }
}

/** A request names the oauth parameter, but nobody has authorised the installation yet. */
export class NoOAuthTokenError extends Error {
  constructor() {
    super('no OAuth token for the installation')
  }
}

export interface SubstitutionContext {
  /** Whether the request was made with `secure: true` (only those may carry secure settings). */
  readonly secureRequest: boolean
  readonly settings: Readonly<Record<string, SettingValue>>
  readonly parameters: ReadonlyMap<string, ParameterRule>
  /** The oauth parameter's name and the access token Zendesk holds for it (null: not authorised). */
  readonly oauth?: { readonly parameter: string; readonly accessToken: string | null }
}

const PLACEHOLDER = /\{\{setting\.([A-Za-z0-9_.-]+)\}\}/g

/**
 * Replaces `{{setting.<name>}}` in one part of a request, as the Zendesk proxy does:
 * - non-secure settings are inserted anywhere;
 * - a secure setting only into a `secure: true` request, and only into the parts its manifest
 *   `scopes` name (no scopes: anywhere — Zendesk warns that this risks exposing the token);
 *   otherwise the placeholder is left as it is;
 * - a name that is neither a manifest parameter nor an installation setting is an error.
 * Returns the text and whether a secure value went into it.
 */
export function substituteSettings(
  text: string,
  scope: Scope,
  context: SubstitutionContext
): { text: string; substitutedSecure: boolean; substitutedOAuth?: true } {
  let substitutedSecure = false
  let substitutedOAuth = false
  const result = text.replace(PLACEHOLDER, (placeholder, name: string) => {
    // The oauth parameter stands for the access token: secure requests only, as a header
    // (`Authorization: Bearer {{setting.<name>}}`, the form Zendesk's docs show).
    if (context.oauth && name === context.oauth.parameter) {
      if (!context.secureRequest || scope !== 'header') return placeholder
      if (context.oauth.accessToken === null) throw new NoOAuthTokenError()
      substitutedSecure = true
      substitutedOAuth = true
      return context.oauth.accessToken
    }
    const rule = context.parameters.get(name)
    if (!rule && !(name in context.settings)) throw new UnknownSettingError(name)
    if (rule?.secure) {
      if (!context.secureRequest || (rule.scopes !== null && !rule.scopes.includes(scope))) return placeholder
      substitutedSecure = true
    }
    return String(context.settings[name] ?? '')
  })
  return { text: result, substitutedSecure, ...(substitutedOAuth ? { substitutedOAuth: true as const } : {}) }
}
