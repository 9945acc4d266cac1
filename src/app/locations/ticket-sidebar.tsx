import { AccountCard } from '../../features/account-card'
import { EscalationSection } from '../../features/escalation'

/** The ticket_sidebar location: the account card, and below a found account the escalation section. */
export function TicketSidebar() {
  return (
    <AccountCard
      footer={(found) => (
        <EscalationSection
          key={`${found.account.id}:${found.customer.ticket?.id ?? ''}`}
          customer={found.customer}
          account={found.account}
          existing={found.escalation}
        />
      )}
    />
  )
}
