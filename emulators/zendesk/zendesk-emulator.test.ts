import { symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startZendeskEmulator, type ZendeskEmulator } from './create-zendesk-emulator'
import { HOST_DATA_ELEMENT_ID, hostDataSchema } from './host/host-data'
import { makeAppDir, startRecordingServer, type SeenRequest } from './testing/fixtures'

// The emulator over real loopback HTTP: proxy, agent view and /api/v2. The secret is 'tok-123'.
const SECRET = 'tok-123'
let zendesk: ZendeskEmulator
let app: ReturnType<typeof makeAppDir>
let crm: Awaited<ReturnType<typeof startRecordingServer>>

beforeAll(async () => {
  app = makeAppDir()
  crm = await startRecordingServer()
  zendesk = await startZendeskEmulator({
    appDir: app.dir,
    settings: { crm_api_token: SECRET, crm_base_url: crm.url },
    extraWhitelist: ['127.0.0.1'],
    proxyTimeoutMs: 400,
    // The seed's tickets are of late November 2026; its past tickets are days before this clock.
    now: () => Date.parse('2026-11-25T12:00:00Z'),
  })
})
afterAll(async () => {
  await zendesk.close()
  await crm.close()
  app.dispose()
})
beforeEach(() => {
  zendesk.reset()
  crm.seen.length = 0
})

const proxy = async (options: Record<string, unknown>): Promise<Record<string, unknown>> =>
  (await (
    await fetch(`${zendesk.hostUrl}/__proxy`, { method: 'POST', body: JSON.stringify(options) })
  ).json()) as Record<string, unknown>
const lastSeen = (): SeenRequest | undefined => crm.seen.at(-1)
const api = (path: string, init?: RequestInit): Promise<Response> =>
  fetch(`${zendesk.hostUrl}/api/v2${path}`, init)
