import { useEffect } from 'react'
import type { AccountSummary } from '../../domain/account'
import type { CustomerContext } from '../../domain/customer'
import type { EscalationReason, ExistingEscalation } from '../../domain/escalation'
import { useI18n } from '../../i18n/i18n-context'
import { LiveStatus } from '../../ui/live-status'
import { EscalationView } from './escalation-view'
import { useEscalation } from './use-escalation'

export interface EscalationSectionProps {
  readonly customer: CustomerContext
  readonly account: AccountSummary
  /** Undefined when the lookup could not include the ticket's task (see useEscalation). */
  readonly existing: ExistingEscalation | null | undefined
}

/** The escalation of one ticket, from its first check to its result, with one live region for all of it. */
export function EscalationFlow({
  customer,
  account,
  existing,
  ownerName,
  isFallback,
  suggestedReason,
  onEscalated,
}: EscalationSectionProps & {
  ownerName: string | null
  isFallback: boolean
  /** The reason the "Why now" recommendation preselects for a new draft. */
  suggestedReason: EscalationReason | null
  /** The ticket has an escalation now: this card's, or one found in the CRM. */
  onEscalated: () => void
}) {
  const { t } = useI18n()
  const { state, draft, setDraft, submit, escalateAgain, checkAgain, sendSlackAgain } = useEscalation(
    customer,
    account,
    existing,
    suggestedReason
  )
  const escalated = state.status === 'done' || state.status === 'existing'
  useEffect(() => {
    if (escalated) onEscalated()
  }, [escalated, onEscalated])
  const name = ownerName ?? t('ui.escalation.fallbackName')
  // One live region for the whole flow, rendered before the first change: progress and the result are
  // announced as its text changes (failures are alerts of their own).
  const announcement =
    state.status === 'sending'
      ? t(state.resuming ? 'ui.escalation.resuming' : 'ui.escalation.sending')
      : state.status === 'done'
        ? t('ui.escalation.done', { name: state.ownerName })
        : state.status === 'checking'
          ? t('ui.escalation.checking')
          : ''
  return (
    <>
      <LiveStatus text={announcement} testId="escalation-status" />
      <EscalationView
        state={state}
        draft={draft}
        setDraft={setDraft}
        submit={submit}
        escalateAgain={escalateAgain}
        checkAgain={checkAgain}
        sendSlackAgain={sendSlackAgain}
        name={name}
        ownerName={ownerName}
        isFallback={isFallback}
      />
    </>
  )
}
