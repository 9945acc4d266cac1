/** The Zendesk records the host page knows, and their ZAF (camelCase) shapes. */
export interface HostData {
  ticketId: number
  appUrl: string
  settings: Record<string, string | number | boolean>
  appVersion: string
  crmControlUrl: string | null
  subdomain: string
  ticket: { id: number; subject: string; description: string; priority: string | null; status: string; requester_id: number; organization_id: number | null; tags: string[]; created_at: string }
  users: { id: number; name: string; email: string; role: string; organization_id: number | null }[]
  organizations: { id: number; name: string; external_id: string | null; domain_names: string[] }[]
  currentUser: { id: number; name: string; email: string; locale: string; role: string; timeZone: { ianaName: string } }
}

export function zafOrganization(data: HostData, id: number | null): Record<string, unknown> | null {
  const org = data.organizations.find((o) => o.id === id)
  return org ? { id: org.id, name: org.name, externalId: org.external_id, domains: org.domain_names.join(' ') } : null
}

export function zafUser(data: HostData, id: number): Record<string, unknown> | null {
  const user = data.users.find((u) => u.id === id)
  if (!user) return null
  const org = zafOrganization(data, user.organization_id)
  return { id: user.id, name: user.name, email: user.email, externalId: null, role: user.role, organizations: org ? [org] : [] }
}

export function zafTicket(data: HostData): Record<string, unknown> {
  const t = data.ticket
  return {
    id: t.id,
    subject: t.subject,
    description: t.description,
    priority: t.priority,
    status: t.status,
    tags: t.tags,
    requester: zafUser(data, t.requester_id),
    organization: zafOrganization(data, t.organization_id),
    createdAt: t.created_at,
  }
}

/** Resolves a ZAF path like `ticket.requester.email`; undefined when there is no such API. */
export function resolvePath(data: HostData, path: string): unknown {
  const roots: Record<string, unknown> = {
    ticket: zafTicket(data),
    currentUser: data.currentUser,
    currentAccount: { subdomain: data.subdomain },
  }
  let value: unknown = roots
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}
