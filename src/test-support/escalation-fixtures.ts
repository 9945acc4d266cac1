import type { AccountSummary } from '../domain/account'
import type { TicketDetails } from '../domain/ports'

/** The at-risk account the escalation tests escalate: Globex, CSM Marcus. */
export const globex: AccountSummary = {
  id: '001A',
  name: 'Globex',
  recordUrl: null,
  csm: { id: '005M', name: 'Marcus', email: null },
  healthScore: 38,
  renewalDate: null,
  arr: null,
  matchedBy: 'requester-email',
  contactId: '003H',
}

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
