import type { AccountSummary, Csm } from '../../domain/account'
import type { MatchStrategy } from '../../domain/match-strategy'
import { crmCalendarDate, crmNumber, LENIENT, type Coercion } from '../../domain/crm-values'
import type { HealthChange } from '../../domain/health-history'
import type { FieldNames } from '../../settings/app-settings'
import { companyRecordUrl, unreadable } from './hubspot-api'
import type { SimpleObject } from './hubspot-schemas'

/** A property as trimmed text; HubSpot sends every value as a string, blank meaning "not set". */
export function propertyText(company: SimpleObject, name: string): string | null {
  const value = company.properties[name]
  if (value === null || value === undefined) return null
  const text = String(value).trim()
  return text === '' ? null : text
}

// HubSpot's property types are known: an unreadable number or date is a wrong mapping, said as such.
const STRICT: Coercion = { mode: 'strict', fail: unreadable }

export interface CompanyContext {
  readonly fields: FieldNames
  readonly portalId: string | null
  /** The CRM base URL: record links follow it when it is a stand-in on this machine. */
  readonly baseUrl: string
  readonly matchedBy: MatchStrategy
  readonly contactId?: string | null
}

/** A company into the card's summary; the CSM is resolved separately (owners API). */
export function parseCompany(
  company: SimpleObject,
  csm: Csm | null,
  context: CompanyContext
): AccountSummary {
  const name = propertyText(company, 'name') ?? propertyText(company, 'domain')
  if (!name) throw unreadable('company name')
  return {
    id: company.id,
    name,
    recordUrl: companyRecordUrl(context.portalId, company.id, context.baseUrl),
    csm,
    healthScore: crmNumber(propertyText(company, context.fields.healthScore), 'health score', STRICT),
    renewalDate: crmCalendarDate(propertyText(company, context.fields.renewalDate), 'renewal date', STRICT),
    arr: crmNumber(propertyText(company, context.fields.arr), 'ARR', STRICT),
    matchedBy: context.matchedBy,
    ...(context.contactId === undefined ? {} : { contactId: context.contactId }),
    ...(company.propertiesWithHistory
      ? { healthHistory: healthHistory(company.propertiesWithHistory[context.fields.healthScore] ?? []) }
      : {}),
  }
}

/**
 * `propertiesWithHistory` for the health property: each version is a value the score took at
 * `timestamp` (HubSpot gives no "old value"; the version before says it). History only adds a
 * signal, so a version it cannot read is left out, never an error.
 */
function healthHistory(versions: NonNullable<SimpleObject['propertiesWithHistory']>[string]): HealthChange[] {
  return versions.flatMap((version) =>
    version.timestamp
      ? [{ at: version.timestamp, to: crmNumber(version.value, 'health history', LENIENT) }]
      : []
  )
}

/** The properties to ask for: never rely on HubSpot's defaults (docs/crm-vendor-notes.md §1). */
export function companyProperties(fields: FieldNames): string[] {
  return [...new Set(['name', 'domain', fields.csm, fields.healthScore, fields.renewalDate, fields.arr])]
}
