import { AccountCard } from '../../features/account-card'

/**
 * The user_sidebar and organization_sidebar locations: the account card for the user (their email
 * and first organization) or the organization. No escalation: it belongs to a ticket.
 */
export function ProfileSidebar() {
  return <AccountCard />
}
