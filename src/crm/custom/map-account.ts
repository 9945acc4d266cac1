import type { AccountSummary, Csm } from '../../domain/account'
import { CrmError } from '../../domain/crm-error'
import type { MatchStrategy } from '../../domain/match-strategy'
import type { CustomFieldMap } from '../../settings/custom-rest-settings'
import { evaluateMapping, type Mapping } from '../../mapping/mapping'
import type { HealthChange } from '../../domain/health-history'
import { urlEncoded } from '../../mapping/template'
import { crmCalendarDate, crmHttpUrl, crmNumber, crmText, LENIENT } from '../../domain/crm-values'

/**
 * One CRM record → the card's account, through the admin's field map. Only id and name are
 * required: a record without them cannot be shown or escalated, so it is an invalid response;
 * every other field that does not read cleanly is simply "not set".
 */
export function mapAccount(
  record: unknown,
  fieldMap: CustomFieldMap,
  matchedBy: MatchStrategy,
  requesterEmail: string | null
): AccountSummary {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new CrmError('invalid-response', 'The CRM returned something other than an account record')
  }
  const read = (key: keyof CustomFieldMap): unknown => {
    const mapping = fieldMap[key]
    // Templates here build links, so their values are URL-encoded (`/a/{{id}}`).
    return mapping ? evaluateMapping(mapping, record, urlEncoded) : undefined
  }
  const id = crmText(read('id'))
  const name = crmText(read('name'))
  if (!id || !name)
    throw new CrmError('invalid-response', 'A CRM record has no id or name where custom_field_map points')

  const score = crmNumber(read('healthScore'), 'health score', LENIENT)
  return {
    id,
    name,
    recordUrl: crmHttpUrl(read('recordUrl')),
    csm: csmOf(crmText(read('csm.id')), crmText(read('csm.name')), crmText(read('csm.email'))),
    healthScore: score !== null && score >= 0 && score <= 100 ? score : null,
    renewalDate: crmCalendarDate(read('renewalDate'), 'renewal date', LENIENT),
    arr: crmNumber(read('arr'), 'ARR', LENIENT),
    matchedBy,
    contactId: contactIdOf(read('contactId'), requesterEmail),
    ...(fieldMap.healthHistory ? { healthHistory: healthHistoryOf(read('healthHistory'), fieldMap) } : {}),
  }
}

const ENTRY_VALUE: Mapping = { kind: 'path', path: ['value'] }
const ENTRY_DATE: Mapping = { kind: 'path', path: ['date'] }

/**
 * The health history: each entry of the list `healthHistory` points at is a score the account
 * took at a date (ISO date, date-time, or epoch milliseconds). Entries that do not read are left
 * out: history only adds a signal, so it never makes the card fail; no list is an empty history.
 */
function healthHistoryOf(list: unknown, fieldMap: CustomFieldMap): HealthChange[] {
  if (!Array.isArray(list)) return []
  const valueOf = fieldMap['healthHistory.value'] ?? ENTRY_VALUE
  const dateOf = fieldMap['healthHistory.date'] ?? ENTRY_DATE
  return list.flatMap((entry: unknown) => {
    const date = evaluateMapping(dateOf, entry)
    const at =
      typeof date === 'number' || (typeof date === 'string' && /^\d{11,13}$/.test(date.trim()))
        ? epochInstant(Number(date))
        : crmText(date)
    return at ? [{ at, to: crmNumber(evaluateMapping(valueOf, entry), 'health history', LENIENT) }] : []
  })
}

/** Epoch milliseconds as an ISO instant; null for a number that is no plausible date. */
function epochInstant(ms: number): string | null {
  return Number.isInteger(ms) && ms > 1e11 && ms < 1e13 ? new Date(ms).toISOString() : null
}

/** A CSM needs something to show; the name, else the email, else the id (still escalatable). */
function csmOf(id: string | null, name: string | null, email: string | null): Csm | null {
  const shown = name ?? email ?? id
  return shown === null ? null : { id, name: shown, email }
}

/**
 * The requester's CRM contact. The mapping may point at the contact id itself, or at the account's
 * contact list (`[{id, email}]`), from which the contact with the requester's email is taken: the
 * first contact of an account is not necessarily the person who wrote in.
 */
function contactIdOf(value: unknown, requesterEmail: string | null): string | null {
  if (!Array.isArray(value)) return crmText(value)
  const email = requesterEmail?.trim().toLowerCase()
  if (!email) return null
  for (const contact of value) {
    if (typeof contact !== 'object' || contact === null) continue
    const entry = contact as Record<string, unknown>
    if (crmText(entry['email'])?.toLowerCase() === email) return crmText(entry['id'])
  }
  return null
}
