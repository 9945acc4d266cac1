// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { APP_ORIGIN, hostDataFor } from '../testing/host-data-fixture'
import type { HostData } from './host-data'
import type { RequestOptions } from './request-options'
import { startZafHost, type ZafHost } from './zaf-host'
import type { HostEffect } from './zaf-rpc'

// The parent side of the protocol against the messages the SDK (lib/client.js) really sends.
const GUID = '3f1b8a52-0c1e-4b8e-9d4a-2f7d8f0e6a11'
let iframe: HTMLIFrameElement
let posted: Mock
let effects: HostEffect[]
let requests: RequestOptions[]
let data: HostData
let host: ZafHost
let outcome: { done: boolean; responseArgs: unknown[] }

function start(page: Parameters<typeof hostDataFor>[0] = 101): void {
  data = hostDataFor(page)
  host = startZafHost({
    window,
    iframe,
    appOrigin: APP_ORIGIN,
    appGuid: GUID,
    data,
    onEffect: (effect) => effects.push(effect),
    performRequest: (options) => {
      requests.push(options)
      return Promise.resolve(outcome)
    },
  })
}

beforeEach(() => {
  iframe = document.createElement('iframe')
  document.body.append(iframe)
  posted = vi.fn()
  if (!iframe.contentWindow) throw new Error('jsdom gave the iframe no window')
  iframe.contentWindow.postMessage = posted
  effects = []
  requests = []
  outcome = {
    done: true,
    responseArgs: [{ ok: true }, 'success', { status: 200, statusText: 'OK', responseText: '{"ok":true}' }],
  }
  start()
})
afterEach(() => {
  host.stop()
  iframe.remove()
})

/** What the SDK posts: JSON strings with its appGuid, from the iframe's window and the app origin. */
function fromApp(
  message: Record<string, unknown> | string,
  options: { origin?: string; source?: Window | null } = {}
): void {
  const payload =
    typeof message === 'string' ? message : JSON.stringify({ ...message, appGuid: GUID, instanceGuid: GUID })
  window.dispatchEvent(
    new MessageEvent('message', {
      data: payload,
      origin: options.origin ?? APP_ORIGIN,
      source: options.source === undefined ? iframe.contentWindow : options.source,
    })
  )
}

/** Everything posted to the iframe, parsed; each must have been a JSON string sent to the app origin. */
function sent(): Record<string, unknown>[] {
  return posted.mock.calls.map(([message, targetOrigin]: unknown[]) => {
    expect(typeof message).toBe('string')
    expect(targetOrigin).toBe(APP_ORIGIN)
    return JSON.parse(String(message)) as Record<string, unknown>
  })
}
const lastSent = (): Record<string, unknown> | undefined => sent().at(-1)

describe('handshake', () => {
  it('answers iframe.handshake with app.registered: context and non-secure settings', () => {
    fromApp({ key: 'iframe.handshake', message: { version: '2.0.9' } })
    expect(sent()).toEqual([
      {
        key: 'zaf.app.registered',
        message: {
          context: {
            instanceGuid: GUID,
            product: 'support',
            account: { subdomain: 'successbridge-demo' },
            location: 'ticket_sidebar',
            ticketId: 101,
          },
          metadata: {
            appId: 1,
            installationId: 1,
            name: 'Success Bridge',
            version: '0.1.0',
            settings: { crm_provider: 'salesforce', health_risk_below: 50 },
          },
        },
      },
    ])
  })

  it('listens only to its own iframe, from the app origin, for its own app', () => {
    fromApp({ key: 'iframe.handshake' }, { origin: 'http://localhost:4000' })
    fromApp({ key: 'iframe.handshake' }, { origin: 'http://127.0.0.1:4002' })
    fromApp({ key: 'iframe.handshake' }, { source: window })
    fromApp({ key: 'iframe.handshake' }, { source: null })
    fromApp(JSON.stringify({ key: 'iframe.handshake', appGuid: 'another-app' }))
    fromApp('not json')
    expect(posted).not.toHaveBeenCalled()
  })

  it('accepts structured-clone objects as well as JSON strings', () => {
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { key: 'iframe.handshake', appGuid: GUID },
        origin: APP_ORIGIN,
        source: iframe.contentWindow,
      })
    )
    expect(lastSent()?.['key']).toBe('zaf.app.registered')
  })
})

