import type { RuleContext } from './rule-context'
import { isRecord } from './package-files'

/**
 * The manifest's `oauth.client_secret`, when it has one. Zendesk requires it in manifest.json (the
 * oauth block), so it is the one secret a package may hold, and only there.
 */
export function oauthClientSecret(manifest: RuleContext['manifest']): string | null {
  const oauth = manifest?.['oauth']
  if (!isRecord(oauth)) return null
  const secret = oauth['client_secret']
  return typeof secret === 'string' && secret !== '' ? secret : null
}

/** The note on a Zendesk warning about manifest.json that only the required client_secret causes. */
export const OAUTH_SECRET_NOTE =
  "From the manifest's oauth block, which Zendesk requires to hold the OAuth client's secret in manifest.json; nothing else in the package may hold it (oauth/client-secret-leaked)."

/**
 * manifest.json with the client secret's value blanked, so a rule can tell whether it would still
 * fire without it: if not, the finding is the required oauth block and nothing of ours.
 */
export function withoutClientSecret(text: string, secret: string): string {
  return text.split(JSON.stringify(secret).slice(1, -1)).join('')
}
