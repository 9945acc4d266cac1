import type { CrmAuth } from '../settings/app-settings'

/**
 * The sentence that tells an admin where to renew a lost Salesforce connection: sign in again (the
 * OAuth package) or paste a new access token (the token setting). Agents, who cannot act on it,
 * are only told to ask an admin (`ui.error.kind.connection-expired`).
 */
export function renewalStepsKey(auth: CrmAuth): string {
  return auth === 'oauth' ? 'ui.error.renew.oauth' : 'ui.error.renew.pasted'
}
