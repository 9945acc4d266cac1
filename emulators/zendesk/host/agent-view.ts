import type { HostData } from './host-data'

// The agent's ticket view. Every seeded or app-supplied string reaches the DOM as textContent or a
// property, never as markup: the seed carries <script> and <img onerror> to prove it.

export interface AgentViewHandlers {
  /** A ticket id, or 'new' for the new-ticket form. */
  onPickTicket(ticketId: number | 'new'): void
  onChangeRequester(userId: number): void
}

export interface AgentView {
  /** Redraws the ticket from `data` (after a requester change, a subject set, or new notes/tags). */
  render(data: HostData): void
  notify(message: string, type: string): void
}

export function byTestId<T extends HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T>(`[data-testid="${id}"]`)
  if (!found) throw new Error(`The agent view has no [data-testid="${id}"]`)
  return found
}

function option(value: number | string, label: string): HTMLOptionElement {
  const element = document.createElement('option')
  element.value = String(value)
  element.textContent = label
  return element
}

function textItem(tag: 'li' | 'span', text: string, className?: string): HTMLElement {
  const element = document.createElement(tag)
  element.textContent = text
  if (className) element.className = className
  return element
}

/** The ticket picker in the top bar, on every page: each seeded ticket and the new-ticket form. */
export function mountTicketPicker(
  root: ParentNode,
  data: HostData,
  onPick: AgentViewHandlers['onPickTicket']
): void {
  const picker = byTestId<HTMLSelectElement>(root, 'ticket-picker')
  picker.replaceChildren(
    ...data.tickets.map((t) => option(t.id, `#${t.id} ${t.subject}`)),
    option('new', 'New ticket')
  )
  // On a user or organization page no ticket is open: the picker shows none until one is chosen.
  picker.value = data.location === 'new_ticket_sidebar' ? 'new' : String(data.ticket?.id ?? '')
  picker.addEventListener('change', () => onPick(picker.value === 'new' ? 'new' : Number(picker.value)))
  byTestId(root, 'current-user').textContent = data.currentUser.name
}

/** The ticket page: a saved ticket, or the new-ticket form (no id, no requester until one is picked). */
export function mountAgentView(root: ParentNode, data: HostData, handlers: AgentViewHandlers): AgentView {
  mountTicketPicker(root, data, handlers.onPickTicket)

  const requesterSelect = byTestId<HTMLSelectElement>(root, 'requester-select')
  requesterSelect.replaceChildren(
    // Only a new ticket can be without a requester; Zendesk's form starts with the field empty.
    ...(data.ticket?.requester_id === null ? [option('', '-')] : []),
    ...data.users.filter((u) => u.role === 'end-user').map((u) => option(u.id, u.name))
  )
  requesterSelect.addEventListener('change', () => {
    if (requesterSelect.value) handlers.onChangeRequester(Number(requesterSelect.value))
  })

  const notify = notifier(root)

  const render = (current: HostData): void => {
    const t = current.ticket
    if (!t) throw new Error('The ticket view needs a ticket')
    const requester = current.users.find((u) => u.id === t.requester_id)
    const organization = current.organizations.find((o) => o.id === t.organization_id)
    const title = t.id === null ? 'New ticket' : `#${t.id}`
    document.title = `${title} ${t.subject} – Emulated Zendesk`
    byTestId(root, 'ticket-id').textContent = title
    byTestId(root, 'ticket-subject').textContent = t.subject
    byTestId(root, 'ticket-status').textContent = t.status
    byTestId(root, 'ticket-priority').textContent = t.priority ?? '-'
    byTestId(root, 'ticket-requester').textContent = requester
      ? `${requester.name} <${requester.email}>`
      : '-'
    byTestId(root, 'ticket-organization').textContent = organization?.name ?? '-'
    byTestId(root, 'ticket-description').textContent = t.description
    byTestId(root, 'ticket-tags').replaceChildren(...t.tags.map((tag) => textItem('span', tag, 'tag')))
    const followers = t.follower_ids.map((id) => current.users.find((u) => u.id === id)?.name ?? `#${id}`)
    byTestId(root, 'ticket-followers').textContent = followers.join(', ') || '-'
    requesterSelect.value = String(t.requester_id ?? '')

    const notes = current.comments.filter((c) => !c.public)
    byTestId(root, 'internal-notes').replaceChildren(...notes.map((c) => textItem('li', c.body)))
    byTestId(root, 'internal-notes-empty').hidden = notes.length > 0
  }
  render(data)

  return { render, notify }
}

/** Toasts for `invoke('notify')`, as text, on any page. */
export function notifier(root: ParentNode): (message: string, type: string) => void {
  const notifications = byTestId(root, 'notifications')
  return (message, type) => {
    const toast = textItem(
      'li',
      message,
      `toast toast-${type === 'error' || type === 'alert' ? type : 'notice'}`
    )
    notifications.append(toast)
    setTimeout(() => toast.remove(), 5000)
  }
}
