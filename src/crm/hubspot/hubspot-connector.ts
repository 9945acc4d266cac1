import type { CustomerContext } from '../../domain/customer'
import { decideStep, MAX_CANDIDATES, type LookupOutcome, type MatchAttempt } from '../../domain/match'
import type { CrmConnector } from '../../domain/ports'
import type { AppSettings } from '../../settings/app-settings'
import type { CrmHttp } from '../http/create-crm-http'
import { createCompanyFinder } from './find-companies'
import { companyProperties, parseCompany, propertyText } from './parse-company'
import type { ResolveOwner } from './owner-directory'

/**
 * HubSpot connector. HubSpot has no composite query, so a view costs one call per cascade step
 * until a match (a contact read, then its company), plus one owner read the first time a CSM is
 * seen. When several companies match, their owners are read in parallel (distinct, uncached ones
 * only) so the picker can show each CSM and the picked account is complete without another call.
 */
export function createHubSpotConnector(
  http: CrmHttp,
  settings: AppSettings,
  resolveOwner: ResolveOwner
): CrmConnector {
  const findStep = createCompanyFinder(http, companyProperties(settings.fields), [
    settings.fields.healthScore,
  ])

  return {
    async findAccount(context: CustomerContext): Promise<LookupOutcome> {
      const tried: MatchAttempt[] = []
      for (const strategy of settings.matchOrder) {
        const step = await findStep(strategy, context)
        if (step.kind === 'skipped') {
          tried.push({ strategy, value: step.value, result: 'skipped', reason: step.reason })
          continue
        }
        if (step.kind === 'no-match') {
          tried.push({ strategy, value: step.value, result: 'no-match' })
          continue
        }
        const base = {
          fields: settings.fields,
          portalId: settings.hubspotPortalId,
          baseUrl: settings.baseUrl,
          matchedBy: strategy,
          contactId: step.contactId,
        }
        const shortlist = step.companies.slice(0, MAX_CANDIDATES)
        const ownerIds = [...new Set(shortlist.map((company) => propertyText(company, settings.fields.csm)))]
        const owners = new Map(
          await Promise.all(ownerIds.map(async (id) => [id, await resolveOwner(id)] as const))
        )
        const accounts = shortlist.map((company) =>
          parseCompany(company, owners.get(propertyText(company, settings.fields.csm)) ?? null, base)
        )
        const match = decideStep(accounts)
        if (match.kind === 'found') return { kind: 'found', account: match.account, tried }
        if (match.kind === 'ambiguous')
          return { kind: 'ambiguous', strategy, candidates: match.candidates, tried }
        tried.push({ strategy, value: step.value, result: 'no-match' })
      }
      return { kind: 'not-found', tried }
    },
  }
}
