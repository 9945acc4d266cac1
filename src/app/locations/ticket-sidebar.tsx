import { AccountCard } from '../../features/account-card'

/** The ticket_sidebar location: the account card (the escalation section joins it later). */
export function TicketSidebar() {
  return <AccountCard />
}
