import type { AccountSummary } from './account'
import type { EscalationReason } from './escalation'
import { healthBand } from './health'
import { healthDrop } from './health-history'
import { daysUntil, isRenewingSoon } from './renewal'

/**
 * "Why now": the facts that say this ticket is one the CSM must hear about. Each signal is
 * computed from data the card already has (the account and the ticket the sidebar is on) and
 * carries the numbers that explain it, so the card can say it in words.
 *
 * Account signals say the account is fragile or valuable; ticket signals say this ticket is serious.
 * Customer Success teams escalate a critical issue on such an account to its CSM at once, so the
 * rule (`recommendEscalation`) is: a ticket signal together with an account signal. The customer's
 * other tickets (a ticket trend, open urgent tickets, recent escalations, ticket-trend.ts) are
 * listed as context; they do not make the rule true on their own.
 */
export type WhyNowSignal =
  | { readonly kind: 'renewal-soon'; readonly days: number }
  | { readonly kind: 'health-at-risk'; readonly score: number; readonly below: number }
  /** The score fell from `from` to `to` (now) within `days` (health-history.ts). */
  | { readonly kind: 'health-drop'; readonly from: number; readonly to: number; readonly days: number }
  | { readonly kind: 'major-account'; readonly arr: number }
  | {
      readonly kind: 'critical-ticket'
      readonly because: 'urgent' | 'high-incident' | 'tag'
      readonly tag?: string
    }
  | { readonly kind: 'churn-language'; readonly phrase: string }
  | TrendSignal

/** What the customer's other tickets say (counts from Zendesk's search, ticket-trend.ts). */
export type TrendSignal =
  | {
      readonly kind: 'ticket-trend'
      readonly recent: number
      /** The usual number of tickets in as many days, rounded. */
      readonly usual: number
      readonly days: number
    }
  /** Open urgent or high tickets other than this one. */
  | { readonly kind: 'open-urgent'; readonly count: number }
  /** Tickets escalated to the CSM in the last `days`, other than this one. */
  | { readonly kind: 'recent-escalations'; readonly count: number; readonly days: number }

/** The ticket as the signals read it; every part may be missing (a new ticket, a ticket without type). */
export interface TicketFacts {
  readonly priority: string | null
  readonly type: string | null
  readonly tags: readonly string[]
  readonly subject: string
  readonly description: string
}

export interface WhyNowSettings {
  readonly renewalSoonDays: number
  readonly healthRiskBelow: number
  /** A fall of at least this many points within `signalWindowDays` is a health drop. */
  readonly healthDropPoints: number
  readonly signalWindowDays: number
  /** ARR at or above which an account is major; null = no such signal. */
  readonly majorAccountArr: number | null
  /** Tags that make a ticket critical whatever its priority, lower-case. */
  readonly criticalTags: readonly string[]
  /** Words and phrases that signal churn, matched as whole words, case-insensitively. */
  readonly churnPhrases: readonly string[]
}

const ACCOUNT_SIGNALS: ReadonlySet<WhyNowSignal['kind']> = new Set([
  'renewal-soon',
  'health-at-risk',
  'health-drop',
  'major-account',
])
const TICKET_SIGNALS: ReadonlySet<WhyNowSignal['kind']> = new Set(['critical-ticket', 'churn-language'])

/**
 * The signals, account signals first, then the ticket's, then the customer's other tickets
 * (`trend`, from Zendesk's counts, which arrive after the card), in a stable order. `today` is the
 * agent's local date (for calendar days to the renewal), `now` the instant (for the health
 * history's elapsed days).
 */