describe('get', () => {
  it('answers ZAF objects in camelCase, with a "No such API" entry for unknown paths', () => {
    fromApp({
      id: 1,
      request: 'get',
      params: [
        'ticket.requester',
        'ticket.organization',
        'ticket.requester.email',
        'currentUser.locale',
        'ticket.nope',
      ],
    })
    expect(lastSent()).toEqual({
      id: 1,
      result: {
        'ticket.requester': {
          id: 201,
          name: 'Jane Doe',
          email: 'jane.doe@northwind.example',
          externalId: null,
          role: 'end-user',
          organizations: [
            {
              id: 9001,
              name: 'Northwind Traders',
              externalId: '001000000000001AAA',
              domains: 'northwind.example',
            },
          ],
        },
        'ticket.organization': {
          id: 9001,
          name: 'Northwind Traders',
          externalId: '001000000000001AAA',
          domains: 'northwind.example',
        },
        'ticket.requester.email': 'jane.doe@northwind.example',
        'currentUser.locale': 'en-US',
        errors: {
          'ticket.nope': {
            name: 'APIUnavailable',
            message: '"ticket.nope" No such API',
            path: 'ticket.nope',
          },
        },
      },
    })
  })

  it('gives the whole ticket, and null for an organization the ticket does not have', () => {
    start(105)
    fromApp({
      id: 2,
      request: 'get',
      params: ['ticket', 'ticket.organization', 'ticket.organization.name', 'currentAccount', 'currentUser'],
    })
    const result = lastSent()?.['result'] as Record<string, unknown>
    expect(result['ticket']).toEqual({
      id: 105,
      subject: "<b>Help</b> with <script>alert('x')</script>",
      description: '<img src=x onerror=alert(2)>',
      priority: 'high',
      type: 'problem',
      status: 'open',
      tags: [],
      requester: {
        id: 205,
        name: "Mallory <b>O'Brien</b>",
        email: 'mallory@hostile.example',
        externalId: null,
        role: 'end-user',
        organizations: [],
      },
      organization: null,
      createdAt: '2026-11-25T08:30:00Z',
    })
    expect(result['ticket.organization']).toBeNull()
    expect(result['ticket.organization.name']).toBeNull()
    expect(result['currentAccount']).toEqual({ subdomain: 'successbridge-demo' })
    expect(result['currentUser']).toEqual({
      id: 1,
      name: 'Alex Rivera',
      email: 'alex.rivera@successbridge-demo.example',
      locale: 'en-US',
      role: 'agent',
      timeZone: { ianaName: 'Europe/London' },
    })
    expect(result['errors']).toEqual({})
  })

  it('does not walk into objects beyond the documented paths', () => {
    fromApp({
      id: 3,
      request: 'get',
      params: ['ticket.tags.length', 'ticket.requester.organizations.0', 'constructor', 'ticket.__proto__'],
    })
    const result = lastSent()?.['result'] as { errors: Record<string, unknown> }
    expect(Object.keys(result.errors)).toEqual([
      'ticket.tags.length',
      'ticket.requester.organizations.0',
      'constructor',
      'ticket.__proto__',
    ])
  })
})

