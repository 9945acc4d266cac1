import type { Ticket } from '../state'

/**
 * The slice of Zendesk search syntax the app uses, over tickets: `type:ticket`,
 * `organization:<id>`, `requester:<id|email>`, `status:<status>`, `tags:<tag>`,
 * `created>|<|>=|<=|:YYYY-MM-DD` (compared by UTC day), and bare words matched against subject and
 * description. Other `type:` values match nothing here (the emulator indexes tickets only).
 */
export interface TicketSearch {
  matches(ticket: Ticket, requesterEmail: (id: number) => string | null): boolean
}

type Predicate = (ticket: Ticket, requesterEmail: (id: number) => string | null) => boolean

function dayComparison(operator: string, day: string): Predicate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return () => false
  return (t) => {
    const created = t.created_at.slice(0, 10)
    switch (operator) {
      case '>':
        return created > day
      case '>=':
        return created >= day
      case '<':
        return created < day
      case '<=':
        return created <= day
      default:
        return created === day
    }
  }
}

export function parseTicketSearch(query: string): TicketSearch {
  const predicates: Predicate[] = []
  for (const token of query.trim().split(/\s+/).filter(Boolean)) {
    const term = /^([a-z_]+)(>=|<=|:|>|<)(.+)$/i.exec(token)
    if (!term) {
      const word = token.toLowerCase()
      predicates.push((t) => `${t.subject} ${t.description}`.toLowerCase().includes(word))
      continue
    }
    const [, rawField = '', operator = ':', value = ''] = term
    const field = rawField.toLowerCase()
    const lower = value.toLowerCase()
    if (field === 'type') predicates.push(() => lower === 'ticket')
    else if (field === 'organization') predicates.push((t) => String(t.organization_id) === value)
    else if (field === 'requester')
      predicates.push(
        (t, email) => String(t.requester_id) === value || email(t.requester_id)?.toLowerCase() === lower
      )
    else if (field === 'status') predicates.push((t) => t.status === lower)
    else if (field === 'tags' || field === 'tag') predicates.push((t) => t.tags.includes(lower))
    else if (field === 'created') predicates.push(dayComparison(operator, value))
    else predicates.push(() => false)
  }
  return { matches: (ticket, email) => predicates.every((p) => p(ticket, email)) }
}
