import { isNotFound } from '../../domain/crm-error'
import { emailDomain, isPublicEmailDomain, type CustomerContext } from '../../domain/customer'
import { MAX_CANDIDATES, type SkipReason } from '../../domain/match'
import type { MatchStrategy } from '../../domain/match-strategy'
import type { CrmHttp } from '../http/create-crm-http'
import { isHubSpotId, OBJECTS, unreadable } from './hubspot-api'
import {
  batchResultSchema,
  objectWithAssociationsSchema,
  searchResultSchema,
  simpleObjectSchema,
  type SimpleObject,
} from './hubspot-schemas'

/** What one step of the cascade found, before owners are resolved. */
export type StepResult =
  | { readonly kind: 'skipped'; readonly value: string | null; readonly reason: SkipReason }
  | { readonly kind: 'no-match'; readonly value: string }
  | {
      readonly kind: 'companies'
      readonly value: string
      readonly companies: readonly SimpleObject[]
      readonly contactId: string | null
    }

/**
 * The three ways to find a ticket's company, each preferring GET-by-id paths: the search endpoints
 * have their own, much lower rate limit (a few requests per second per portal), so search is used
 * only for the email domain, where there is no id to read. Reads by id also ask for the history of
 * `withHistory` (the health score) in the same request; search cannot return history, so a company
 * found by domain has none.
 */
export function createCompanyFinder(
  http: CrmHttp,
  properties: readonly string[],
  withHistory: readonly string[] = []
) {
  const readCompany = async (id: string): Promise<SimpleObject | null> => {
    try {
      const response = await http.send({
        method: 'GET',
        url: `${OBJECTS}/companies/${id}`,
        params: {
          properties: properties.join(','),
          ...(withHistory.length ? { propertiesWithHistory: withHistory.join(',') } : {}),
        },
      })
      const company = simpleObjectSchema.safeParse(response.data)
      if (!company.success) throw unreadable('company')
      return company.data
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }

  const readCompanies = async (ids: readonly string[]): Promise<SimpleObject[]> => {
    if (ids.length === 1 && ids[0]) {
      const company = await readCompany(ids[0])
      return company ? [company] : []
    }
    // Batch read is one call for several ids and is not counted against the search limit.
    const response = await http.send({
      method: 'POST',
      url: `${OBJECTS}/companies/batch/read`,
      // At most MAX_CANDIDATES + 1 ids: well under HubSpot's 50 inputs for a batch with history.
      data: {
        inputs: ids.map((id) => ({ id })),
        properties,
        ...(withHistory.length ? { propertiesWithHistory: withHistory } : {}),
      },
      idempotent: true,
    })
    const batch = batchResultSchema.safeParse(response.data)
    if (!batch.success) throw unreadable('list of companies')
    return batch.data.results
  }

  const byExternalId = async (context: CustomerContext): Promise<StepResult> => {
    const value = context.organization?.externalId ?? null
    if (!value) return { kind: 'skipped', value: null, reason: 'no-value' }
    if (!isHubSpotId(value)) return { kind: 'skipped', value, reason: 'not-an-account-id' }
    const company = await readCompany(value)
    return company
      ? { kind: 'companies', value, companies: [company], contactId: null }
      : { kind: 'no-match', value }
  }

  const byRequesterEmail = async (context: CustomerContext): Promise<StepResult> => {
    const value = context.requester?.email ?? null
    if (!value) return { kind: 'skipped', value: null, reason: 'no-value' }
    let contact
    try {
      const response = await http.send({
        method: 'GET',
        url: `${OBJECTS}/contacts/${encodeURIComponent(value.toWellFormed())}`,
        params: { idProperty: 'email', properties: 'email', associations: 'companies' },
      })
      contact = objectWithAssociationsSchema.safeParse(response.data)
    } catch (error) {
      if (isNotFound(error)) return { kind: 'no-match', value }
      throw error
    }
    if (!contact.success) throw unreadable('contact')
    // A contact can list the same company twice (labelled and unlabelled associations).
    const ids = [
      ...new Set((contact.data.associations?.['companies']?.results ?? []).map((result) => result.id)),
    ]
    if (ids.length === 0) return { kind: 'no-match', value }
    const companies = await readCompanies(ids.slice(0, MAX_CANDIDATES + 1))
    return companies.length > 0
      ? { kind: 'companies', value, companies, contactId: contact.data.id }
      : { kind: 'no-match', value }
  }

  const byEmailDomain = async (context: CustomerContext): Promise<StepResult> => {
    const value = emailDomain(context.requester?.email ?? null) ?? context.organization?.domains[0] ?? null
    if (!value) return { kind: 'skipped', value: null, reason: 'no-value' }
    if (isPublicEmailDomain(value)) return { kind: 'skipped', value, reason: 'public-email-domain' }
    // Companies often store the website host: match both `acme.com` and `www.acme.com`.
    const response = await http.send({
      method: 'POST',
      url: `${OBJECTS}/companies/search`,
      data: {
        filterGroups: [value, `www.${value}`].map((domain) => ({
          filters: [{ propertyName: 'domain', operator: 'EQ', value: domain }],
        })),
        properties,
        limit: MAX_CANDIDATES + 1,
      },
      idempotent: true,
    })
    const result = searchResultSchema.safeParse(response.data)
    if (!result.success) throw unreadable('search result')
    return result.data.results.length > 0
      ? { kind: 'companies', value, companies: result.data.results, contactId: null }
      : { kind: 'no-match', value }
  }

  const steps: Record<MatchStrategy, (context: CustomerContext) => Promise<StepResult>> = {
    'organization-external-id': byExternalId,
    'requester-email': byRequesterEmail,
    'email-domain': byEmailDomain,
  }
  return (strategy: MatchStrategy, context: CustomerContext): Promise<StepResult> => steps[strategy](context)
}
