import type { AccountSummary, Csm } from '../../domain/account'
import { CrmError } from '../../domain/crm-error'
import type { MatchStrategy } from '../../domain/match-strategy'
import type { CustomFieldMap } from '../../settings/custom-rest-settings'
import { evaluateMapping } from '../../mapping/mapping'
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
  }
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
