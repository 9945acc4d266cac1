import type { HostData } from './host-data'

// The agent's ticket view. Every seeded or app-supplied string reaches the DOM as textContent or a
// property, never as markup: the seed carries <script> and <img onerror> to prove it.

export interface AgentViewHandlers {
  onPickTicket(ticketId: number): void
  onChangeRequester(userId: number): void
}

export interface AgentView {
  /** Redraws the ticket from `data` (after a requester change, a subject set, or new notes/tags). */
  render(data: HostData): void
  notify(message: string, type: string): void
}

function byTestId<T extends HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T>(`[data-testid="${id}"]`)
  if (!found) throw new Error(`The agent view has no [data-testid="${id}"]`)
  return found
}

function option(value: number, label: string): HTMLOptionElement {
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

export function mountAgentView(root: ParentNode, data: HostData, handlers: AgentViewHandlers): AgentView {
  const picker = byTestId<HTMLSelectElement>(root, 'ticket-picker')
  picker.replaceChildren(...data.tickets.map((t) => option(t.id, `#${t.id} ${t.subject}`)))
  picker.value = String(data.ticket.id)
  picker.addEventListener('change', () => handlers.onPickTicket(Number(picker.value)))

  const requesterSelect = byTestId<HTMLSelectElement>(root, 'requester-select')
  requesterSelect.replaceChildren(
    ...data.users.filter((u) => u.role === 'end-user').map((u) => option(u.id, u.name))
  )
  requesterSelect.addEventListener('change', () => handlers.onChangeRequester(Number(requesterSelect.value)))

  byTestId(root, 'current-user').textContent = data.currentUser.name
  const notifications = byTestId(root, 'notifications')

  const render = (current: HostData): void => {
    const t = current.ticket
    const requester = current.users.find((u) => u.id === t.requester_id)
    const organization = current.organizations.find((o) => o.id === t.organization_id)
    document.title = `#${t.id} ${t.subject} – Emulated Zendesk`
    byTestId(root, 'ticket-id').textContent = `#${t.id}`
    byTestId(root, 'ticket-subject').textContent = t.subject
    byTestId(root, 'ticket-status').textContent = t.status
    byTestId(root, 'ticket-priority').textContent = t.priority ?? '-'
    byTestId(root, 'ticket-requester').textContent = requester
      ? `${requester.name} <${requester.email}>`
      : '-'
    byTestId(root, 'ticket-organization').textContent = organization?.name ?? '-'
    byTestId(root, 'ticket-description').textContent = t.description
    byTestId(root, 'ticket-tags').replaceChildren(...t.tags.map((tag) => textItem('span', tag, 'tag')))
    requesterSelect.value = String(t.requester_id)

    const notes = current.comments.filter((c) => !c.public)
    byTestId(root, 'internal-notes').replaceChildren(...notes.map((c) => textItem('li', c.body)))
    byTestId(root, 'internal-notes-empty').hidden = notes.length > 0
  }
  render(data)

  return {
    render,
    notify(message, type) {
      const toast = textItem(
        'li',
        message,
        `toast toast-${type === 'error' || type === 'alert' ? type : 'notice'}`
      )
      notifications.append(toast)
      setTimeout(() => toast.remove(), 5000)
    },
  }
}
