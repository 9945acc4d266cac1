import type { HostData } from '../host/host-data'
import { agentViewData, type AgentPage } from '../server/agent-view-data'
import { loadDefaultSeed, ZendeskState } from '../state'

export const APP_ORIGIN = 'http://127.0.0.1:4001'

const APP_URL = `${APP_ORIGIN}/assets/index.html`

/**
 * The data the server would inline in an agent page, from the default seed: a ticket's page for a
 * number, or the new-ticket form, a user's or an organization's page.
 */
export function hostDataFor(
  page: number | { newTicket: true } | { userId: number } | { organizationId: number }
): HostData {
  const state = new ZendeskState(loadDefaultSeed())
  const data = agentViewData(
    { state, apiBase: 'http://localhost:4000/api/v2', agentId: state.seed.currentUser.id },
    toPage(state, page),
    {
      appUrls: {
        ticket_sidebar: APP_URL,
        new_ticket_sidebar: APP_URL,
        user_sidebar: APP_URL,
        organization_sidebar: APP_URL,
      },
      appName: 'Success Bridge',
      appVersion: '0.1.0',
      publicSettings: { crm_provider: 'salesforce', health_risk_below: 50 },
      crmControlUrl: null,
    }
  )
  if (!data) throw new Error('every location has an app URL here')
  return data
}

function toPage(state: ZendeskState, page: Parameters<typeof hostDataFor>[0]): AgentPage {
  if (typeof page === 'number') {
    const ticket = state.ticket(page)
    if (!ticket) throw new Error(`no ticket ${page} in the seed`)
    return { location: 'ticket_sidebar', ticket }
  }
  if ('newTicket' in page) return { location: 'new_ticket_sidebar' }
  if ('userId' in page) return { location: 'user_sidebar', userId: page.userId }
  return { location: 'organization_sidebar', organizationId: page.organizationId }
}
