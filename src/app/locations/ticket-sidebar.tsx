import { lazy, Suspense } from 'react'
import { AccountCard } from '../../features/account-card'

// The escalation section (Garden forms and the escalation flow) is not needed to show the card,
// so it loads after it and never delays the CSM's name (docs/adr/0004-split-load-path.md).
const EscalationSection = lazy(() =>
  import('../../features/escalation').then((module) => ({ default: module.EscalationSection }))
)

/** The ticket_sidebar location: the account card, and below a found account the escalation section. */
export function TicketSidebar() {
  return (
    <AccountCard
      footer={(found) => (
        <Suspense fallback={null}>
          <EscalationSection
            key={`${found.account.id}:${found.customer.ticket?.id ?? ''}`}
            customer={found.customer}
            account={found.account}
            existing={found.escalation}
          />
        </Suspense>
      )}
    />
  )
}
