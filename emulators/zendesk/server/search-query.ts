import type { Ticket } from '../state'

/**
 * The slice of Zendesk search syntax the app uses, over tickets: `type:ticket`,
 * `organization:<id>`, `requester:<id|email>`, `status:` and `status<`/`>`… (in Zendesk's order
 * new < open < pending < hold < solved < closed), `priority:` and `priority<`/`>`… (low < normal <
 * high < urgent; a ticket without priority matches no comparison), `tags:<tag>`,
 * `created>|<|>=|<=|:` a `YYYY-MM-DD` (compared by UTC day) or a relative `<n>minutes|hours|days|
 * weeks|months|years` (`created>30days`: created within the last 30 days, against the emulator's
 * clock), a leading `-` to negate a term, and bare words matched against subject and description.
 * Other `type:` values match nothing here (the emulator indexes tickets only).
 */
export interface TicketSearch {
  matches(ticket: Ticket, requesterEmail: (id: number) => string | null): boolean
}

type Predicate = (ticket: Ticket, requesterEmail: (id: number) => string | null) => boolean

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed']
const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent']
const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
}

function compare(operator: string, order: number): boolean {
  switch (operator) {
    case '>':
      return order > 0
    case '>=':
      return order >= 0
    case '<':
      return order < 0
    case '<=':
      return order <= 0
    default:
      return order === 0
  }
}

function createdComparison(operator: string, value: string, now: number): Predicate {
  const relative = /^(\d+)(minute|hour|day|week|month|year)s?$/i.exec(value)
  if (relative) {
    // `created>30days` reads "created less than 30 days ago": later than the threshold.
    const threshold = now - Number(relative[1]) * (UNIT_MS[(relative[2] ?? '').toLowerCase()] ?? 0)
    return (t) => compare(operator, Math.sign(Date.parse(t.created_at) - threshold))
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return () => false
  return (t) => compare(operator, t.created_at.slice(0, 10).localeCompare(value))
}

function orderedComparison(
  operator: string,
  value: string,
  order: readonly string[],
  read: (t: Ticket) => string | null
): Predicate {
  const wanted = order.indexOf(value)
  if (wanted < 0) return () => false
  return (t) => {
    const own = order.indexOf(read(t) ?? '')
    return own >= 0 && compare(operator, Math.sign(own - wanted))
  }
}

export function parseTicketSearch(query: string, now: number = Date.now()): TicketSearch {
  const predicates: Predicate[] = []
  for (const raw of query.trim().split(/\s+/).filter(Boolean)) {
    const negated = raw.length > 1 && raw.startsWith('-')
    const token = negated ? raw.slice(1) : raw
    const predicate = termPredicate(token, now)
    predicates.push(negated ? (t, email) => !predicate(t, email) : predicate)
  }
  return { matches: (ticket, email) => predicates.every((p) => p(ticket, email)) }
}

function termPredicate(token: string, now: number): Predicate {
  const term = /^([a-z_]+)(>=|<=|:|>|<)(.+)$/i.exec(token)
  if (!term) {
    const word = token.toLowerCase()
    return (t) => `${t.subject} ${t.description}`.toLowerCase().includes(word)
  }
  const [, rawField = '', operator = ':', value = ''] = term
  const field = rawField.toLowerCase()
  const lower = value.toLowerCase()
  if (field === 'type') return () => lower === 'ticket'
  if (field === 'organization') return (t) => String(t.organization_id) === value
  if (field === 'requester')
    return (t, email) => String(t.requester_id) === value || email(t.requester_id)?.toLowerCase() === lower
  if (field === 'status') return orderedComparison(operator, lower, STATUS_ORDER, (t) => t.status)
  if (field === 'priority') return orderedComparison(operator, lower, PRIORITY_ORDER, (t) => t.priority)
  if (field === 'tags' || field === 'tag') return (t) => t.tags.includes(lower)
  if (field === 'created') return createdComparison(operator, value, now)
  return () => false
}
