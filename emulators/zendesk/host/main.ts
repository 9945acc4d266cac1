import { toResponseArgs, type ProxyAnswer } from './response-args'
import { resolvePath, zafOrganization, type HostData } from './zaf-objects'

/**
 * The parent side of the ZAF protocol, in the emulated agent view: handshake, get/set/invoke,
 * events and client.request (relative /api/v2 to this server; absolute URLs through /__proxy,
 * where the secrets live). Seed strings only ever reach the DOM as textContent.
 */
const data = JSON.parse(document.getElementById('zaf-data')?.textContent ?? '{}') as HostData
const found = document.querySelector<HTMLIFrameElement>('[data-testid="app-iframe"]')
if (!found) throw new Error('no app iframe')
const iframe: HTMLIFrameElement = found
const appOrigin = new URL(data.appUrl).origin
const instanceGuid = crypto.randomUUID()
iframe.src = `${data.appUrl}?origin=${encodeURIComponent(location.origin)}&app_guid=${instanceGuid}`

const post = (message: unknown): void => iframe.contentWindow?.postMessage(JSON.stringify(message), appOrigin)
const subscriptions = new Map<string, number>()
const emit = (event: string, message: unknown): void => post({ key: `zaf.${event}`, message })

function noSuchApi(path: string): Record<string, unknown> {
  return { name: 'APIUnavailable', message: `"${path}" No such API`, path }
}

async function handleRequest(key: string, options: { url: string; type?: string; data?: string; contentType?: string; httpCompleteResponse?: boolean; dataType?: string }): Promise<void> {
  let answer: ProxyAnswer
  if (options.url.startsWith('/')) {
    const response = await fetch(options.url, {
      method: options.type ?? 'GET',
      headers: { 'Content-Type': options.contentType ?? 'application/json' },
      ...(options.data === undefined ? {} : { body: options.data }),
    })
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    answer = { outcome: 'response', status: response.status, statusText: response.statusText, headers, responseText: await response.text() }
    if (response.ok && (options.type ?? 'GET') !== 'GET') void refreshTicketPanel()
  } else {
    const response = await fetch('/__proxy', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options) })
    answer = (await response.json()) as ProxyAnswer
  }
  const { done, responseArgs } = toResponseArgs(answer, options)
  post({ key: `zaf.${key}.${done ? 'done' : 'fail'}`, message: { responseArgs } })
}

function handleRpc(message: { id: number; request: string; params: unknown }): void {
  const errors: Record<string, unknown> = {}
  const result: Record<string, unknown> = { errors }
  if (message.request === 'get') {
    for (const path of Array.isArray(message.params) ? (message.params as string[]) : []) {
      const value = resolvePath(data, path)
      if (value === undefined) errors[path] = noSuchApi(path)
      else result[path] = value
    }
  } else if (message.request === 'set') {
    for (const [path, value] of Object.entries((message.params ?? {}) as Record<string, unknown>)) {
      if (path === 'ticket.subject' && typeof value === 'string') {
        data.ticket.subject = value
        const subject = document.querySelector('[data-testid="ticket-subject"]')
        if (subject) subject.textContent = value
        result[path] = value
      } else errors[path] = noSuchApi(path)
    }
  } else if (message.request === 'invoke') {
    for (const [name, args] of Object.entries((message.params ?? {}) as Record<string, unknown[]>)) {
      if (name === 'resize') {
        const size = (args[0] ?? {}) as { width?: string; height?: string }
        if (size.height) {
          iframe.style.height = size.height
          iframe.dataset.height = size.height
        }
      } else if (!['notify', 'track', 'instances.create'].includes(name)) errors[name] = noSuchApi(name)
    }
  }
  post({ id: message.id, result })
}

window.addEventListener('message', (event) => {
  if (event.source !== iframe.contentWindow || event.origin !== appOrigin) return
  const message = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as Record<string, unknown>
  const key = typeof message['key'] === 'string' ? message['key'] : null
  if (key === 'iframe.handshake') {
    post({
      key: 'zaf.app.registered',
      message: {
        context: { instanceGuid, product: 'support', account: { subdomain: data.subdomain }, location: 'ticket_sidebar', ticketId: data.ticketId },
        metadata: { appId: 1, installationId: 1, name: 'Success Bridge', version: data.appVersion, settings: data.settings },
      },
    })
  } else if (key?.startsWith('iframe.on:')) {
    subscriptions.set(key.slice(10), Number((message['message'] as { subscriberCount?: number })?.subscriberCount ?? 1))
  } else if (key?.startsWith('iframe.off:')) {
    subscriptions.delete(key.slice(11))
  } else if (key?.startsWith('request:')) {
    void handleRequest(key, message['message'] as Parameters<typeof handleRequest>[1])
  } else if (typeof message['id'] === 'number' && typeof message['request'] === 'string') {
    handleRpc(message as { id: number; request: string; params: unknown })
  }
})

// Changing the requester: what an agent does in the ticket's Requester field.
document.querySelector<HTMLSelectElement>('#requester')?.addEventListener('change', async (event) => {
  const requesterId = Number((event.target as HTMLSelectElement).value)
  const response = await fetch(`/api/v2/tickets/${data.ticketId}.json`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ticket: { requester_id: requesterId } }),
  })
  if (!response.ok) return
  const previousOrg = data.ticket.organization_id
  const user = data.users.find((u) => u.id === requesterId)
  data.ticket.requester_id = requesterId
  data.ticket.organization_id = user?.organization_id ?? null
  const requester = document.querySelector('[data-testid="ticket-requester"]')
  if (requester) requester.textContent = `${user?.name ?? ''} <${user?.email ?? ''}>`
  const org = document.querySelector('[data-testid="ticket-organization"]')
  if (org) org.textContent = zafOrganization(data, data.ticket.organization_id)?.['name'] as string ?? '-'
  emit('ticket.requester.id.changed', requesterId)
  if (previousOrg !== data.ticket.organization_id) emit('ticket.organization.changed', zafOrganization(data, data.ticket.organization_id))
})

document.querySelector<HTMLSelectElement>('[data-testid="ticket-picker"]')?.addEventListener('change', (event) => {
  location.assign(`/agent/tickets/${(event.target as HTMLSelectElement).value}`)
})

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') emit('app.activated', {})
})

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-fault]')) {
  button.addEventListener('click', async () => {
    await fetch(`${data.crmControlUrl ?? ''}/__emulator/faults`, { method: 'PUT', body: JSON.stringify({ mode: button.dataset.fault }) })
    const status = document.querySelector('[data-testid="fault-status"]')
    if (status) status.textContent = `CRM fault: ${button.dataset.fault ?? ''}`
  })
}

/** Internal notes and tags change when the app writes through /api/v2; show them without a reload. */
async function refreshTicketPanel(): Promise<void> {
  const [ticket, comments] = await Promise.all([
    fetch(`/api/v2/tickets/${data.ticketId}.json`).then((r) => r.json() as Promise<{ ticket: HostData['ticket'] }>),
    fetch(`/api/v2/tickets/${data.ticketId}/comments.json`).then((r) => r.json() as Promise<{ comments: { body: string; public: boolean }[] }>),
  ])
  const tags = document.querySelector('[data-testid="ticket-tags"]')
  tags?.replaceChildren(...ticket.ticket.tags.map((tag) => Object.assign(document.createElement('span'), { className: 'tag', textContent: tag })))
  const notes = document.querySelector('[data-testid="internal-notes"]')
  notes?.replaceChildren(...comments.comments.filter((c) => !c.public).map((c) => Object.assign(document.createElement('li'), { textContent: c.body })))
}
