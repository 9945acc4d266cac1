// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderAgentView } from '../server/render-agent-view'
import { hostDataFor } from '../testing/host-data-fixture'
import { mountAgentView, mountTicketPicker } from './agent-view'
import { mountProfileView } from './profile-view'
import type { HostData } from './host-data'

// The agent view as the browser builds it: the server's fixed markup, filled by host/agent-view.ts.
const byTestId = (id: string): HTMLElement => {
  const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)
  if (!element) throw new Error(`no ${id}`)
  return element
}

function load(data: HostData): void {
  const parsed = new DOMParser().parseFromString(renderAgentView(data), 'text/html')
  document.body.replaceWith(document.importNode(parsed.body, true))
}

describe('agent view', () => {
  let data: HostData
  beforeEach(() => {
    data = hostDataFor(105)
    load(data)
  })

  it('shows hostile seed strings as text and creates none of their elements', () => {
    mountAgentView(document, data, { onPickTicket: vi.fn(), onChangeRequester: vi.fn() })
    expect(byTestId('ticket-subject').textContent).toBe("<b>Help</b> with <script>alert('x')</script>")
    expect(byTestId('ticket-description').textContent).toBe('<img src=x onerror=alert(2)>')
    expect(byTestId('ticket-requester').textContent).toBe("Mallory <b>O'Brien</b> <mallory@hostile.example>")
    expect(byTestId('ticket-organization').textContent).toBe('-')
    expect(document.title).toBe("#105 <b>Help</b> with <script>alert('x')</script> – Emulated Zendesk")
    expect(document.body.querySelectorAll('img, b').length).toBe(0)
    // Only the server's own two script elements (data island and host bundle).
    expect(document.body.querySelectorAll('script').length).toBe(2)
    const picker = byTestId('ticket-picker') as HTMLSelectElement
    expect(picker.selectedOptions[0]?.textContent).toBe("#105 <b>Help</b> with <script>alert('x')</script>")
  })

  it('lists every seeded ticket in the picker and end-users in the Requester select', () => {
    mountAgentView(document, data, { onPickTicket: vi.fn(), onChangeRequester: vi.fn() })
    const picker = byTestId('ticket-picker') as HTMLSelectElement
    expect(picker.getAttribute('aria-label')).toBe('Ticket')
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      '#101 Cannot export invoices since yesterday',
      '#102 Outage: API returning 500 for all requests',
      '#103 Question about SSO setup',
      '#104 Billing address change',
      "#105 <b>Help</b> with <script>alert('x')</script>",
      '#106 Trial question',
      '#107 Which plan are we on?',
      '#108 Data retention question',
      'New ticket',
    ])
    const requester = byTestId('requester-select') as HTMLSelectElement
    expect(requester.getAttribute('aria-label')).toBe('Requester')
    expect(requester.value).toBe('205')
    expect([...requester.options].map((o) => o.textContent)).toContain("Mallory <b>O'Brien</b>")
    expect([...requester.options].map((o) => o.value)).not.toContain('1')
  })

  it('reports picks and requester changes to its handlers', () => {
    const handlers = { onPickTicket: vi.fn(), onChangeRequester: vi.fn() }
    mountAgentView(document, data, handlers)
    const picker = byTestId('ticket-picker') as HTMLSelectElement
    picker.value = '102'
    picker.dispatchEvent(new Event('change'))
    const requester = byTestId('requester-select') as HTMLSelectElement
    requester.value = '202'
    requester.dispatchEvent(new Event('change'))
    expect(handlers.onPickTicket).toHaveBeenCalledWith(102)
    expect(handlers.onChangeRequester).toHaveBeenCalledWith(202)
  })

  it('redraws tags and internal notes (only the non-public ones), as text', () => {
    const view = mountAgentView(document, data, { onPickTicket: vi.fn(), onChangeRequester: vi.fn() })
    expect(byTestId('internal-notes').children.length).toBe(0)
    expect(byTestId('internal-notes-empty').hidden).toBe(false)
    if (!data.ticket) throw new Error('ticket 105 has a ticket page')
    data.ticket.tags = ['csm_escalated', '<i>x</i>']
    data.comments = [
      ...data.comments,
      {
        id: 7,
        body: 'Escalated <img src=x onerror=alert(3)>',
        public: false,
        created_at: '2026-11-25T10:00:00Z',
      },
    ]
    view.render(data)
    expect([...byTestId('ticket-tags').children].map((t) => t.textContent)).toEqual([
      'csm_escalated',
      '<i>x</i>',
    ])
    expect([...byTestId('internal-notes').children].map((n) => n.textContent)).toEqual([
      'Escalated <img src=x onerror=alert(3)>',
    ])
    expect(byTestId('internal-notes-empty').hidden).toBe(true)
    expect(document.body.querySelectorAll('img, i').length).toBe(0)
  })

  it('shows notifications as text', () => {
    const view = mountAgentView(document, data, { onPickTicket: vi.fn(), onChangeRequester: vi.fn() })
    view.notify('<b>Saved</b>', 'error')
    expect(byTestId('notifications').textContent).toBe('<b>Saved</b>')
    expect(byTestId('notifications').querySelector('.toast-error')).not.toBeNull()
  })

  it('opens the new-ticket form with an empty requester, and reports a pick of it', () => {
    data = hostDataFor({ newTicket: true })
    load(data)
    const handlers = { onPickTicket: vi.fn(), onChangeRequester: vi.fn() }
    mountAgentView(document, data, handlers)
    expect(byTestId('ticket-id').textContent).toBe('New ticket')
    expect((byTestId('ticket-picker') as HTMLSelectElement).value).toBe('new')
    const requester = byTestId('requester-select') as HTMLSelectElement
    expect(requester.value).toBe('')
    expect(byTestId('ticket-requester').textContent).toBe('-')
    requester.value = ''
    requester.dispatchEvent(new Event('change'))
    expect(handlers.onChangeRequester).not.toHaveBeenCalled()
    requester.value = '202'
    requester.dispatchEvent(new Event('change'))
    expect(handlers.onChangeRequester).toHaveBeenCalledWith(202)
    const picker = byTestId('ticket-picker') as HTMLSelectElement
    picker.value = '101'
    picker.dispatchEvent(new Event('change'))
    expect(handlers.onPickTicket).toHaveBeenCalledWith(101)
  })
})

describe('user and organization pages', () => {
  it('shows the user, their email and organization as text', () => {
    const data = hostDataFor({ userId: 205 })
    load(data)
    mountTicketPicker(document, data, vi.fn())
    mountProfileView(document, data)
    expect(byTestId('profile-name').textContent).toBe("Mallory <b>O'Brien</b>")
    expect(byTestId('profile-email').textContent).toBe('mallory@hostile.example')
    expect(byTestId('profile-organization').textContent).toBe('-')
    expect(document.body.querySelectorAll('b').length).toBe(0)
    expect(document.querySelector('[data-testid="ticket-panel"]')).toBeNull()
  })

  it('shows the organization, its external ID and domains', () => {
    const data = hostDataFor({ organizationId: 9001 })
    load(data)
    mountProfileView(document, data)
    expect(byTestId('profile-name').textContent).toBe('Northwind Traders')
    expect(byTestId('profile-external-id').textContent).toBe('001000000000001AAA')
    expect(byTestId('profile-domains').textContent).toBe('northwind.example')
  })
})
