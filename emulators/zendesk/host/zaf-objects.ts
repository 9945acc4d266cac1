import type { HostData, Location, OrganizationRecord, TicketRecord } from './host-data'

/** ZAF's Organization object (camelCase, `domains` as one space-separated string). */
export interface ZafOrganization {
  id: number
  name: string
  externalId: string | null
  domains: string
}
export interface ZafUser {
  id: number
  name: string
  email: string
  externalId: null
  role: string
  organizations: ZafOrganization[]
}
export interface ZafTicket {
  id: number | null
  subject: string
  description: string
  priority: string | null
  type: string | null
  status: string
  tags: string[]
  requester: ZafUser | null
  organization: ZafOrganization | null
  createdAt: string | null
}

function toOrganization(org: OrganizationRecord | undefined): ZafOrganization | null {
  return org
    ? { id: org.id, name: org.name, externalId: org.external_id, domains: org.domain_names.join(' ') }
    : null
}

export function zafOrganization(data: HostData, id: number | null): ZafOrganization | null {
  return toOrganization(data.organizations.find((o) => o.id === id))
}

export function zafUser(data: HostData, id: number | null): ZafUser | null {
  const user = data.users.find((u) => u.id === id)
  if (!user) return null
  const org = zafOrganization(data, user.organization_id)
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    externalId: null,
    role: user.role,
    organizations: org ? [org] : [],
  }
}

export function zafTicket(data: HostData, t: TicketRecord): ZafTicket {
  return {
    id: t.id,
    subject: t.subject,
    description: t.description,
    priority: t.priority,
    type: t.type,
    status: t.status,
    tags: [...t.tags],
    requester: zafUser(data, t.requester_id),
    organization: zafOrganization(data, t.organization_id),
    createdAt: t.created_at,
  }
}

const USER_FIELDS = ['id', 'name', 'email', 'externalId', 'role', 'organizations']
const ORGANIZATION_FIELDS = ['id', 'name', 'externalId', 'domains']

const TICKET_PATHS = [
  'ticket',
  ...['id', 'subject', 'description', 'priority', 'type', 'status', 'tags', 'createdAt'].map(
    (f) => `ticket.${f}`
  ),
  'ticket.requester',
  ...USER_FIELDS.map((f) => `ticket.requester.${f}`),
  'ticket.organization',
  ...ORGANIZATION_FIELDS.map((f) => `ticket.organization.${f}`),
]
const COMMON_PATHS = [
  'currentUser',
  ...['id', 'name', 'email', 'locale', 'role', 'timeZone'].map((f) => `currentUser.${f}`),
  'currentAccount',
  'currentAccount.subdomain',
]

/**
 * The paths `client.get` answers in each location. An explicit list, like Zendesk's API surface:
 * anything else is "No such API", even if it would be reachable by walking an object, and so is
 * another location's object (no `ticket` on a user page, no `organization` in a ticket sidebar).
 */
export const SUPPORTED_PATHS: Readonly<Record<Location, ReadonlySet<string>>> = {
  ticket_sidebar: new Set([...TICKET_PATHS, ...COMMON_PATHS]),
  new_ticket_sidebar: new Set([...TICKET_PATHS, ...COMMON_PATHS]),
  user_sidebar: new Set(['user', ...USER_FIELDS.map((f) => `user.${f}`), ...COMMON_PATHS]),
  organization_sidebar: new Set([
    'organization',
    ...ORGANIZATION_FIELDS.map((f) => `organization.${f}`),
    ...COMMON_PATHS,
  ]),
}

export type Resolved = { found: true; value: unknown } | { found: false }

/**
 * Resolves a path supported in the page's location; a field of an absent object (no organization,
 * no requester yet on a new ticket) is null, as in ZAF.
 */
export function resolvePath(data: HostData, path: string): Resolved {
  if (!SUPPORTED_PATHS[data.location].has(path)) return { found: false }
  const roots: Record<string, unknown> = {
    ticket: data.ticket ? zafTicket(data, data.ticket) : null,
    user: zafUser(data, data.userId),
    organization: zafOrganization(data, data.organizationId),
    currentUser: { ...data.currentUser, timeZone: { ...data.currentUser.timeZone } },
    currentAccount: { subdomain: data.subdomain },
  }
  let value: unknown = roots
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return { found: true, value: null }
    value = (value as Record<string, unknown>)[part] ?? null
  }
  return { found: true, value }
}