describe('set and invoke', () => {
  it('sets the subject and refuses other paths', () => {
    fromApp({ id: 4, request: 'set', params: { 'ticket.subject': 'New subject', 'ticket.status': 'solved' } })
    expect(lastSent()).toEqual({
      id: 4,
      result: {
        'ticket.subject': 'New subject',
        errors: {
          'ticket.status': {
            name: 'APIUnavailable',
            message: '"ticket.status" No such API',
            path: 'ticket.status',
          },
        },
      },
    })
    expect(data.ticket?.subject).toBe('New subject')
    expect(effects).toEqual([{ kind: 'subject-changed', subject: 'New subject' }])
  })

  it('resizes, notifies, tracks and creates instances; unknown actions are errors', () => {
    fromApp({ id: 5, request: 'invoke', params: { resize: [{ width: '100%', height: '321px' }] } })
    fromApp({ id: 6, request: 'invoke', params: { resize: [{ height: 200 }] } })
    fromApp({ id: 7, request: 'invoke', params: { notify: ['Saved', 'error'], track: [{ type: 'click' }] } })
    fromApp({
      id: 8,
      request: 'invoke',
      params: { 'instances.create': [{ location: 'modal', url: 'assets/modal.html' }] },
    })
    fromApp({
      id: 9,
      request: 'invoke',
      params: { 'comment.appendText': ['hi'], resize: [{ height: 'calc(1px)' }] },
    })
    expect(sent().map((m) => m['result'])).toEqual([
      { errors: {} },
      { errors: {} },
      { errors: {} },
      { errors: {} },
      {
        errors: {
          'comment.appendText': {
            name: 'APIUnavailable',
            message: '"comment.appendText" No such API',
            path: 'comment.appendText',
          },
          resize: { name: 'InvalidArgument', message: 'resize expects {width, height}', path: 'resize' },
        },
      },
    ])
    expect(effects).toEqual([
      { kind: 'resize', width: '100%', height: '321px' },
      { kind: 'resize', width: null, height: '200px' },
      { kind: 'notify', message: 'Saved', type: 'error' },
    ])
  })
})

describe('events', () => {
  it('pushes an event only while the app subscribes to it', () => {
    expect(host.emit('ticket.requester.id.changed', 202)).toBe(false)
    fromApp({ key: 'iframe.on:ticket.requester.id.changed', message: { subscriberCount: 1 } })
    expect(host.emit('ticket.requester.id.changed', 202)).toBe(true)
    expect(lastSent()).toEqual({ key: 'zaf.ticket.requester.id.changed', message: 202 })
    fromApp({ key: 'iframe.on:ticket.requester.id.changed', message: { subscriberCount: 2 } })
    fromApp({ key: 'iframe.off:ticket.requester.id.changed', message: { subscriberCount: 1 } })
    expect(host.subscriberCount('ticket.requester.id.changed')).toBe(1)
    fromApp({ key: 'iframe.off:ticket.requester.id.changed', message: { subscriberCount: 0 } })
    expect(host.emit('ticket.requester.id.changed', 203)).toBe(false)
    expect(sent()).toHaveLength(1)
  })

  it('starts a reloaded app with no subscriptions and ignores telemetry', () => {
    fromApp({ key: 'iframe.on:app.activated', message: { subscriberCount: 1 } })
    fromApp({ key: 'iframe.handshake', message: { version: '2.1.2' } })
    expect(host.emit('app.activated', { firstLoad: false })).toBe(false)
    fromApp({ key: '__track__', message: { event_name: 'sdk_request_timeout' } })
    fromApp({ key: 'session.live' })
    fromApp({ key: 'iframe.reply:ticket.save' })
    expect(sent().map((m) => m['key'])).toEqual(['zaf.app.registered'])
  })
})

