import type { AccountSummary } from '../../domain/account'
import { CrmError } from '../../domain/crm-error'
import { decideStep, type LookupOutcome, type MatchAttempt } from '../../domain/match'
import type { MatchStrategy } from '../../domain/match-strategy'
import type { FieldNames } from '../../settings/app-settings'
import type { VendorErrorReader } from '../http/to-crm-error'
import { toCrmErrorFromStatus } from './read-salesforce-error'
import type { LookupPlan, PlannedQuery } from './lookup-plan'
import { parseAccount, websiteMatchesDomain } from './parse-account'
import { parseEscalation } from './parse-escalation'
import { compositeResponseSchema, queryResultSchema } from './salesforce-schemas'

interface ParseInput {
  readonly plan: LookupPlan
  readonly body: unknown
  readonly fields: FieldNames
  readonly baseUrl: string
  readonly readVendorError: VendorErrorReader
}

/**
 * Walks the cascade in order over the composite's sub-responses: the first step with exactly one
 * account wins; a step with several distinct accounts is ambiguous; a failing step fails the lookup
 * (a wrong field name would otherwise look like "no match").
 */
export function parseLookup({ plan, body, fields, baseUrl, readVendorError }: ParseInput): LookupOutcome {
  const parsed = compositeResponseSchema.safeParse(body)
  if (!parsed.success)
    throw new CrmError('invalid-response', 'Salesforce returned an unreadable composite response')
  const byReference = new Map(parsed.data.compositeResponse.map((sub) => [sub.referenceId, sub]))

  const tried: MatchAttempt[] = [...plan.skipped]
  for (const [index, query] of plan.queries.entries()) {
    const sub = byReference.get(`q${index}`)
    if (!sub) throw new CrmError('invalid-response', 'Salesforce left out part of the lookup')
    if (sub.httpStatusCode !== 200) throw toCrmErrorFromStatus(sub.httpStatusCode, sub.body, readVendorError)

    const step = decideStep(accountsFrom(query, sub.body, fields, baseUrl))
    if (step.kind === 'found') {
      const account = step.account
      const escalationSub = byReference.get('escalation')
      if (!plan.escalationSoql || !escalationSub)
        return { kind: 'found', account, tried: ordered(tried, plan.order) }
      if (escalationSub.httpStatusCode !== 200)
        throw toCrmErrorFromStatus(escalationSub.httpStatusCode, escalationSub.body, readVendorError)
      return {
        kind: 'found',
        account,
        tried: ordered(tried, plan.order),
        escalation: parseEscalation(escalationSub.body, account.id, baseUrl),
      }
    }
    if (step.kind === 'ambiguous') {
      return {
        kind: 'ambiguous',
        strategy: query.strategy,
        candidates: step.candidates,
        tried: ordered(tried, plan.order),
      }
    }
    tried.push({ strategy: query.strategy, value: query.value, result: 'no-match' })
  }
  return { kind: 'not-found', tried: ordered(tried, plan.order) }
}

function accountsFrom(
  query: PlannedQuery,
  body: unknown,
  fields: FieldNames,
  baseUrl: string
): AccountSummary[] {
  const result = queryResultSchema.safeParse(body)
  if (!result.success)
    throw new CrmError('invalid-response', 'Salesforce returned an unreadable query result')
  const records = result.data.records
  let accounts: AccountSummary[]
  switch (query.strategy) {
    case 'organization-external-id':
      accounts = records.map((record) => parseAccount(record, fields, baseUrl, query.strategy))
      break
    case 'requester-email':
      // Accounts that have a contact with the address (a private contact, without an account,
      // matches nothing); the contact is the account's child row.
      accounts = records.map((record) => ({
        ...parseAccount(record, fields, baseUrl, query.strategy),
        contactId: firstChildId(record['Contacts']),
      }))
      break
    case 'email-domain':
      accounts = records
        .filter((record) => websiteMatchesDomain(record['Website'], query.value))
        .map((record) => parseAccount(record, fields, baseUrl, query.strategy))
      break
  }
  return accounts
}

function firstChildId(children: unknown): string | null {
  const result = queryResultSchema.safeParse(children)
  const id = result.success ? result.data.records[0]?.['Id'] : null
  return typeof id === 'string' ? id : null
}

/** Attempts in cascade order, whether they were skipped up front or tried and missed. */
function ordered(attempts: readonly MatchAttempt[], order: readonly MatchStrategy[]): MatchAttempt[] {
  return [...attempts].sort((a, b) => order.indexOf(a.strategy) - order.indexOf(b.strategy))
}
