import type { CustomerContext } from '../../domain/customer'
import type { LookupOutcome } from '../../domain/match'
import type { CrmConnector } from '../../domain/ports'
import type { AppSettings } from '../../settings/app-settings'
import type { CrmHttp } from '../http/create-crm-http'
import { compositeBody, planLookup } from './lookup-plan'
import { parseLookup } from './parse-lookup'
import { readSalesforceError } from './read-salesforce-error'
import { API_ROOT } from './salesforce-api'

/**
 * Salesforce connector. A ticket view costs one API call: every applicable step of the match
 * cascade is a query inside a single composite request (composite counts as one call against the
 * org's daily allocation).
 */
export function createSalesforceConnector(http: CrmHttp, settings: AppSettings): CrmConnector {
  return {
    async findAccount(context: CustomerContext): Promise<LookupOutcome> {
      const plan = planLookup(context, settings.fields, settings.escalationKeyField, settings.matchOrder)
      if (plan.queries.length === 0) return { kind: 'not-found', tried: plan.skipped }
      const response = await http.send({
        method: 'POST',
        url: `${API_ROOT}/composite`,
        data: compositeBody(plan),
        idempotent: true,
      })
      return parseLookup({
        plan,
        body: response.data,
        fields: settings.fields,
        baseUrl: settings.baseUrl,
        readVendorError: readSalesforceError,
      })
    },
  }
}
