import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountSummary } from '../../domain/account'
import type { CustomerContext } from '../../domain/customer'
import { isCrmError, type CrmError } from '../../domain/crm-error'
import type { EscalationDraft, ExistingEscalation } from '../../domain/escalation'
import { EscalationError } from '../../domain/escalate'
import { useServices } from '../shared/services-context'

export type EscalationState =
  | { readonly status: 'checking' }
  | { readonly status: 'idle' }
  | { readonly status: 'sending' }
  | {
      readonly status: 'done'
      readonly ownerName: string
      readonly taskId: string
      readonly taskUrl: string | null
    }
  | { readonly status: 'existing'; readonly existing: ExistingEscalation }
  | {
      readonly status: 'failed'
      readonly step: 'crm' | 'zendesk' | 'unknown'
      readonly error: CrmError | null
    }

const EMPTY_DRAFT: EscalationDraft = { reason: 'churn-risk', note: '' }

/**
 * The escalation section's state. The draft is saved on every change and restored on load; a
 * stored task without a finished Zendesk step means the last attempt stopped half-way, so the
 * section opens on "retry" instead of a fresh form. One submit at a time, whatever the clicks.
 * `existing` is undefined when the lookup could not include the ticket's task (HubSpot, custom): a
 * ticket tagged as escalated is then checked first, and any failure of that check shows the form,
 * whose create still finds the task instead of adding a second.
 */
export function useEscalation(
  customer: CustomerContext,
  account: AccountSummary,
  existing: ExistingEscalation | null | undefined
) {
  const { escalation } = useServices()
  const ticket = customer.ticket ?? null
  const [stored] = useState(() => (ticket ? escalation.load(ticket) : null))
  const [draft, setDraftState] = useState<EscalationDraft>(stored?.draft ?? EMPTY_DRAFT)
  const [state, setState] = useState<EscalationState>(() => {
    if (existing) return { status: 'existing', existing }
    if (stored?.progress.task) return { status: 'failed', step: 'zendesk', error: null }
    if (existing === undefined && escalation.checksExisting(customer)) return { status: 'checking' }
    return { status: 'idle' }
  })
  const inFlight = useRef(false)
  const checking = state.status === 'checking'

  useEffect(() => {
    if (!checking) return
    let current = true
    escalation.findExisting(customer, account).then(
      (found) => current && setState(found ? { status: 'existing', existing: found } : { status: 'idle' }),
      () => current && setState({ status: 'idle' })
    )
    return () => {
      current = false
    }
  }, [checking, escalation, customer, account])

  const setDraft = useCallback(
    (next: EscalationDraft) => {
      setDraftState(next)
      if (ticket) escalation.saveDraft(ticket, next)
    },
    [escalation, ticket]
  )

  const submit = useCallback(async () => {
    // A double click, or Enter held down, must not send twice: the ref changes synchronously.
    if (inFlight.current) return
    inFlight.current = true
    setState({ status: 'sending' })
    try {
      const result = await escalation.escalate(customer, account, draft)
      setState(
        result.kind === 'done'
          ? { status: 'done', ownerName: result.ownerName, taskId: result.taskId, taskUrl: result.taskUrl }
          : { status: 'existing', existing: result.existing }
      )
    } catch (error) {
      const step = error instanceof EscalationError ? error.step : 'unknown'
      const cause = error instanceof EscalationError ? error.cause : error
      setState({ status: 'failed', step, error: isCrmError(cause) ? cause : null })
    } finally {
      inFlight.current = false
    }
  }, [account, customer, draft, escalation])

  return { state, draft, setDraft, submit }
}
