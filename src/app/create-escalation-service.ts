import { createEscalationStore } from '../cache/escalation-store'
import { webStorageOrMemory } from '../cache/storage-lookup-cache'
import type { CustomerContext } from '../domain/customer'
import { escalate, followUp } from '../domain/escalate'
import { escalationKey } from '../domain/escalation-note'
import type { EscalationCrm } from '../domain/ports'
import type { EscalationService } from '../features/shared/services-context'
import { formatMoneyFull } from '../i18n/format'
import type { AppSettings } from '../settings/app-settings'
import type { ZafClient } from '../zendesk/zaf-client'
import { createZafTicketWriter } from '../zendesk/zaf-ticket-writer'
import { NO_PROGRESS } from '../domain/escalation'

interface EscalationWiring {
  readonly client: ZafClient
  readonly crm: EscalationCrm
  readonly settings: AppSettings
  readonly now: () => number
  readonly locale: string
  /** Drops the cached lookup, so the next view reads the new escalation from the CRM. */
  readonly forgetLookup: (context: CustomerContext) => void
  readonly fallbackName: string
}

/** Wires the escalation use case to ZAF, the CRM and localStorage (drafts survive reloads). */
export function createEscalationService(wiring: EscalationWiring): EscalationService {
  const storage = webStorageOrMemory('localStorage')
  const zendesk = createZafTicketWriter(wiring.client)
  const storeFor = (ticket: { id: number; subdomain: string }) =>
    createEscalationStore(storage, ticket.subdomain, ticket.id)
  return {
    fallbackOwner: wiring.settings.escalationFallbackOwner,
    load: (ticket) => storeFor(ticket).load(),
    saveDraft(ticket, draft) {
      const store = storeFor(ticket)
      store.save({ draft, progress: store.load()?.progress ?? NO_PROGRESS })
    },
    async escalate(context, account, draft) {
      if (!context.ticket) throw new Error('Escalation needs a ticket')
      const result = await escalate(
        account,
        draft,
        {
          crm: wiring.crm,
          zendesk,
          store: storeFor(context.ticket),
          now: wiring.now,
          healthRiskBelow: wiring.settings.healthRiskBelow,
          fallbackOwner: wiring.settings.escalationFallbackOwner,
          formatArr: (amount) => formatMoneyFull(amount, wiring.settings.arrCurrency, wiring.locale),
        },
        wiring.fallbackName
      )
      wiring.forgetLookup(context)
      return result
    },
    checksExisting: (context) => Boolean(context.ticket?.escalated && wiring.crm.findExisting),
    async findExisting(context, account) {
      const ticket = context.ticket
      if (!ticket || !wiring.crm.findExisting) return null
      return wiring.crm.findExisting({
        key: escalationKey(ticket.subdomain, ticket.id),
        ticketId: ticket.id,
        accountId: account.id,
      })
    },
    followUp: (task, text) => followUp(task, text, { crm: wiring.crm, zendesk, now: wiring.now }),
  }
}
