import type { AccountSummary } from '../domain/account'
import type { TicketDetails } from '../domain/ports'
import { anAccount } from './accounts'

/** The at-risk account the escalation tests escalate: Globex, CSM Marcus. */
export const globex: AccountSummary = anAccount({
  id: '001A',
  name: 'Globex',
  csm: { id: '005M', name: 'Marcus', email: null },
  healthScore: 38,
  matchedBy: 'requester-email',
  contactId: '003H',
})

/** Ticket #102 in the "demo" account as the agent `agentId` sees it. */
export function outageTicket(agentId: number, agentName: string): TicketDetails {
  return {
    id: 102,
    subdomain: 'demo',
    subject: 'Outage',
    priority: 'urgent',
    status: 'open',
    requester: null,
    organization: { id: 9, name: 'Globex' },
    agentId,
    agentName,
  }
}
