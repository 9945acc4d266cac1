import type { HostData } from '../host/host-data'
import { agentViewData } from '../server/agent-view-data'
import { loadDefaultSeed, ZendeskState } from '../state'

export const APP_ORIGIN = 'http://127.0.0.1:4001'

/** The data the server would inline in the agent view for `ticketId`, from the default seed. */
export function hostDataFor(ticketId: number): HostData {
  const state = new ZendeskState(loadDefaultSeed())
  const ticket = state.ticket(ticketId)
  if (!ticket) throw new Error(`no ticket ${ticketId} in the seed`)
  return agentViewData({ state, apiBase: 'http://localhost:4000/api/v2' }, ticket, {
    appUrl: `${APP_ORIGIN}/assets/index.html`,
    appName: 'Success Bridge',
    appVersion: '0.1.0',
    publicSettings: { crm_provider: 'salesforce', health_risk_below: 50 },
    crmControlUrl: null,
  })
}
