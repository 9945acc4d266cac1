import { createContext, useContext, type ReactNode } from 'react'
import type { AccountChoices, CachedOutcome, RecommendationDismissals, TicketPort } from '../../domain/ports'
import type { CustomerContext, CustomerPage, TicketRef } from '../../domain/customer'
import type { AccountSummary } from '../../domain/account'
import type { AttemptProgress, EscalationDraft, ExistingEscalation } from '../../domain/escalation'
import type { ClaimHolder, EscalationResult, FollowUpProgress, FollowUpResult } from '../../domain/escalate'
import type { SlackDelivery, SlackReplyDelivery } from '../../domain/send-slack-message'
import type { SlackThread } from '../../domain/slack-thread'
import type { SlackOutcome } from '../../domain/slack-step'
import type { LookupOptions } from '../../domain/lookup-account'
import type { TicketCounts } from '../../domain/ticket-trend'
import type { AppSettings } from '../../settings/app-settings'

/**
 * What features may use. Built once by the composition root (`app/compose.ts`); features never
 * touch axios, the ZAF SDK or storage directly, so component tests can hand in real domain
 * services over an in-memory CRM.
 */
export interface Services {
  readonly settings: AppSettings
  /** Who looks at the sidebar: an admin can act on setup problems an agent can only report. */
  readonly viewer: { readonly isAdmin: boolean }
  /** Whose page the sidebar is on (ticket, user, organization): the card's wording names it. */
  readonly page: CustomerPage
  readonly ticket: TicketPort
  lookup(
    context: CustomerContext,
    options?: LookupOptions
  ): Promise<CachedOutcome & { readonly fromCache: boolean }>
  now(): number
  /**
   * The customer's ticket counts from Zendesk's search ("Why now": trend, open urgent tickets,
   * recent escalations), cached like the lookup; null when the page names no customer.
   */
  ticketCounts(context: CustomerContext): Promise<TicketCounts | null>
  readonly escalation: EscalationService
  /** Agents' picks when several accounts match, remembered per organization. */
  readonly choices: AccountChoices
  /** The agent's "Not now" on a ticket's escalation recommendation, per ticket. */
  readonly dismissals: RecommendationDismissals
}

const ServicesContext = createContext<Services | null>(null)

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>')
  return services
}

/** Escalation, as features see it: drafts per ticket and the one-click handoff (ADR 0010). */
export interface EscalationService {
  /** Who receives escalations for accounts without a CSM; null means escalation is not offered then. */
  readonly fallbackOwner: string | null
  loadDraft(ticket: TicketRef): EscalationDraft | null
  saveDraft(ticket: TicketRef, draft: EscalationDraft): void
  /** This browser's unfinished attempt on the ticket, from the tags the ticket was opened with. */
  resumable(ticket: TicketRef): AttemptProgress | null
  escalate(
    context: CustomerContext,
    account: AccountSummary,
    draft: EscalationDraft,
    priorEscalations: number
  ): Promise<EscalationResult>
  /** The ticket's escalation marks as Zendesk holds them now (while another agent escalates). */
  inspect(ticket: TicketRef): Promise<EscalationMarks>
  /**
   * Whether the ticket's escalation task must be searched for after the card shows: the ticket is
   * tagged as escalated and the CRM's lookup could not include its task (HubSpot, custom).
   */
  checksExisting(context: CustomerContext): boolean
  /** The task of the ticket's `escalations`-th escalation, or null when the CRM has none. */
  findExisting(
    context: CustomerContext,
    account: AccountSummary,
    escalations: number
  ): Promise<ExistingEscalation | null>
  /**
   * Adds a follow-up to an existing escalation: the CRM task's note, a reply in the thread of the
   * escalation's Slack message when Slack is on, and an internal note. `progress`, from the
   * `FollowUpError` of an earlier try of the same text, skips what that try did; `thread` is the
   * escalation's Slack message when the card knows it (else the ticket's notes are read for it).
   */
  followUp(
    task: { taskId: string; taskUrl: string | null; ownerName: string | null },
    text: string,
    options?: { readonly progress?: FollowUpProgress; readonly thread?: SlackThread | null }
  ): Promise<FollowUpResult>
  /** "Send again" for a follow-up's Slack reply. Never throws; the outcome says how it went. */
  sendSlackReplyAgain(delivery: SlackReplyDelivery): Promise<SlackOutcome>
  /**
   * "Send again": the escalation's Slack message once more, after it was not sent (or its answer
   * was lost). Never throws; the outcome says how it went.
   */
  sendSlackAgain(delivery: SlackDelivery): Promise<SlackOutcome>
}

/** What the ticket says about its escalation right now. */
export interface EscalationMarks {
  readonly escalations: number
  readonly holder: ClaimHolder | null
  /** The holder's claim is old enough to be taken over. */
  readonly stale: boolean
  /** Another tab of this browser is escalating this ticket (its claim may not be on the ticket yet). */
  readonly busyHere: boolean
}
