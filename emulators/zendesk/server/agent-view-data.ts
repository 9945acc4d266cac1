import type { HostData } from '../host/host-data'
import type { Ticket } from '../state'
import { apiComments, type ApiContext } from './api-shapes'
import type { SettingValue } from './installation-settings'

export interface AgentViewInputs {
  readonly appUrl: string
  readonly appName: string
  readonly appVersion: string
  /** Non-secure settings only. */
  readonly publicSettings: Readonly<Record<string, SettingValue>>
  readonly crmControlUrl: string | null
}

/** Everything the agent view's script needs for one ticket, in one inline JSON document. */
export function agentViewData(ctx: ApiContext, ticket: Ticket, inputs: AgentViewInputs): HostData {
  const { state } = ctx
  return {
    appUrl: inputs.appUrl,
    appName: inputs.appName,
    appVersion: inputs.appVersion,
    settings: { ...inputs.publicSettings },
    subdomain: state.seed.account.subdomain,
    crmControlUrl: inputs.crmControlUrl,
    ticket: {
      id: ticket.id,
      subject: ticket.subject,
      description: ticket.description,
      priority: ticket.priority,
      status: ticket.status,
      requester_id: ticket.requester_id,
      organization_id: ticket.organization_id,
      tags: [...ticket.tags],
      created_at: ticket.created_at,
    },
    tickets: state.tickets().map((t) => ({ id: t.id, subject: t.subject })),
    users: state.seed.users.map((u) => ({ ...u })),
    organizations: state.seed.organizations.map((o) => ({ ...o, domain_names: [...o.domain_names] })),
    currentUser: { ...state.seed.currentUser, timeZone: { ...state.seed.currentUser.timeZone } },
    comments: apiComments(ctx, ticket).map((c) => ({
      id: c.id,
      body: c.body,
      public: c.public,
      created_at: c.created_at,
    })),
  }
}
