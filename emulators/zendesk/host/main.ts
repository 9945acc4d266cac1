import * as z from 'zod/mini'
import { mountAgentView } from './agent-view'
import { mountDemoControls } from './demo-controls'
import { HOST_DATA_ELEMENT_ID, hostDataSchema, noteRecord, ticketRecord, type HostData } from './host-data'
import { createRequestBridge } from './request-bridge'
import { startZafHost } from './zaf-host'
import { zafOrganization } from './zaf-objects'
import type { HostEffect } from './zaf-rpc'

// The emulated agent view's script: draws the ticket, frames the app and speaks ZAF to it.

const ticketResponse = z.object({ ticket: ticketRecord })
const commentsResponse = z.object({ comments: z.array(noteRecord) })

function readHostData(): HostData {
  const text = document.getElementById(HOST_DATA_ELEMENT_ID)?.textContent ?? ''
  return hostDataSchema.parse(JSON.parse(text))
}

function appIframe(): HTMLIFrameElement {
  const iframe = document.querySelector('[data-testid="app-iframe"]')
  if (!(iframe instanceof HTMLIFrameElement)) throw new Error('The agent view has no app iframe')
  return iframe
}

const data = readHostData()
const iframe = appIframe()
const appOrigin = new URL(data.appUrl).origin
// One GUID per page load: each visit to a ticket is a fresh app instance, as in Zendesk.
const appGuid = crypto.randomUUID()
const ticketApi = `/api/v2/tickets/${data.ticket.id}`

const view = mountAgentView(document, data, {
  onPickTicket: (id) => location.assign(`/agent/tickets/${id}`),
  onChangeRequester: (id) => void changeRequester(id),
})
if (data.crmControlUrl) {
  const panel = document.querySelector<HTMLElement>('[data-testid="ticket-panel"]')
  if (panel) mountDemoControls(panel, data.crmControlUrl)
}

const host = startZafHost({
  window,
  iframe,
  appOrigin,
  appGuid,
  data,
  onEffect: applyEffect,
  performRequest: createRequestBridge({
    hostOrigin: location.origin,
    onApiWrite: () => void refreshFromServer(),
  }),
})

function applyEffect(effect: HostEffect): void {
  if (effect.kind === 'resize') {
    if (effect.width) iframe.style.width = effect.width
    if (effect.height) {
      iframe.style.height = effect.height
      iframe.dataset.height = effect.height
    }
  } else if (effect.kind === 'notify') {
    view.notify(effect.message, effect.type)
  } else {
    view.render(data)
    host.emit('ticket.subject.changed', effect.subject)
  }
}

/** What an agent does in the Requester field: the ticket moves to that user and their organization. */
async function changeRequester(requesterId: number): Promise<void> {
  const response = await fetch(`${ticketApi}.json`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ticket: { requester_id: requesterId } }),
  })
  const parsed = ticketResponse.safeParse(await response.json().catch(() => null))
  if (!response.ok || !parsed.success) {
    view.render(data)
    return view.notify('The requester could not be changed', 'error')
  }
  const previousOrganization = data.ticket.organization_id
  data.ticket.requester_id = parsed.data.ticket.requester_id
  data.ticket.organization_id = parsed.data.ticket.organization_id
  view.render(data)
  host.emit('ticket.requester.id.changed', data.ticket.requester_id)
  if (previousOrganization !== data.ticket.organization_id)
    host.emit('ticket.organization.changed', zafOrganization(data, data.ticket.organization_id))
}

/** Notes and tags change when the app (or anyone) writes through /api/v2; show them without a reload. */
async function refreshFromServer(): Promise<void> {
  try {
    const [ticket, comments] = await Promise.all([
      fetch(`${ticketApi}.json`).then(async (r) => ticketResponse.parse(await r.json())),
      fetch(`${ticketApi}/comments.json`).then(async (r) => commentsResponse.parse(await r.json())),
    ])
    const before = JSON.stringify([data.ticket.tags, data.comments])
    data.ticket.tags = ticket.ticket.tags
    data.comments = comments.comments
    if (JSON.stringify([data.ticket.tags, data.comments]) !== before) view.render(data)
  } catch {
    // The emulator was stopped or restarted; the next poll tries again.
  }
}
setInterval(() => {
  if (document.visibilityState === 'visible') void refreshFromServer()
}, 1000)

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') host.emit('app.activated', { firstLoad: false })
  else host.emit('app.deactivated', {})
})

iframe.title = data.appName
iframe.src = `${data.appUrl}${data.appUrl.includes('?') ? '&' : '?'}origin=${encodeURIComponent(location.origin)}&app_guid=${appGuid}`