describe('request', () => {
  it('performs request:N and answers zaf.request:N.done or .fail with responseArgs', async () => {
    fromApp({
      key: 'request:1',
      message: {
        url: 'https://acme.my.salesforce.com/x',
        type: 'GET',
        secure: true,
        headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
      },
    })
    await vi.waitFor(() => expect(lastSent()?.['key']).toBe('zaf.request:1.done'))
    expect(lastSent()?.['message']).toEqual({ responseArgs: outcome.responseArgs })
    expect(requests).toEqual([
      {
        url: 'https://acme.my.salesforce.com/x',
        type: 'GET',
        secure: true,
        headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
      },
    ])

    outcome = { done: false, responseArgs: [{ status: 0, statusText: 'timeout', responseText: '' }] }
    fromApp({ key: 'request:2', message: { url: 'https://acme.my.salesforce.com/slow' } })
    await vi.waitFor(() =>
      expect(lastSent()).toEqual({
        key: 'zaf.request:2.fail',
        message: { responseArgs: [{ status: 0, statusText: 'timeout', responseText: '' }] },
      })
    )
  })

  it('fails a request whose options are not ZAF request options, without performing it', async () => {
    fromApp({ key: 'request:3', message: { type: 'GET' } })
    await vi.waitFor(() => expect(lastSent()?.['key']).toBe('zaf.request:3.fail'))
    expect(requests).toEqual([])
  })
})

describe('locations other than the ticket sidebar', () => {
  const registeredContext = (): unknown => {
    fromApp({ key: 'iframe.handshake' })
    return (lastSent()?.['message'] as { context: unknown }).context
  }
  const restart = (page: Parameters<typeof hostDataFor>[0]): void => {
    host.stop()
    posted.mockClear()
    start(page)
  }

  it('answers the organization sidebar with its organization and no ticket', () => {
    restart({ organizationId: 9003 })
    expect(registeredContext()).toEqual({
      instanceGuid: GUID,
      product: 'support',
      account: { subdomain: 'successbridge-demo' },
      location: 'organization_sidebar',
    })
    fromApp({
      id: 11,
      request: 'get',
      params: ['organization', 'organization.domains', 'ticket.requester', 'user'],
    })
    const result = lastSent()?.['result'] as { errors: Record<string, unknown> } & Record<string, unknown>
    expect(result['organization']).toEqual({
      id: 9003,
      name: 'Initech',
      externalId: null,
      domains: 'initech.example',
    })
    expect(result['organization.domains']).toBe('initech.example')
    expect(Object.keys(result.errors)).toEqual(['ticket.requester', 'user'])
  })

  it('answers the user sidebar with the user and their organizations', () => {
    restart({ userId: 202 })
    expect(registeredContext()).toMatchObject({ location: 'user_sidebar' })
    fromApp({ id: 12, request: 'get', params: ['user', 'user.email', 'currentUser.locale', 'organization'] })
    const result = lastSent()?.['result'] as { errors: Record<string, unknown> } & Record<string, unknown>
    expect(result['user']).toEqual({
      id: 202,
      name: 'Hank Scorpio',
      email: 'hank@globex.example',
      externalId: null,
      role: 'end-user',
      organizations: [{ id: 9002, name: 'Globex', externalId: null, domains: 'globex.example' }],
    })
    expect(result['user.email']).toBe('hank@globex.example')
    expect(result['currentUser.locale']).toBe('en-US')
    expect(Object.keys(result.errors)).toEqual(['organization'])
  })

  it('answers the new ticket sidebar with an empty requester and organization, and no ticket id', () => {
    restart({ newTicket: true })
    const context = registeredContext()
    expect(context).toMatchObject({ location: 'new_ticket_sidebar' })
    expect(context).not.toHaveProperty('ticketId')
    fromApp({
      id: 13,
      request: 'get',
      params: ['ticket.requester', 'ticket.organization', 'ticket.id', 'ticket.requester.email'],
    })
    expect(lastSent()?.['result']).toEqual({
      'ticket.requester': null,
      'ticket.organization': null,
      'ticket.id': null,
      'ticket.requester.email': null,
      errors: {},
    })
  })

  it('refuses to set a ticket subject where there is no ticket', () => {
    restart({ userId: 201 })
    fromApp({ id: 14, request: 'set', params: { 'ticket.subject': 'x' } })
    expect(Object.keys((lastSent()?.['result'] as { errors: object }).errors)).toEqual(['ticket.subject'])
    expect(effects).toEqual([])
  })
})
