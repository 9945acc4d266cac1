import type { AccountSummary } from './account'
import type { EscalationReason } from './escalation'
import type { TicketDetails } from './ports'
import { healthBand, type HealthBand } from './health'
import { daysUntil } from './renewal'
import { recommendEscalation, type WhyNowSignal } from './why-now'

/** Everything the CSM should get, gathered from data the app already has or fetches once. */
export interface EscalationInput {
  readonly ticket: Pick<TicketDetails, 'id' | 'subdomain' | 'subject' | 'priority' | 'status'>
  readonly requester: TicketDetails['requester']
  readonly organizationName: string | null
  readonly agentName: string
  readonly reason: EscalationReason
  readonly agentNote: string
  readonly account: AccountSummary
  /** Tickets from the organization in the last 30 days, or null when unknown. */
  readonly recentTicketCount: number | null
  readonly today: string
  readonly healthRiskBelow: number
  readonly arrText: string | null
  /** The "Why now" signals the card showed; empty = no such block. */
  readonly whyNow?: readonly WhyNowSignal[]
  readonly formatArr?: (amount: number) => string
}

/** Labels for the plain-text note; the note is for the CSM's CRM, written in the CRM's language (English). */
export const REASON_LABEL: Record<EscalationReason, string> = {
  'churn-risk': 'Churn risk',
  'critical-bug': 'Critical bug or outage',
  'renewal-risk': 'Renewal or billing risk',
  'feature-gap': 'Feature gap',
  other: 'Other',
}
const BAND_LABEL: Record<HealthBand, string> = { healthy: 'Healthy', watch: 'Watch', 'at-risk': 'At risk' }

/** "2026-12-24 (in 23 days)": the renewal as the CSM reads it, in the CRM note and in Slack. */
export function renewalWithDistance(renewalDate: string, today: string): string {
  const days = daysUntil(renewalDate, today)
  const when =
    days === 0
      ? 'today'
      : days > 0
        ? `in ${days} day${days === 1 ? '' : 's'}`
        : `${-days} day${days === -1 ? '' : 's'} ago`
  return `${renewalDate} (${when})`
}

export function ticketUrl(subdomain: string, ticketId: number): string {
  return `https://${subdomain}.zendesk.com/agent/tickets/${ticketId}`
}

/**
 * The context note, as plain text that reads well in a CRM task: short labelled lines, the agent's
 * own words set apart, nothing the CSM has to ask the customer again.
 */
export function buildEscalationNote(input: EscalationInput): string {
  const { ticket, account } = input
  const lines: string[] = [
    `Zendesk ticket #${ticket.id}: ${ticket.subject}`,
    ticketUrl(ticket.subdomain, ticket.id),
    `Priority: ${ticket.priority ?? 'none'} · Status: ${ticket.status}`,
    '',
    `Reason: ${REASON_LABEL[input.reason]}`,
    `Escalated by: ${input.agentName}`,
  ]
  const note = input.agentNote.trim()
  if (note) lines.push('', 'What the CSM should know:', note)

  lines.push('', 'Customer')
  const requester = input.requester
  lines.push(
    `Requester: ${requester ? `${requester.name}${requester.email ? ` <${requester.email}>` : ''}` : 'unknown'}`
  )
  lines.push(`Organization: ${input.organizationName ?? 'none'}`)
  if (input.recentTicketCount !== null)
    lines.push(`Tickets from this organization in the last 30 days: ${input.recentTicketCount}`)

  lines.push('', `Account: ${account.name}`)
  lines.push(
    account.healthScore === null
      ? 'Health: no score'
      : `Health: ${Math.round(account.healthScore)} (${BAND_LABEL[healthBand(account.healthScore, input.healthRiskBelow)]})`
  )
  lines.push(
    account.renewalDate === null
      ? 'Renewal: no date'
      : `Renewal: ${renewalWithDistance(account.renewalDate, input.today)}`
  )
  lines.push(`ARR: ${input.arrText ?? 'not set'}`)

  const signals = input.whyNow ?? []
  if (signals.length > 0) {
    // In the card's order: with a recommendation, the ticket's reasons first.
    const recommendation = recommendEscalation(signals)
    lines.push('', recommendation ? 'Why now (Success Bridge recommended escalating)' : 'Why now')
    for (const signal of recommendation?.because ?? signals)
      lines.push(`- ${whyNowSignalLine(signal, input.formatArr)}`)
  }
  return lines.join('\n')
}

/** One signal as a plain-text line, for the CRM task's note and the Zendesk internal note. */
export function whyNowSignalLine(
  signal: WhyNowSignal,
  formatArr: ((amount: number) => string) | undefined
): string {
  switch (signal.kind) {
    case 'renewal-soon':
      return signal.days === 0
        ? 'Renews today'
        : `Renews in ${signal.days} day${signal.days === 1 ? '' : 's'}`
    case 'health-at-risk':
      return `Health ${Math.round(signal.score)}, at risk (below ${signal.below})`
    case 'health-drop':
      return `Health ${Math.round(signal.from)} → ${Math.round(signal.to)} in ${signal.days} day${signal.days === 1 ? '' : 's'}`
    case 'major-account':
      return `Major account: ${formatArr ? formatArr(signal.arr) : String(signal.arr)} ARR`
    case 'critical-ticket':
      return signal.because === 'urgent'
        ? 'Urgent ticket'
        : signal.because === 'high-incident'
          ? 'High-priority problem or incident'
          : `Tagged ${signal.tag ?? ''}`
    case 'churn-language':
      return `Mentions "${signal.phrase}"`
    case 'ticket-trend':
      return `${signal.recent} ticket${signal.recent === 1 ? '' : 's'} in ${signal.days} days, usually ${signal.usual}`
    case 'open-urgent':
      return `${signal.count} other open urgent or high-priority ticket${signal.count === 1 ? '' : 's'}`
    case 'recent-escalations':
      return `${signal.count} other escalation${signal.count === 1 ? '' : 's'} to the CSM in ${signal.days} days`
  }
}
