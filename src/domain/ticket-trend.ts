import type { CustomerContext } from './customer'
import { ESCALATED_TAG } from './escalation-claim'
import type { TrendSignal } from './why-now'

/**
 * The customer's recent tickets in Zendesk, as counts from Zendesk's search: how many they opened
 * in the signal window against their usual rate, how many urgent or high tickets they have open,
 * and how often they were escalated to their CSM lately. Only counts travel; never a ticket.
 */

/** Whose tickets: the organization's, or, for a customer without one, the requester's. */
export type CustomerScope =
  | { readonly kind: 'organization'; readonly id: number }
  | { readonly kind: 'requester'; readonly key: string }

/** The months before the window that set the customer's usual rate. */
export const USUAL_RATE_DAYS = 90
/** How far back escalations to the CSM count. */
export const ESCALATIONS_DAYS = 90
/** A trend needs at least this many tickets in the window… */
export const TREND_MIN_TICKETS = 3
/** …and at least this many times the usual rate for as many days. */
export const TREND_FACTOR = 2

export function customerScope(context: CustomerContext): CustomerScope | null {
  if (context.organization) return { kind: 'organization', id: context.organization.id }
  const requester = context.requester
  if (!requester) return null
  // An address goes in as written only when the search syntax cannot misread it (no spaces,
  // quotes or parentheses); else the user id names the requester.
  const email = requester.email?.trim()
  const plain = email && /^[^\s"'()<>\\:]+@[^\s"'()<>\\:]+$/.test(email)
  return { kind: 'requester', key: plain ? email.toLowerCase() : String(requester.id) }
}

/** A stable key for caching one scope's counts for one window. */
export function scopeKey(scope: CustomerScope, windowDays: number): string {
  return `${scope.kind === 'organization' ? `org:${scope.id}` : `requester:${scope.key}`}|${windowDays}d`
}

export interface TicketTrendQueries {
  readonly recent: string
  readonly before: string
  readonly openUrgent: string
  readonly escalated: string
}

/** Zendesk search queries (`/api/v2/search/count`) for one customer and window. */
export function ticketTrendQueries(scope: CustomerScope, windowDays: number): TicketTrendQueries {
  const who = `type:ticket ${scope.kind === 'organization' ? `organization:${scope.id}` : `requester:${scope.key}`}`
  return {
    recent: `${who} created>${windowDays}days`,
    before: `${who} created>${windowDays + USUAL_RATE_DAYS}days created<${windowDays}days`,
    // Not yet solved (new, open, pending, on hold) and above normal (high, urgent).
    openUrgent: `${who} status<solved priority>normal`,
    escalated: `${who} tags:${ESCALATED_TAG} created>${ESCALATIONS_DAYS}days`,
  }
}

/** The four counts; null where Zendesk could not count (the others still say something). */
export interface TicketCounts {
  readonly windowDays: number
  readonly recent: number | null
  readonly before: number | null
  readonly openUrgent: number | null
  readonly escalated: number | null
}

/** What the counts say about the ticket the agent is on, so it is not counted as "another". */
export interface CurrentTicket {
  readonly priority: string | null
  readonly status: string | null
  /** The ticket carries the escalation tag. */
  readonly escalated: boolean
}

/**
 * The signals in the counts. A trend: at least TREND_MIN_TICKETS tickets in the window and at
 * least TREND_FACTOR times the usual rate (the 90 days before, scaled to the window); "usually 0"
 * counts too (a customer who never wrote and now writes three times). Open urgent or high tickets
 * and escalations are the customer's *other* ones: this ticket is taken out of each count it is in.
 * Zendesk's index can lag a new ticket by minutes; then this one is not in the count, and taking
 * it out undercounts by one, which can hide a signal but never invents one.
 */
export function ticketTrendSignals(counts: TicketCounts, current: CurrentTicket | null): TrendSignal[] {
  const signals: TrendSignal[] = []
  const days = counts.windowDays
  if (counts.recent !== null && counts.before !== null) {
    const usualRate = (counts.before * days) / USUAL_RATE_DAYS
    if (counts.recent >= TREND_MIN_TICKETS && counts.recent >= TREND_FACTOR * usualRate)
      signals.push({ kind: 'ticket-trend', recent: counts.recent, usual: Math.round(usualRate), days })
  }
  if (counts.openUrgent !== null) {
    const self = current && isOpenUrgent(current) ? 1 : 0
    const others = counts.openUrgent - self
    if (others > 0) signals.push({ kind: 'open-urgent', count: others })
  }
  if (counts.escalated !== null) {
    const others = counts.escalated - (current?.escalated ? 1 : 0)
    if (others > 0) signals.push({ kind: 'recent-escalations', count: others, days: ESCALATIONS_DAYS })
  }
  return signals
}

function isOpenUrgent(ticket: CurrentTicket): boolean {
  const open = ticket.status === null || !['solved', 'closed'].includes(ticket.status)
  return open && (ticket.priority === 'urgent' || ticket.priority === 'high')
}

/** Asks Zendesk for the four counts at once; a count that fails is null, never an error. */
export async function readTicketCounts(
  scope: CustomerScope,
  windowDays: number,
  search: TicketSearch
): Promise<TicketCounts> {
  const queries = ticketTrendQueries(scope, windowDays)
  const read = (query: string): Promise<number | null> => search.count(query).catch(() => null)
  const [recent, before, openUrgent, escalated] = await Promise.all([
    read(queries.recent),
    read(queries.before),
    read(queries.openUrgent),
    read(queries.escalated),
  ])
  return { windowDays, recent, before, openUrgent, escalated }
}

/** Port: Zendesk's search count (`/api/v2/search/count`), through the agent's session. */
export interface TicketSearch {
  /** The number of tickets the query matches; rejects when Zendesk cannot count. */
  count(query: string): Promise<number>
}

/** The customer's ticket counts, kept as long as the lookup beside them. */
export interface TicketCountsCache {
  read(key: string, now: number): TicketCounts | null
  write(key: string, counts: TicketCounts, now: number): void
}

export interface CustomerTicketCountsDeps {
  readonly search: TicketSearch
  readonly cache: TicketCountsCache
  /** As the lookup's: keeps installations and CRMs in one browser apart. */
  readonly cacheNamespace: string
  readonly windowDays: number
  readonly now: () => number
}

/**
 * The customer's counts: from the cache (kept as long as the lookup), else four counts from
 * Zendesk. Only a complete answer is kept, so a count that failed is asked again next time. Null
 * when the page names no customer.
 */
export async function customerTicketCounts(
  context: CustomerContext,
  deps: CustomerTicketCountsDeps
): Promise<TicketCounts | null> {
  const scope = customerScope(context)
  if (!scope) return null
  const key = `${deps.cacheNamespace}|${scopeKey(scope, deps.windowDays)}`
  const cached = deps.cache.read(key, deps.now())
  if (cached) return cached
  const counts = await readTicketCounts(scope, deps.windowDays, deps.search)
  const complete = [counts.recent, counts.before, counts.openUrgent, counts.escalated].every(
    (n) => n !== null
  )
  if (complete) deps.cache.write(key, counts, deps.now())
  return counts
}
