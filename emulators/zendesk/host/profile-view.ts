import { byTestId } from './agent-view'
import type { HostData } from './host-data'

// The user and organization pages. Like the ticket view, every seeded string reaches the DOM as
// textContent only.

/** Fills the user or organization panel from `data` (user_sidebar / organization_sidebar pages). */
export function mountProfileView(root: ParentNode, data: HostData): void {
  const organizationName = (id: number | null): string =>
    data.organizations.find((o) => o.id === id)?.name ?? '-'

  if (data.location === 'user_sidebar') {
    const user = data.users.find((u) => u.id === data.userId)
    if (!user) throw new Error(`No user ${String(data.userId)} in the page data`)
    document.title = `${user.name} – Emulated Zendesk`
    byTestId(root, 'profile-name').textContent = user.name
    byTestId(root, 'profile-email').textContent = user.email
    byTestId(root, 'profile-organization').textContent = organizationName(user.organization_id)
    return
  }
  const organization = data.organizations.find((o) => o.id === data.organizationId)
  if (!organization) throw new Error(`No organization ${String(data.organizationId)} in the page data`)
  document.title = `${organization.name} – Emulated Zendesk`
  byTestId(root, 'profile-name').textContent = organization.name
  byTestId(root, 'profile-external-id').textContent = organization.external_id ?? '-'
  byTestId(root, 'profile-domains').textContent = organization.domain_names.join(' ') || '-'
}