export function whyNowSignals(
  account: AccountSummary,
  ticket: TicketFacts | null,
  settings: WhyNowSettings,
  today: string,
  now: number,
  trend: readonly TrendSignal[] = []
): WhyNowSignal[] {
  const signals: WhyNowSignal[] = []
  if (account.renewalDate) {
    const days = daysUntil(account.renewalDate, today)
    if (isRenewingSoon(days, settings.renewalSoonDays)) signals.push({ kind: 'renewal-soon', days })
  }
  if (account.healthScore !== null && healthBand(account.healthScore, settings.healthRiskBelow) === 'at-risk')
    signals.push({ kind: 'health-at-risk', score: account.healthScore, below: settings.healthRiskBelow })
  const drop = healthDrop(account.healthHistory ?? [], account.healthScore, settings, now)
  if (drop) signals.push({ kind: 'health-drop', ...drop })
  if (settings.majorAccountArr !== null && account.arr !== null && account.arr >= settings.majorAccountArr)
    signals.push({ kind: 'major-account', arr: account.arr })
  if (ticket) {
    const critical = criticalBecause(ticket, settings.criticalTags)
    if (critical) signals.push({ kind: 'critical-ticket', ...critical })
    const phrase = churnPhrase(`${ticket.subject}\n${ticket.description}`, settings.churnPhrases)
    if (phrase) signals.push({ kind: 'churn-language', phrase })
  }
  return [...signals, ...trend]
}

function criticalBecause(
  ticket: TicketFacts,
  criticalTags: readonly string[]
): { because: 'urgent' | 'high-incident' | 'tag'; tag?: string } | null {
  if (ticket.priority === 'urgent') return { because: 'urgent' }
  if (ticket.priority === 'high' && (ticket.type === 'problem' || ticket.type === 'incident'))
    return { because: 'high-incident' }
  const tag = ticket.tags.find((candidate) => criticalTags.includes(candidate.toLowerCase()))
  return tag ? { because: 'tag', tag } : null
}

/**
 * The first churn phrase the text contains as whole words, in the text's own spelling, or null.
 * "Whole words": letters or digits may not touch the phrase ("cancel" is not in "cancelled"
 * unless listed; "refund" is not in "refundable"). Unicode-aware, so it works beyond English.
 */
export function churnPhrase(text: string, phrases: readonly string[]): string | null {
  let first: { index: number; found: string } | null = null
  for (const phrase of phrases) {
    const words = phrase.trim().split(/\s+/).filter(Boolean).map(escapeRegExp)
    if (words.length === 0) continue
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu')
    const match = pattern.exec(text)
    if (match && (!first || match.index < first.index)) first = { index: match.index, found: match[0] }
  }
  return first ? first.found.replace(/\s+/g, ' ') : null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether to recommend escalating, and the reason to preselect; null when the rule is not met. */
export interface EscalationRecommendation {
  readonly reason: EscalationReason
  /**
   * The signals that made the rule true, the ticket's first, then the account's; then, as context
   * for the CSM, the customer's other tickets (never a reason on their own).
   */
  readonly because: readonly WhyNowSignal[]
}

/**
 * The rule: a ticket signal (critical ticket, churn language) meets an account signal (at risk,
 * health drop, renewal soon, major account). The preselected reason follows the strongest ticket signal:
 * churn language → churn risk; a critical ticket → critical bug or outage; and renewal risk when
 * the renewal is the only account signal and the ticket is critical.
 */
export function recommendEscalation(signals: readonly WhyNowSignal[]): EscalationRecommendation | null {
  const ticketSignals = signals.filter((signal) => TICKET_SIGNALS.has(signal.kind))
  const accountSignals = signals.filter((signal) => ACCOUNT_SIGNALS.has(signal.kind))
  const customerSignals = signals.filter(
    (signal) => !TICKET_SIGNALS.has(signal.kind) && !ACCOUNT_SIGNALS.has(signal.kind)
  )
  if (ticketSignals.length === 0 || accountSignals.length === 0) return null
  const churn = ticketSignals.some((signal) => signal.kind === 'churn-language')
  const onlyRenewal = accountSignals.every((signal) => signal.kind === 'renewal-soon')
  const reason: EscalationReason = churn ? 'churn-risk' : onlyRenewal ? 'renewal-risk' : 'critical-bug'
  return { reason, because: [...ticketSignals, ...accountSignals, ...customerSignals] }
}