const put = (path: string, body: unknown): Promise<Response> =>
  api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('emulated Zendesk proxy', () => {
  it('inserts the secure token for a whitelisted host and never returns or logs it', async () => {
    const answer = await proxy({
      url: `${crm.url}/ok?q=1`,
      type: 'GET',
      secure: true,
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
    })
    expect(lastSeen()?.headers.authorization).toBe(`Bearer ${SECRET}`)
    expect(answer).toMatchObject({
      outcome: 'response',
      status: 200,
      statusText: 'OK',
      responseText: '{"path":"/ok?q=1"}',
      headers: { 'x-echo': 'yes', 'content-type': 'application/json' },
    })
    expect(JSON.stringify(answer) + JSON.stringify(zendesk.proxyLog())).not.toContain(SECRET)
    expect(zendesk.proxyLog()).toEqual([
      {
        method: 'GET',
        url: `${crm.url}/ok?q=1`,
        host: '127.0.0.1',
        secure: true,
        substituted: true,
        status: 200,
        ms: expect.any(Number),
      },
    ])
  })

  it('refuses a secure request to a host outside the whitelist without sending it', async () => {
    const answer = await proxy({
      url: crm.url.replace('127.0.0.1', 'localhost'),
      secure: true,
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
    })
    expect(answer).toMatchObject({
      status: 403,
      statusText: 'Forbidden',
      responseText: "Proxy error: localhost is not in this app's domainWhitelist",
    })
    expect(crm.seen).toEqual([])
    expect(zendesk.proxyLog().at(-1)).toMatchObject({
      host: 'localhost',
      secure: true,
      substituted: false,
      status: 403,
    })
  })

  it('checks the whitelist on the URL after settings are inserted into it', async () => {
    const answer = await proxy({
      url: '{{setting.crm_base_url}}/built',
      secure: true,
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
    })
    expect(answer).toMatchObject({ status: 200 })
    expect(lastSeen()).toMatchObject({ url: '/built', headers: { authorization: `Bearer ${SECRET}` } })
  })

  it('leaves a secure placeholder alone in a request that is not secure, or outside its scopes', async () => {
    await proxy({ url: `${crm.url}/ok`, headers: { Authorization: 'Bearer {{setting.crm_api_token}}' } })
    expect(lastSeen()?.headers.authorization).toBe('Bearer {{setting.crm_api_token}}')
    expect(zendesk.proxyLog().at(-1)).toMatchObject({ secure: false, substituted: false, status: 200 })

    // crm_api_token is scoped to headers: not into the body or the URL, even in a secure request.
    await proxy({
      url: `${crm.url}/ok?t={{setting.crm_api_token}}`,
      type: 'POST',
      secure: true,
      contentType: 'application/json',
      data: '{"t":"{{setting.crm_api_token}}"}',
    })
    expect(lastSeen()).toMatchObject({
      url: '/ok?t={{setting.crm_api_token}}',
      body: '{"t":"{{setting.crm_api_token}}"}',
    })
    expect(zendesk.proxyLog().at(-1)).toMatchObject({ substituted: false })
  })

  it('forwards method, body and Content-Type, and inserts non-secure settings', async () => {
    await proxy({
      url: `${crm.url}/tasks`,
      type: 'post',
      contentType: 'application/json',
      data: '{"base":"{{setting.crm_base_url}}"}',
      headers: { 'X-Provider': '{{setting.crm_provider}}' },
    })
    expect(lastSeen()).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ base: crm.url }),
      headers: {
        'content-type': 'application/json',
        'x-provider': 'salesforce',
        'content-length': String(JSON.stringify({ base: crm.url }).length),
      },
    })
  })

  it('sends data the way jQuery does: objects form-encoded, in the query string for GET', async () => {
    await proxy({ url: `${crm.url}/form`, type: 'POST', data: { a: '1 2', b: true } })
    expect(lastSeen()).toMatchObject({
      body: 'a=1+2&b=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    })
    await proxy({ url: `${crm.url}/find?x=1`, data: 'q=acme' })
    expect(lastSeen()).toMatchObject({ method: 'GET', url: '/find?x=1&q=acme', body: '' })
  })

  it('drops header names with underscores, as the Zendesk proxy does', async () => {
    await proxy({ url: `${crm.url}/ok`, headers: { client_id: 'a', 'client-id': 'b' } })
    expect(lastSeen()?.headers['client-id']).toBe('b')
    expect(lastSeen()?.headers['client_id']).toBeUndefined()
  })

  it('fails with 400 on a placeholder naming no setting, without sending anything', async () => {
    const answer = await proxy({
      url: `${crm.url}/ok`,
      secure: true,
      headers: { Authorization: 'Bearer {{setting.nope}}' },
    })
    expect(answer).toMatchObject({ status: 400, responseText: 'Proxy error: unknown setting nope' })
    expect(crm.seen).toEqual([])
  })

  it('passes error statuses through and proxies only absolute http(s) URLs', async () => {
    expect(await proxy({ url: `${crm.url}/missing`, secure: true })).toMatchObject({
      status: 404,
      responseText: '{"path":"/missing"}',
    })
    expect(await proxy({ url: 'file:///etc/passwd' })).toMatchObject({
      status: 400,
      responseText: 'Proxy error: only http and https URLs can be proxied',
    })
    expect(await proxy({ url: '/api/v2/tickets/101.json' })).toMatchObject({ status: 400 })
  })

  it("times out at the request's timeout, else at the proxy's ceiling", async () => {
    const started = Date.now()
    expect(await proxy({ url: `${crm.url}/slow`, timeout: 100 })).toEqual({ outcome: 'timeout' })
    expect(await proxy({ url: `${crm.url}/slow` })).toEqual({ outcome: 'timeout' })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(zendesk.proxyLog().map((e) => e.status)).toEqual([0, 0])
    expect(zendesk.proxyLog()[1]?.ms).toBeGreaterThanOrEqual(390)
  })

  it('leaves a request unanswered under the no-answer fault, sending nothing, then answers again', async () => {
    zendesk.setProxyFaults({ mode: 'no-answer', remaining: 1 })
    const abandoned = new AbortController()
    let settled = false
    const held = fetch(`${zendesk.hostUrl}/__proxy`, {
      method: 'POST',
      body: JSON.stringify({ url: `${crm.url}/held`, type: 'POST' }),
      signal: abandoned.signal,
    }).then(
      () => (settled = true),
      () => undefined
    )
    // Taken and logged as unanswered before the next request is sent: the fault counted itself down.
    await expect
      .poll(() => zendesk.proxyLog())
      .toEqual([
        expect.objectContaining({ method: 'POST', url: `${crm.url}/held`, unanswered: true, status: 0 }),
      ])
    expect(await proxy({ url: `${crm.url}/answered` })).toMatchObject({ outcome: 'response', status: 200 })
    expect(settled).toBe(false)
    expect(crm.seen.map((seen) => seen.url)).toEqual(['/answered'])
    abandoned.abort()
    await held
    expect(settled).toBe(false)
  })

  it('narrows the no-answer fault to a method and a host', async () => {
    zendesk.setProxyFaults({ mode: 'no-answer', method: 'POST', host: 'slack.com' })
    expect(await proxy({ url: `${crm.url}/read` })).toMatchObject({ status: 200 })
    expect(await proxy({ url: `${crm.url}/write`, type: 'POST' })).toMatchObject({ status: 200 })
    expect(crm.seen.map((seen) => seen.url)).toEqual(['/read', '/write'])
    expect(zendesk.proxyLog().some((entry) => entry.unanswered)).toBe(false)
  })

  it('reports an unreachable host as 502 with the reason', async () => {
    const answer = await proxy({
      url: 'http://127.0.0.1:9/closed',
      secure: true,
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
    })
    expect(answer).toMatchObject({
      outcome: 'response',
      status: 502,
      statusText: 'Bad Gateway',
      responseText: 'Proxy error: connect ECONNREFUSED 127.0.0.1:9',
    })
    expect(zendesk.proxyLog().at(-1)).toMatchObject({ status: 502, substituted: true })
  })

  it('rejects malformed options and writes from another origin', async () => {
    const bad = await fetch(`${zendesk.hostUrl}/__proxy`, {
      method: 'POST',
      body: JSON.stringify({ type: 'GET' }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: 'InvalidRequestOptions' })
    expect((await fetch(`${zendesk.hostUrl}/__proxy`, { method: 'POST', body: 'not json' })).status).toBe(400)
    const crossOrigin = await fetch(`${zendesk.hostUrl}/__proxy`, {
      method: 'POST',
      headers: { Origin: zendesk.appOrigin },
      body: JSON.stringify({ url: `${crm.url}/ok`, secure: true }),
    })
    expect(crossOrigin.status).toBe(403)
    expect(crm.seen).toEqual([])
  })
})

describe('agent view', () => {
  async function page(id: number): Promise<{ response: Response; html: string }> {
    const response = await fetch(zendesk.ticketUrl(id))
    return { response, html: await response.text() }
  }

  it('puts no seeded string into the markup: hostile text travels as inline JSON with < escaped', async () => {
    const { response, html } = await page(105)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html).not.toContain("<script>alert('x')")
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<b>')
    expect(html).toContain('\\u003cb>Help\\u003c/b> with \\u003cscript>alert')
    // Exactly two script elements: the JSON island and the host bundle.
    expect(html.match(/<script/g)).toHaveLength(2)

    const island =
      new RegExp(`<script type="application/json" id="${HOST_DATA_ELEMENT_ID}">(.*?)</script>`, 's').exec(
        html
      )?.[1] ?? ''
    const data = hostDataSchema.parse(JSON.parse(island))
    expect(data.ticket?.subject).toBe("<b>Help</b> with <script>alert('x')</script>")
    expect(data.ticket?.description).toBe('<img src=x onerror=alert(2)>')
    expect(data.users.find((u) => u.id === 205)?.name).toBe("Mallory <b>O'Brien</b>")
  })

  it('hands the page the app URL, the manifest name and version, and non-secure settings only', async () => {
    const { response, html } = await page(101)
    const island = new RegExp(`id="${HOST_DATA_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)?.[1] ?? ''
    const data = hostDataSchema.parse(JSON.parse(island))
    expect(data).toMatchObject({
      appUrl: `${zendesk.appOrigin}/assets/index.html`,
      appName: 'Success Bridge',
      appVersion: '1.2.3',
      subdomain: 'successbridge-demo',
    })
    expect(data.settings).toEqual({ crm_base_url: crm.url, crm_provider: 'salesforce' })
    expect(data.ticket).toMatchObject({ id: 101, requester_id: 201, organization_id: 9001 })
    expect(data.tickets.map((t) => t.id)).toEqual([101, 102, 103, 104, 105, 106, 107, 108])
    expect(html).not.toContain(SECRET)
    expect(response.headers.get('content-security-policy')).toContain(`frame-src ${zendesk.appOrigin}`)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('redirects / to the first ticket, 404s an unknown one, and serves the bundled host script', async () => {
    const root = await fetch(`${zendesk.hostUrl}/`, { redirect: 'manual' })
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toBe('/agent/tickets/101')
    expect((await page(999)).response.status).toBe(404)
    const script = await fetch(`${zendesk.hostUrl}/host.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const text = await script.text()
    expect(text).toContain('zaf.app.registered')
    expect(text).not.toContain(SECRET)
  })

  it('frames the app on user and organization pages, in those locations', async () => {
    const island = async (url: string) => {
      const response = await fetch(url)
      expect(response.status).toBe(200)
      const html = await response.text()
      return hostDataSchema.parse(
        JSON.parse(new RegExp(`id="${HOST_DATA_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)?.[1] ?? '')
      )
    }
    expect(zendesk.userUrl(202)).toBe(`${zendesk.hostUrl}/agent/users/202`)
    expect(await island(zendesk.userUrl(202))).toMatchObject({
      location: 'user_sidebar',
      userId: 202,
      organizationId: null,
      ticket: null,
      comments: [],
      appUrl: `${zendesk.appOrigin}/assets/index.html`,
    })
    expect(await island(zendesk.organizationUrl(9003))).toMatchObject({
      location: 'organization_sidebar',
      userId: null,
      organizationId: 9003,
      ticket: null,
    })
    expect((await island(zendesk.ticketUrl(101))).location).toBe('ticket_sidebar')
  })

  it('404s unknown users and organizations, and a location the manifest does not declare', async () => {
    expect((await fetch(zendesk.userUrl(999))).status).toBe(404)
    expect((await fetch(zendesk.organizationUrl(999))).status).toBe(404)
    const newTicket = await fetch(zendesk.newTicketUrl())
    expect(newTicket.status).toBe(404)
    expect(await newTicket.text()).toBe('The app has no new_ticket_sidebar location in its manifest')
  })

  it('uses two origins: the agent view on localhost, the app on 127.0.0.1', () => {
    expect(new URL(zendesk.hostUrl).hostname).toBe('localhost')
    expect(new URL(zendesk.appOrigin).hostname).toBe('127.0.0.1')
    expect(zendesk.ticketUrl(102)).toBe(`${zendesk.hostUrl}/agent/tickets/102`)
  })
})

describe('/api/v2', () => {
  it('reads tickets, users and organizations in Zendesk shapes', async () => {
    const ticket = (await (await api('/tickets/102.json')).json()) as { ticket: Record<string, unknown> }
    expect(ticket.ticket).toMatchObject({
      id: 102,
      url: `${zendesk.hostUrl}/api/v2/tickets/102.json`,
      requester_id: 202,
      organization_id: 9002,
      tags: ['outage'],
      priority: 'urgent',
      status: 'open',
    })
    expect(await (await api('/users/202.json')).json()).toMatchObject({
      user: { id: 202, email: 'hank@globex.example', organization_id: 9002, role: 'end-user' },
    })
    expect(await (await api('/organizations/9001.json')).json()).toMatchObject({
      organization: { id: 9001, external_id: '001000000000001AAA', domain_names: ['northwind.example'] },
    })
  })

  it('answers Zendesk errors for missing records and unknown endpoints', async () => {
    for (const path of ['/tickets/999.json', '/users/999.json', '/organizations/1.json']) {
      const response = await api(path)
      expect([path, response.status, await response.json()]).toEqual([
        path,
        404,
        { error: 'RecordNotFound', description: 'Not found' },
      ])
    }
    for (const path of ['/nope.json', '/tickets/abc.json', '/tickets.json']) {
      const response = await api(path)
      expect([path, response.status, await response.json()]).toEqual([
        path,
        404,
        { error: 'InvalidEndpoint', description: 'Not found' },
      ])
    }
  })

  it('stores an internal note and tags, and lists the note after the description', async () => {
    const response = await put('/tickets/102.json', {
      ticket: {
        comment: { body: 'Escalated to Marcus\n<b>not markup</b>', public: false },
        additional_tags: ['csm_escalated'],
      },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      ticket: { tags: string[] }
      audit: { events: { type: string }[] }
    }
    expect(body.ticket.tags).toEqual(['outage', 'csm_escalated'])
    expect(body.audit.events.map((e) => e.type)).toEqual(['Comment', 'Change'])

    expect(zendesk.comments(102)).toEqual([
      expect.objectContaining({
        body: 'Escalated to Marcus\n<b>not markup</b>',
        public: false,
        author_id: 1,
        html_body:
          '<div class="zd-comment" dir="auto"><p>Escalated to Marcus<br>&lt;b&gt;not markup&lt;/b&gt;</p></div>',
      }),
    ])
    expect(zendesk.tags(102)).toEqual(['outage', 'csm_escalated'])
    const comments = (await (await api('/tickets/102/comments.json')).json()) as {
      comments: { body: string; public: boolean }[]
      count: number
    }
    expect(comments.comments.map((c) => [c.body.slice(0, 19), c.public])).toEqual([
      ['Our whole integrati', true],
      ['Escalated to Marcus', false],
    ])

    // Newest first on request, so a long ticket's latest notes are on its first page.
    const newestFirst = (await (await api('/tickets/102/comments.json?sort_order=desc')).json()) as {
      comments: { body: string }[]
    }
    expect(newestFirst.comments.map((c) => c.body.slice(0, 19))).toEqual([
      'Escalated to Marcus',
      'Our whole integrati',
    ])
  })

  it('derives the text of an HTML-only note', async () => {
    await put('/tickets/101.json', {
      ticket: { comment: { html_body: '<p>Hello &amp; <b>welcome</b></p>', public: false } },
    })
    expect(zendesk.comments(101)[0]).toMatchObject({
      body: 'Hello & welcome',
      html_body: '<p>Hello &amp; <b>welcome</b></p>',
    })
  })

  it('rejects invalid updates whole, with 422 or 400, and changes nothing', async () => {
    expect(
      (
        await put('/tickets/101.json', {
          ticket: { comment: { body: '  ', public: false }, additional_tags: ['x'] },
        })
      ).status
    ).toBe(422)
    expect(
      (await put('/tickets/101.json', { ticket: { requester_id: 99999, additional_tags: ['x'] } })).status
    ).toBe(422)
    expect((await put('/tickets/101.json', { tickets: {} })).status).toBe(422)
    expect((await api('/tickets/101.json', { method: 'PUT', body: '{' })).status).toBe(400)
    expect((await put('/tickets/999.json', { ticket: {} })).status).toBe(404)
    expect(zendesk.tags(101)).toEqual(['billing'])
    expect(zendesk.comments(101)).toEqual([])
  })

  it('moves the ticket to the new requester and their organization', async () => {
    const body = (await (await put('/tickets/101.json', { ticket: { requester_id: 206 } })).json()) as {
      ticket: Record<string, unknown>
    }
    expect(body.ticket).toMatchObject({ requester_id: 206, organization_id: null })
  })

  it('adds, replaces and removes tags through tags.json, normalised as Zendesk does', async () => {
    expect(await (await put('/tickets/103/tags.json', { tags: ['VIP', 'two words', 'vip'] })).json()).toEqual(
      { tags: ['vip', 'two', 'words'] }
    )
    expect(
      await (
        await api('/tickets/103/tags.json', { method: 'DELETE', body: JSON.stringify({ tags: ['two'] }) })
      ).json()
    ).toEqual({ tags: ['vip', 'words'] })
    expect(
      await (
        await api('/tickets/103/tags.json', { method: 'POST', body: JSON.stringify({ tags: ['only'] }) })
      ).json()
    ).toEqual({ tags: ['only'] })
    expect(await (await api('/tickets/103/tags.json')).json()).toEqual({ tags: ['only'] })
    expect(zendesk.tags(103)).toEqual(['only'])
  })

  it('searches an organization’s tickets created after a day', async () => {
    const search = async (
      query: string
    ): Promise<{ count: number; results: { id: number; result_type: string }[] }> =>
      (await (await api(`/search.json?query=${encodeURIComponent(query)}`)).json()) as {
        count: number
        results: { id: number; result_type: string }[]
      }
    expect(await search('type:ticket organization:9002 created>2026-10-26')).toMatchObject({
      count: 1,
      results: [{ id: 102, result_type: 'ticket' }],
    })
    expect(await search('type:ticket organization:9002 created>2026-11-25')).toMatchObject({
      count: 0,
      results: [],
    })
    expect((await search('type:ticket created>2026-11-24')).results.map((r) => r.id)).toEqual([
      106, 105, 104, 102,
    ])
    expect((await search('type:user organization:9002')).count).toBe(0)
    expect((await api('/search.json')).status).toBe(400)
  })

  it('counts search results at /search/count, over past tickets too, with relative dates and comparisons', async () => {
    const count = async (query: string): Promise<unknown> =>
      (await (await api(`/search/count?query=${encodeURIComponent(query)}`)).json()) as unknown
    // Initech: #103 (2 days old) and five past tickets in the last 30 days, three in the 90 before.
    expect(await count('type:ticket organization:9003 created>30days')).toEqual({ count: 6 })
    expect(await count('type:ticket organization:9003 created>120days created<30days')).toEqual({ count: 3 })
    expect(await count('type:ticket organization:9003 created>2hours')).toEqual({ count: 0 })
    // Open (not solved or closed) and urgent or high: past #901 (high, open); #103 is low.
    expect(await count('type:ticket organization:9003 status<solved priority>normal')).toEqual({ count: 1 })
    expect(await count('type:ticket organization:9002 status<solved priority>normal')).toEqual({ count: 1 })
    expect(await count('type:ticket organization:9003 tags:csm_escalated created>90days')).toEqual({
      count: 1,
    })
    // By requester (email or id) when a customer has no organization; a leading minus negates.
    expect(await count('type:ticket requester:bill@initech.example')).toEqual({ count: 9 })
    expect(await count('type:ticket requester:205')).toEqual({ count: 1 })
    expect(await count('type:ticket organization:9003 -status:closed')).toEqual({ count: 5 })
    expect(await count('type:ticket priority>urgent')).toEqual({ count: 0 })
    const missing = await api('/search/count')
    expect([missing.status, await missing.json()]).toEqual([
      400,
      { error: 'InvalidSearch', description: 'The query parameter is required' },
    ])
    // The request log names the endpoint (what e2e tests and the bench count per view).
    expect(zendesk.apiRequests().filter((request) => request === 'GET /api/v2/search/count')).toHaveLength(11)
  })

  it('forgets notes, tags and requester changes on reset()', async () => {
    await put('/tickets/102.json', {
      ticket: { comment: { body: 'n', public: false }, additional_tags: ['t'], requester_id: 206 },
    })
    await proxy({ url: `${crm.url}/ok` })
    zendesk.reset()
    expect(zendesk.comments(102)).toEqual([])
    expect(zendesk.tags(102)).toEqual(['outage'])
    expect(zendesk.proxyLog()).toEqual([])
    expect(await (await api('/tickets/102.json')).json()).toMatchObject({
      ticket: { requester_id: 202, organization_id: 9002 },
    })
  })
})

describe('app static server', () => {
  /** A raw request, so `..` reaches the server as written (fetch would normalise it away). */
  const raw = (path: string, method = 'GET'): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(`${zendesk.appOrigin}${path}`, { method, path }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })

  it('serves the app with content types and cache headers', async () => {
    const html = await fetch(`${zendesk.appOrigin}/assets/index.html`)
    expect([html.status, html.headers.get('content-type'), html.headers.get('cache-control')]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-cache',
    ])
    const js = await fetch(`${zendesk.appOrigin}/assets/app.js?v=1`)
    expect([js.status, js.headers.get('content-type'), js.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=3600',
    ])
    expect(await js.text()).toBe('document.body.append("app")')
    expect((await fetch(`${zendesk.appOrigin}/manifest.json`)).headers.get('content-type')).toBe(
      'application/json; charset=utf-8'
    )
  })

  it('serves only files inside the app folder', async () => {
    const outside = makeAppDir()
    writeFileSync(join(outside.dir, 'outside.txt'), 'not part of the app')
    symlinkSync(join(outside.dir, 'outside.txt'), join(app.dir, 'assets', 'link.txt'))
    for (const path of [
      '/../outside.txt',
      '/assets/../../etc/passwd',
      '/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%00index.html',
      '/assets/%E0%A4%A',
      '/assets/link.txt',
      '/assets',
      '/assets/missing.js',
    ]) {
      expect([path, await raw(path)]).toEqual([path, 404])
    }
    expect(await raw('/assets/index.html', 'POST')).toBe(405)
    expect(await raw('/assets/index.html', 'HEAD')).toBe(200)
    outside.dispose()
  })
})
