import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRequestBridge } from './request-bridge'

// Where the host page sends each client.request, with fetch replaced by a recorder.
const HOST = 'http://localhost:4000'
let calls: { url: string; init: RequestInit }[]
let reply: () => Promise<Response>
let writes: number

beforeEach(() => {
  calls = []
  writes = 0
  reply = () =>
    Promise.resolve(
      new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    )
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    calls.push({ url, init })
    return reply()
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
})

const bridge = () => createRequestBridge({ hostOrigin: HOST, onApiWrite: () => (writes += 1) })

describe('request bridge', () => {
  it("sends relative /api URLs to the account's API with the agent's session, and refreshes after a write", async () => {
    const outcome = await bridge()({
      url: '/api/v2/tickets/101.json',
      type: 'PUT',
      contentType: 'application/json',
      data: '{"ticket":{}}',
      dataType: 'json',
    })
    expect(outcome).toEqual({
      done: true,
      responseArgs: [{ ok: true }, 'success', { status: 200, statusText: '', responseText: '{"ok":true}' }],
    })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe('/api/v2/tickets/101.json')
    expect(calls[0]?.init).toMatchObject({ method: 'PUT', body: '{"ticket":{}}', credentials: 'same-origin' })
    expect(new Headers(calls[0]?.init.headers).get('content-type')).toBe('application/json')
    expect(writes).toBe(1)
  })

  it('appends GET data to the query string and does not count reads as writes', async () => {
    await bridge()({ url: '/api/v2/search.json', data: { query: 'type:ticket' } })
    expect(calls[0]?.url).toBe('/api/v2/search.json?query=type%3Aticket')
    expect(calls[0]?.init.body).toBeUndefined()
    expect(writes).toBe(0)
  })

  it('keeps relative URLs outside /api away from the emulator itself', async () => {
    const outcome = await bridge()({ url: '/__proxy', type: 'POST', data: '{}' })
    expect(calls).toEqual([])
    expect(outcome).toMatchObject({
      done: false,
      responseArgs: [{ status: 404, responseJSON: { error: 'InvalidEndpoint' } }],
    })
  })

  it('posts absolute URLs, untouched, to the emulated proxy', async () => {
    reply = () =>
      Promise.resolve(
        Response.json({
          outcome: 'response',
          status: 201,
          statusText: 'Created',
          headers: { 'content-type': 'application/json' },
          responseText: '{"id":"t1"}',
        })
      )
    const options = {
      url: 'https://acme.my.salesforce.com/x',
      type: 'POST',
      secure: true,
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
      httpCompleteResponse: true,
    }
    const outcome = await bridge()(options)
    expect(calls).toEqual([
      {
        url: '/__proxy',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(options),
        },
      },
    ])
    expect(outcome).toMatchObject({ done: true, responseArgs: [{ status: 201, responseJSON: { id: 't1' } }] })
  })

  it('turns an unusable proxy answer into a failure, not a hang', async () => {
    reply = () => Promise.resolve(new Response('{"error":"InvalidRequestOptions"}', { status: 400 }))
    expect(await bridge()({ url: 'https://acme.my.salesforce.com/x' })).toMatchObject({
      done: false,
      responseArgs: [{ status: 400 }],
    })
  })

  it('lets cors: true requests go straight from the browser, with no settings inserted', async () => {
    await bridge()({ url: 'https://cdn.example.com/x?t={{setting.crm_api_token}}', cors: true })
    expect(calls[0]).toMatchObject({
      url: 'https://cdn.example.com/x?t={{setting.crm_api_token}}',
      init: { method: 'GET', mode: 'cors', credentials: 'omit' },
    })
    reply = () => Promise.reject(new TypeError('Failed to fetch'))
    expect(await bridge()({ url: 'https://down.example.com/', cors: true })).toEqual({
      done: false,
      responseArgs: [{ status: 0, statusText: 'error', responseText: '' }],
    })
  })

  it("times out at the request's timeout", async () => {
    reply = () => new Promise(() => undefined)
    vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
      calls.push({ url, init })
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      )
    })
    expect(await bridge()({ url: '/api/v2/search.json', timeout: 20 })).toEqual({
      done: false,
      responseArgs: [{ status: 0, statusText: 'timeout', responseText: '' }],
    })
  })
})
