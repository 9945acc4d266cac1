import * as z from 'zod/mini'
import { mountAgentView, mountTicketPicker, notifier, type AgentView } from './agent-view'
import { mountOAuthControls } from './oauth-controls'
import { mountDemoControls } from './demo-controls'
import { HOST_DATA_ELEMENT_ID, hostDataSchema, noteRecord, ticketRecord, type HostData } from './host-data'
import { mountProfileView } from './profile-view'
import { createRequestBridge } from './request-bridge'
import { startZafHost } from './zaf-host'
import { zafOrganization } from './zaf-objects'
import type { HostEffect } from './zaf-rpc'

// The emulated agent page's script: draws the ticket (saved or new), user or organization, frames
// the app in that page's location and speaks ZAF to it.

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
// One GUID per page load: each visit to a page is a fresh app instance, as in Zendesk.
const appGuid = crypto.randomUUID()
// The saved ticket's API path; null on the new-ticket form and on user and organization pages.
const ticketApi =
  data.location === 'ticket_sidebar' && data.ticket?.id ? `/api/v2/tickets/${data.ticket.id}` : null

const pickTicket = (id: number | 'new'): void => location.assign(`/agent/tickets/${id}`)
let view: AgentView | null = null
if (data.ticket) {
  view = mountAgentView(document, data, {
    onPickTicket: pickTicket,
    onChangeRequester: (id) => void changeRequester(id),
  })
} else {
  mountTicketPicker(document, data, pickTicket)
  mountProfileView(document, data)
}
const notify = notifier(document)
if (data.crmControlUrl) {
  const panel = document.querySelector<HTMLElement>(
    '[data-testid="ticket-panel"], [data-testid="profile-panel"]'
  )
  if (panel) mountDemoControls(panel, data.crmControlUrl)
  if (panel && data.oauthInstalled) mountOAuthControls(panel, data.crmControlUrl)
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

// Zendesk applies an app's resize in its own render cycle, after the app asked. `?resizeDelayMs=`
// on the agent page makes that gap long, for tests of controls that appear before the frame grows.
const resizeDelayMs = Math.min(
  5000,
  Math.max(0, Number(new URLSearchParams(location.search).get('resizeDelayMs')) || 0)
)

function resize(width: string | null, height: string | null): void {
  if (width) iframe.style.width = width
  if (height) {
    iframe.style.height = height
    iframe.dataset.height = height
  }
}

function applyEffect(effect: HostEffect): void {
  if (effect.kind === 'resize') {
    if (resizeDelayMs > 0) setTimeout(() => resize(effect.width, effect.height), resizeDelayMs)
    else resize(effect.width, effect.height)
  } else if (effect.kind === 'notify') {
    notify(effect.message, effect.type)
  } else {
    view?.render(data)
    host.emit('ticket.subject.changed', effect.subject)
  }
}

/**
 * What an agent does in the Requester field: the ticket moves to that user and their organization.
 * A saved ticket is updated through /api/v2; the new-ticket form only changes until it is submitted.
 */
async function changeRequester(requesterId: number): Promise<void> {
  const ticket = data.ticket
  if (!ticket) return
  let organizationId = data.users.find((u) => u.id === requesterId)?.organization_id ?? null
  if (ticketApi) {
    const response = await fetch(`${ticketApi}.json`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticket: { requester_id: requesterId } }),
    })
    const parsed = ticketResponse.safeParse(await response.json().catch(() => null))
    if (!response.ok || !parsed.success) {
      view?.render(data)
      return notify('The requester could not be changed', 'error')
    }
    organizationId = parsed.data.ticket.organization_id
  }
  const previousOrganization = ticket.organization_id
  ticket.requester_id = requesterId
  ticket.organization_id = organizationId
  view?.render(data)
  host.emit('ticket.requester.id.changed', requesterId)
  if (previousOrganization !== organizationId)
    host.emit('ticket.organization.changed', zafOrganization(data, organizationId))
}

/** Notes and tags change when the app (or anyone) writes through /api/v2; show them without a reload. */
async function refreshFromServer(): Promise<void> {
  if (!ticketApi || !data.ticket) return
  try {
    const [ticket, comments] = await Promise.all([
      fetch(`${ticketApi}.json`).then(async (r) => ticketResponse.parse(await r.json())),
      fetch(`${ticketApi}/comments.json`).then(async (r) => commentsResponse.parse(await r.json())),
    ])
    const shown = (): string => JSON.stringify([data.ticket?.tags, data.ticket?.follower_ids, data.comments])
    const before = shown()
    data.ticket.tags = ticket.ticket.tags
    data.ticket.follower_ids = ticket.ticket.follower_ids
    data.comments = comments.comments
    if (shown() !== before) view?.render(data)
  } catch {
    // The emulator was stopped or restarted; the next poll tries again.
  }
}
if (ticketApi)
  setInterval(() => {
    if (document.visibilityState === 'visible') void refreshFromServer()
  }, 1000)

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') host.emit('app.activated', { firstLoad: false })
  else host.emit('app.deactivated', {})
})

iframe.title = data.appName
iframe.src = `${data.appUrl}${data.appUrl.includes('?') ? '&' : '?'}origin=${encodeURIComponent(location.origin)}&app_guid=${appGuid}`
