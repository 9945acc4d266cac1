import { emailDomain, isPublicEmailDomain, type CustomerContext } from '../../domain/customer'
import type { MatchAttempt, MatchStrategy } from '../../domain/match'
import type { FieldNames } from '../../settings/app-settings'
import { API_ROOT } from './salesforce-api'
import { isAccountId, relationshipName, soqlContains, soqlString } from './soql'

/** One SOQL query for one step of the match cascade. */
export interface PlannedQuery {
  readonly strategy: MatchStrategy
  readonly value: string
  readonly soql: string
}

export interface LookupPlan {
  readonly queries: readonly PlannedQuery[]
  /** Steps not sent, with the reason, so "what was tried" is complete. */
  readonly skipped: readonly MatchAttempt[]
}

// A few rows beyond one, so the app can tell "one match" from "several".
const CONTACT_LIMIT = 5
// Website LIKE '%domain%' also finds longer hosts (notacme.example); those are filtered out after.
const WEBSITE_LIMIT = 10

/** The Account columns the card needs, optionally through a relationship prefix (`Account.`). */
export function accountColumns(fields: FieldNames, prefix = ''): string[] {
  const csm = relationshipName(fields.csm)
  const columns = ['Id', 'Name', 'Website', fields.csm, `${csm}.Name`, `${csm}.Email`, fields.healthScore, fields.renewalDate, fields.arr]
  return [...new Set(columns)].map((column) => `${prefix}${column}`)
}

/**
 * Plans the cascade as independent queries, so all of them travel in one composite request:
 * one round trip however many steps apply. Order is the cascade order; the parser takes the
 * first step that matches.
 */
export function planLookup(context: CustomerContext, fields: FieldNames): LookupPlan {
  const queries: PlannedQuery[] = []
  const skipped: MatchAttempt[] = []
  const accountSelect = accountColumns(fields).join(', ')

  const externalId = context.organization?.externalId?.trim() || null
  if (!externalId) {
    skipped.push({ strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' })
  } else if (!isAccountId(externalId)) {
    skipped.push({ strategy: 'organization-external-id', value: externalId, result: 'skipped', reason: 'not-an-account-id' })
  } else {
    queries.push({
      strategy: 'organization-external-id',
      value: externalId,
      soql: `SELECT ${accountSelect} FROM Account WHERE Id = ${soqlString(externalId)} LIMIT 1`,
    })
  }

  const email = context.requester?.email?.trim() || null
  if (!email) {
    skipped.push({ strategy: 'requester-email', value: null, result: 'skipped', reason: 'no-value' })
  } else {
    const contactSelect = ['Id', 'AccountId', ...accountColumns(fields, 'Account.')].join(', ')
    queries.push({
      strategy: 'requester-email',
      value: email,
      soql: `SELECT ${contactSelect} FROM Contact WHERE Email = ${soqlString(email)} LIMIT ${CONTACT_LIMIT}`,
    })
  }

  const domain = emailDomain(email)
  if (!domain) {
    skipped.push({ strategy: 'email-domain', value: null, result: 'skipped', reason: 'no-value' })
  } else if (isPublicEmailDomain(domain)) {
    skipped.push({ strategy: 'email-domain', value: domain, result: 'skipped', reason: 'public-email-domain' })
  } else {
    queries.push({
      strategy: 'email-domain',
      value: domain,
      soql: `SELECT ${accountSelect} FROM Account WHERE Website LIKE ${soqlContains(domain)} LIMIT ${WEBSITE_LIMIT}`,
    })
  }
  return { queries, skipped }
}

/** The composite body: one GET query subrequest per planned query, independent of each other. */
export function compositeBody(plan: LookupPlan): unknown {
  return {
    allOrNone: false,
    compositeRequest: plan.queries.map((query, index) => ({
      method: 'GET',
      referenceId: `q${index}`,
      url: `${API_ROOT}/query?q=${encodeURIComponent(query.soql)}`,
    })),
  }
}
