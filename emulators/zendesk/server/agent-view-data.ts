import type { HostData, Location } from '../host/host-data'
import type { Ticket } from '../state'
import { apiComments, type ApiContext } from './api-shapes'
import type { SettingValue } from './installation-settings'
import { agentProfile } from './zendesk-api'

export interface AgentViewInputs {
  /** The app's page per location the manifest declares. */
  readonly appUrls: Readonly<Partial<Record<Location, string>>>
  readonly appName: string
  readonly appVersion: string
  /** Non-secure settings only. */
  readonly publicSettings: Readonly<Record<string, SettingValue>>
  readonly crmControlUrl: string | null
  /** The OAuth package is installed: the demo panel links its installation page and ends sessions. */
  readonly oauthInstalled?: boolean
}

/** What the agent is looking at: a saved ticket, the new-ticket form, a user or an organization. */
export type AgentPage =
  | { readonly location: 'ticket_sidebar'; readonly ticket: Ticket }
  | { readonly location: 'new_ticket_sidebar' }
  | { readonly location: 'user_sidebar'; readonly userId: number }
  | { readonly location: 'organization_sidebar'; readonly organizationId: number }

/**
 * Everything the page's script needs, in one inline JSON document. Null when the app has no
 * location for this page (Zendesk would show the page without it).
 */
export function agentViewData(ctx: ApiContext, page: AgentPage, inputs: AgentViewInputs): HostData | null {
  const appUrl = inputs.appUrls[page.location]
  if (appUrl === undefined) return null
  const { state } = ctx
  const ticket = page.location === 'ticket_sidebar' ? page.ticket : null
  return {
    appUrl,
    appName: inputs.appName,
    appVersion: inputs.appVersion,
    settings: { ...inputs.publicSettings },
    subdomain: state.seed.account.subdomain,
    crmControlUrl: inputs.crmControlUrl,
    oauthInstalled: inputs.oauthInstalled === true,
    location: page.location,
    ticket: ticket
      ? {
          id: ticket.id,
          subject: ticket.subject,
          description: ticket.description,
          priority: ticket.priority,
          type: ticket.type,
          status: ticket.status,
          requester_id: ticket.requester_id,
          organization_id: ticket.organization_id,
          tags: [...ticket.tags],
          follower_ids: [...ticket.follower_ids],
          created_at: ticket.created_at,
        }
      : page.location === 'new_ticket_sidebar'
        ? NEW_TICKET
        : null,
    userId: page.location === 'user_sidebar' ? page.userId : null,
    organizationId: page.location === 'organization_sidebar' ? page.organizationId : null,
    tickets: state.tickets().map((t) => ({ id: t.id, subject: t.subject })),
    users: state.seed.users.map((u) => ({ ...u })),
    organizations: state.seed.organizations.map((o) => ({ ...o, domain_names: [...o.domain_names] })),
    currentUser: (() => {
      const me = agentProfile(state, ctx.agentId)
      return { ...me, timeZone: { ...me.timeZone } }
    })(),
    comments: ticket
      ? apiComments(ctx, ticket).map((c) => ({
          id: c.id,
          body: c.body,
          public: c.public,
          created_at: c.created_at,
        }))
      : [],
  }
}

// The new-ticket form as Zendesk opens it: nothing filled in, no id until it is submitted.
const NEW_TICKET: HostData['ticket'] = {
  id: null,
  subject: '',
  description: '',
  priority: null,
  type: null,
  status: 'new',
  requester_id: null,
  organization_id: null,
  tags: [],
  follower_ids: [],
  created_at: null,
}
