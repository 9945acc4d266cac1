import { useCallback, useState } from 'react'
import type { TicketRef } from '../../domain/customer'
import { dismissalOf, isDismissed } from '../../domain/recommendation-dismissal'
import type { EscalationRecommendation } from '../../domain/why-now'
import { useServices } from '../shared/services-context'

/**
 * "Not now" and "Show recommendation" for the ticket's escalation recommendation, remembered per
 * ticket (`RecommendationDismissals`). `byAgent` says the last change was the agent's own click in
 * this view, not what the card loaded with: only then may the view move focus (a card that opens
 * with a dismissed recommendation takes nothing).
 */
export function useRecommendationDismissal(
  /** Null off a ticket (no recommendation there). */
  ticket: TicketRef | null,
  recommendation: EscalationRecommendation | null
) {
  const { dismissals } = useServices()
  const [stored, setStored] = useState(() => (ticket ? dismissals.read(ticket) : null))
  const [byAgent, setByAgent] = useState(false)
  const dismiss = useCallback(() => {
    if (!recommendation || !ticket) return
    const kinds = dismissalOf(recommendation)
    dismissals.write(ticket, kinds)
    setStored(kinds)
    setByAgent(true)
  }, [dismissals, recommendation, ticket])
  const show = useCallback(() => {
    if (ticket) dismissals.clear(ticket)
    setStored(null)
    setByAgent(true)
  }, [dismissals, ticket])
  return { dismissed: isDismissed(recommendation, stored), dismiss, show, byAgent }
}
