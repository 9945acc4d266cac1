import { emailDomain, isPublicEmailDomain, type CustomerContext } from '../../domain/customer'
import { completedEscalations, escalationKey } from '../../domain/escalation-claim'
import type { MatchAttempt } from '../../domain/match'
import { MATCH_STRATEGIES, type MatchStrategy } from '../../domain/match-strategy'
import type { FieldNames } from '../../settings/app-settings'
import { API_ROOT } from './salesforce-api'
import { isAccountId, relationshipName, soqlContains, soqlPrefix, soqlString } from './soql'

/** One SOQL query for one step of the match cascade. */
export interface PlannedQuery {
  readonly strategy: MatchStrategy
  readonly value: string
  readonly soql: string
}

export interface LookupPlan {
  readonly queries: readonly PlannedQuery[]
  /** The ticket's open escalation task, asked for in the same composite; null without a ticket. */
  readonly escalationSoql: string | null
  /** Steps not sent, with the reason, so "what was tried" is complete. */
  readonly skipped: readonly MatchAttempt[]
  /** The cascade order (`match_order`); `tried` is reported in it. */
  readonly order: readonly MatchStrategy[]
}

// A few rows beyond one, so the app can tell "one match" from "several".
const CONTACT_LIMIT = 5
// The health score's latest tracked changes: a score recomputed daily changes at most ~30 times in
// the default 30-day window; older ones are not needed, since each row names the value before it.
const HISTORY_LIMIT = 100
// Website LIKE '%domain%' also finds longer hosts (notacme.example); those are filtered out after.
const WEBSITE_LIMIT = 10

/** The Account columns the card needs. */
export function accountColumns(fields: FieldNames): string[] {
  const csm = relationshipName(fields.csm)
  const columns = [
    'Id',
    'Name',
    'Website',
    fields.csm,
    `${csm}.Name`,
    `${csm}.Email`,
    fields.healthScore,
    fields.renewalDate,
    fields.arr,
  ]
  return [...new Set(columns)]
}

/**
 * The Account's health score changes (field history, object AccountHistory), as a child sub-query
 * of the Account query the step already sends: no extra request. An org that does not track the
 * field simply has no rows (Salesforce sends `Histories: null`). `Field` holds the field's API name;
 * it is validated as an identifier in settings and still goes in as an escaped literal.
 */
export function healthHistorySubquery(fields: FieldNames): string {
  return `(SELECT Field, OldValue, NewValue, CreatedDate FROM Histories WHERE Field = ${soqlString(fields.healthScore)} ORDER BY CreatedDate DESC LIMIT ${HISTORY_LIMIT})`
}

/**
 * Plans the cascade as independent queries, so all of them travel in one composite request:
 * one round trip however many steps apply. Order is the cascade order; the parser takes the
 * first step that matches.
 */
export function planLookup(
  context: CustomerContext,
  fields: FieldNames,
  escalationKeyField: string | null = null,
  order: readonly MatchStrategy[] = MATCH_STRATEGIES
): LookupPlan {
  const accountSelect = [...accountColumns(fields), healthHistorySubquery(fields)].join(', ')
  const email = context.requester?.email?.trim() || null

  const steps: Record<MatchStrategy, () => PlannedQuery | MatchAttempt> = {
    'organization-external-id': () => {
      const externalId = context.organization?.externalId?.trim() || null
      if (!externalId)
        return { strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' }
      if (!isAccountId(externalId))
        return {
          strategy: 'organization-external-id',
          value: externalId,
          result: 'skipped',
          reason: 'not-an-account-id',
        }
      return {
        strategy: 'organization-external-id',
        value: externalId,
        soql: `SELECT ${accountSelect} FROM Account WHERE Id = ${soqlString(externalId)} LIMIT 1`,
      }
    },
    'requester-email': () => {
      if (!email) return { strategy: 'requester-email', value: null, result: 'skipped', reason: 'no-value' }
      // From the Account side (a semi-join on the contact's email), not from Contact: only an
      // Account query can carry the history sub-query; the contact comes along as a child row.
      const address = soqlString(email)
      return {
        strategy: 'requester-email',
        value: email,
        soql: `SELECT ${accountSelect}, (SELECT Id FROM Contacts WHERE Email = ${address} LIMIT 1) FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email = ${address}) LIMIT ${CONTACT_LIMIT}`,
      }
    },
    'email-domain': () => {
      // Without a requester (organization sidebar), the organization's own domain stands in.
      const domain = emailDomain(email) ?? context.organization?.domains[0] ?? null
      if (!domain) return { strategy: 'email-domain', value: null, result: 'skipped', reason: 'no-value' }
      if (isPublicEmailDomain(domain))
        return { strategy: 'email-domain', value: domain, result: 'skipped', reason: 'public-email-domain' }
      return {
        strategy: 'email-domain',
        value: domain,
        soql: `SELECT ${accountSelect} FROM Account WHERE Website LIKE ${soqlContains(domain)} LIMIT ${WEBSITE_LIMIT}`,
      }
    },
  }

  const queries: PlannedQuery[] = []
  const skipped: MatchAttempt[] = []
  for (const strategy of order) {
    const step = steps[strategy]()
    if ('soql' in step) queries.push(step)
    else skipped.push(step)
  }
  const ticket = context.ticket
  const escalationQuery = ticket
    ? escalationSoql(
        ticket.id,
        escalationKey(
          ticket.subdomain,
          ticket.id,
          Math.max(1, completedEscalations(ticket.escalationTags ?? []))
        ),
        escalationKeyField
      )
    : null
  return { queries, skipped, escalationSoql: escalationQuery, order }
}

const TASK_COLUMNS = 'Id, OwnerId, Owner.Name, WhatId, CreatedDate, Description, IsClosed'

/**
 * The ticket's latest escalation task, open or closed (a closed one lets the agent escalate again):
 * by the unique key field when the admin has one (the key names the escalation's number), else the
 * newest task with the subject prefix we write (then filtered to the matched account by the parser).
 */
export function escalationSoql(ticketId: number, key: string, escalationKeyField: string | null): string {
  if (escalationKeyField) {
    return `SELECT ${TASK_COLUMNS} FROM Task WHERE ${escalationKeyField} = ${soqlString(key)} LIMIT 1`
  }
  return `SELECT ${TASK_COLUMNS} FROM Task WHERE Subject LIKE ${soqlPrefix(`[Escalation] #${ticketId} `)} ORDER BY CreatedDate DESC LIMIT 5`
}

/**
 * Without a key field, the guard before a create: the ticket's *open* escalation task. A closed
 * one is an earlier escalation, which must not stop a new one (the ticket's claim in Zendesk keeps
 * two agents from both getting here).
 */
export function openEscalationSoql(ticketId: number): string {
  return `SELECT ${TASK_COLUMNS} FROM Task WHERE Subject LIKE ${soqlPrefix(`[Escalation] #${ticketId} `)} AND IsClosed = false ORDER BY CreatedDate DESC LIMIT 5`
}

/** The composite body: one GET query subrequest per planned query, independent of each other. */
export function compositeBody(plan: LookupPlan): unknown {
  const get = (referenceId: string, soql: string) => ({
    method: 'GET',
    referenceId,
    url: `${API_ROOT}/query?q=${encodeURIComponent(soql)}`,
  })
  return {
    allOrNone: false,
    compositeRequest: [
      ...plan.queries.map((query, index) => get(`q${index}`, query.soql)),
      ...(plan.escalationSoql ? [get('escalation', plan.escalationSoql)] : []),
    ],
  }
}
