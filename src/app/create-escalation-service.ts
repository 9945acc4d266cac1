import { createEscalationStore } from '../cache/escalation-store'
import { webStorageOrMemory } from '../cache/storage-lookup-cache'
import type { CustomerContext, TicketRef } from '../domain/customer'
import {
  escalate,
  followUp,
  inspectEscalation,
  resumableAttempt,
  sendSlackAgain,
  type EscalateDeps,
} from '../domain/escalate'
import { escalationKey } from '../domain/escalation-claim'
import { ticketTrendSignals, type TicketCounts } from '../domain/ticket-trend'
import type { EscalationCrm } from '../domain/ports'
import type { EscalationService } from '../features/shared/services-context'
import { formatMoneyFull } from '../i18n/format'
import type { AppSettings } from '../settings/app-settings'
import type { ZafClient } from '../zendesk/zaf-client'
import { createZafTicketWriter } from '../zendesk/zaf-ticket-writer'
import { createSlackWebApi } from '../slack/slack-web-api'
import { sendSlackReply, type SlackDeps } from '../domain/send-slack-message'

interface EscalationWiring {
  readonly client: ZafClient
  readonly crm: EscalationCrm
  readonly settings: AppSettings
  readonly now: () => number
  readonly locale: string
  /** Drops the cached lookup, so the next view reads the new escalation from the CRM. */
  readonly forgetLookup: (context: CustomerContext) => void
  readonly fallbackName: string
  /** The customer's Zendesk ticket counts, as the card read them (cached), for the note's "Why now". */
  readonly ticketCounts?: (context: CustomerContext) => Promise<TicketCounts | null>
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function nonce(): string {
  const bytes = new Uint8Array(4)
  crypto.getRandomValues(bytes)
  return [...bytes].map((byte) => byte.toString(36)).join('')
}

/**
 * One escalation of a ticket at a time in this browser: tabs share the saved progress, so a second
 * tab must not run the same attempt. The Web Locks API releases the lock when its tab closes,
 * which is what lets a reopened tab resume at once. Without it (very old browsers) the claim on
 * the ticket still keeps agents apart, and only tabs of one agent are unguarded.
 */
const lockName = (ticket: TicketRef): string => `success-bridge:escalation:${ticket.subdomain}:${ticket.id}`

function exclusiveFor(ticket: TicketRef): EscalateDeps['exclusive'] {
  const name = lockName(ticket)
  return async <T>(task: () => Promise<T>): Promise<T | null> => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
    if (!locks) return task()
    let ran = false
    let result: T | null
    try {
      result = await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return null
        ran = true
        return task()
      })
    } catch (error) {
      // The escalation itself failed: that is its error. The lock was refused before it ran (a
      // browser blocking the frame's storage refuses Web Locks with a SecurityError): as without locks.
      if (ran) throw error
      return task()
    }
    return ran ? (result as T) : null
  }
}

/** Whether another tab of this browser holds the ticket's escalation lock now. */
async function heldHere(ticket: TicketRef): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (!locks) return false
  // Refused (storage blocked): no tab of this browser can hold it either.
  const snapshot = await locks.query().catch(() => null)
  return snapshot?.held?.some((lock) => lock.name === lockName(ticket)) ?? false
}

/** Wires the escalation use case to ZAF, the CRM and localStorage (drafts survive reloads). */
export function createEscalationService(wiring: EscalationWiring): EscalationService {
  const storage = webStorageOrMemory('localStorage')
  const zendesk = createZafTicketWriter(wiring.client)
  // Slack off: no Slack call at all. Otherwise every escalation tells the CSM there (ADR 0012).
  const slack: SlackDeps | undefined =
    wiring.settings.slack.notify === 'off'
      ? undefined
      : { port: createSlackWebApi(wiring.client), routing: wiring.settings.slack }
  const storeFor = (ticket: TicketRef) => createEscalationStore(storage, ticket.subdomain, ticket.id)
  const depsFor = (ticket: TicketRef): EscalateDeps => ({
    crm: wiring.crm,
    zendesk,
    store: storeFor(ticket),
    now: wiring.now,
    sleep,
    nonce,
    exclusive: exclusiveFor(ticket),
    healthRiskBelow: wiring.settings.healthRiskBelow,
    whyNow: wiring.settings,
    fallbackOwner: wiring.settings.escalationFallbackOwner,
    formatArr: (amount) => formatMoneyFull(amount, wiring.settings.arrCurrency, wiring.locale),
    followAsCsm: wiring.settings.followAsCsm,
    ...(slack ? { slack } : {}),
  })
  return {
    fallbackOwner: wiring.settings.escalationFallbackOwner,
    loadDraft: (ticket) => storeFor(ticket).loadDraft(),
    saveDraft: (ticket, draft) => storeFor(ticket).saveDraft(draft),
    resumable: (ticket) => resumableAttempt(ticket.escalationTags ?? [], storeFor(ticket)),
    async escalate(context, account, draft, priorEscalations) {
      if (!context.ticket) throw new Error('Escalation needs a ticket')
      try {
        return await escalate(
          { account, draft, priorEscalations },
          {
            ...depsFor(context.ticket),
            // What the card showed of the customer's other tickets, so the CSM's note has it too.
            trend: async () => {
              const counts = await wiring.ticketCounts?.(context)
              const ticket = context.ticket
              return counts && ticket
                ? ticketTrendSignals(counts, {
                    priority: ticket.facts?.priority ?? null,
                    status: ticket.status ?? null,
                    escalated: ticket.escalated ?? false,
                  })
                : []
            },
          },
          wiring.fallbackName
        )
      } finally {
        // Whatever happened, the cached lookup may now be out of date.
        wiring.forgetLookup(context)
      }
    },
    async inspect(ticket) {
      const [marks, busyHere] = await Promise.all([inspectEscalation(depsFor(ticket)), heldHere(ticket)])
      return { ...marks, busyHere }
    },
    checksExisting: (context) => Boolean(context.ticket?.escalated && wiring.crm.findExisting),
    async findExisting(context, account, escalations) {
      const ticket = context.ticket
      if (!ticket || !wiring.crm.findExisting) return null
      return wiring.crm.findExisting({
        key: escalationKey(ticket.subdomain, ticket.id, Math.max(1, escalations)),
        ticketId: ticket.id,
        accountId: account.id,
      })
    },
    sendSlackAgain: (delivery) =>
      slack ? sendSlackAgain(delivery, { slack, zendesk }) : Promise.resolve({ state: 'off' as const }),
    followUp: (task, text, options) =>
      followUp(
        task,
        text,
        { crm: wiring.crm, zendesk, now: wiring.now, ...(slack ? { slack } : {}) },
        options
      ),
    sendSlackReplyAgain: (delivery) =>
      slack ? sendSlackReply(delivery, slack) : Promise.resolve({ state: 'off' as const }),
  }
}
