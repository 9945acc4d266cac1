import type { MatchStrategy } from '../../domain/match-strategy'
import type { CrmConnector, EscalationCrm } from '../../domain/ports'
import type { CustomRestSettings } from '../../settings/custom-rest-settings'
import type { CrmHttp } from '../http/create-crm-http'
import { withAuthHeader } from './auth-header'
import { createCustomConnector } from './custom-connector'
import { createCustomEscalation } from './custom-escalation'

/**
 * The custom-REST CRM, entirely described by settings: lookups and field map for the card, one
 * request (plus an optional search and follow-up) for escalations. `http` is a CrmHttp made with
 * readCustomError; the token goes in the header the settings name.
 */
export function createCustomRestCrm(
  http: CrmHttp,
  settings: CustomRestSettings,
  matchOrder: readonly MatchStrategy[]
): { connector: CrmConnector; escalation: EscalationCrm } {
  const authorized = withAuthHeader(http, settings.authHeader)
  return {
    connector: createCustomConnector(authorized, settings, matchOrder),
    escalation: createCustomEscalation(authorized, settings),
  }
}
