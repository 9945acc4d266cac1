import type { AccountSummary } from '../../domain/account'
import type { MatchStrategy } from '../../domain/match-strategy'
import { crmCalendarDate, crmNumber, LENIENT, type Coercion } from '../../domain/crm-values'
import type { HealthChange } from '../../domain/health-history'
import { CrmError } from '../../domain/crm-error'
import type { FieldNames } from '../../settings/app-settings'
import { accountRecordUrl } from './salesforce-api'
import {
  idSchema,
  nameSchema,
  optionalNumberSchema,
  optionalTextSchema,
  queryResultSchema,
  relatedUserSchema,
} from './salesforce-schemas'
import { relationshipName } from './soql'

function invalid(what: string): CrmError {
  return new CrmError('invalid-response', `Salesforce returned an unreadable ${what}`)
}

function read<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
  what: string
): T {
  const result = schema.safeParse(value)
  if (!result.success) throw invalid(what)
  return result.data
}

// Salesforce's field types are known: an unreadable number or date is a wrong field, said as such.
const STRICT: Coercion = { mode: 'strict', fail: invalid }

/** One Account record (top level or nested under a Contact) into the card's summary. */
export function parseAccount(
  record: unknown,
  fields: FieldNames,
  baseUrl: string,
  matchedBy: MatchStrategy
): AccountSummary {
  if (typeof record !== 'object' || record === null) throw invalid('account')
  const row = record as Record<string, unknown>
  const id = read(idSchema, row['Id'], 'account id')
  const csmId = read(optionalTextSchema, row[fields.csm], 'CSM id') ?? null
  const csmUser = read(relatedUserSchema, row[relationshipName(fields.csm)], 'CSM')
  const csmName = csmUser?.Name?.trim()
  return {
    id,
    name: read(nameSchema, row['Name'], 'account name'),
    recordUrl: accountRecordUrl(baseUrl, id),
    csm: csmName ? { id: csmId, name: csmName, email: csmUser?.Email?.trim() || null } : null,
    healthScore: crmNumber(
      read(optionalNumberSchema, row[fields.healthScore], 'health score'),
      'health score',
      STRICT
    ),
    renewalDate: crmCalendarDate(
      read(optionalTextSchema, row[fields.renewalDate], 'renewal date'),
      'renewal date',
      STRICT
    ),
    arr: crmNumber(read(optionalNumberSchema, row[fields.arr], 'ARR'), 'ARR', STRICT),
    matchedBy,
    ...('Histories' in row ? { healthHistory: parseHealthHistory(row['Histories'], fields) } : {}),
  }
}

/**
 * The `Histories` sub-query's rows for the health field: null (no tracked change) is an empty
 * history. History only adds a signal, so a row it cannot read is left out rather than failing
 * the card: OldValue and NewValue are anyType, a number or its text.
 */
function parseHealthHistory(histories: unknown, fields: FieldNames): HealthChange[] {
  const result = queryResultSchema.safeParse(histories)
  if (!result.success) return []
  return result.data.records.flatMap((record) => {
    const at = record['CreatedDate']
    const field = typeof record['Field'] === 'string' ? record['Field'].toLowerCase() : null
    // Salesforce names are case-insensitive: the admin may have typed the field in any case.
    if (typeof at !== 'string' || field !== fields.healthScore.toLowerCase()) return []
    return [
      {
        at,
        from: crmNumber(record['OldValue'], 'health history', LENIENT),
        to: crmNumber(record['NewValue'], 'health history', LENIENT),
      },
    ]
  })
}

/** The host of a free-text Website value ("https://www.acme.com/", "acme.com"), without `www.`. */
export function websiteHost(website: unknown): string | null {
  if (typeof website !== 'string' || website.trim() === '') return null
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(website.trim())
    ? website.trim()
    : `https://${website.trim()}`
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return null
  }
}

/** True when the website is the domain itself or one of its subdomains, never a longer lookalike. */
export function websiteMatchesDomain(website: unknown, domain: string): boolean {
  const host = websiteHost(website)
  return host !== null && (host === domain || host.endsWith(`.${domain}`))
}
