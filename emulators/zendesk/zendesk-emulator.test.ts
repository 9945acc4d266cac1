import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startZendeskEmulator, type ZendeskEmulator } from './create-zendesk-emulator'

let zendesk: ZendeskEmulator
let appDir: string
let echo: Server
let echoUrl: string
let seenAuthorization: string[] = []

beforeAll(async () => {
  appDir = mkdtempSync(join(tmpdir(), 'sb-zendesk-'))
  mkdirSync(join(appDir, 'assets'))
  writeFileSync(join(appDir, 'assets', 'index.html'), '<!doctype html><p>app</p>')
  writeFileSync(
    join(appDir, 'manifest.json'),
    JSON.stringify({
      version: '1.0.0',
      domainWhitelist: ['*.my.salesforce.com'],
      location: { support: { ticket_sidebar: { url: 'assets/index.html' } } },
      parameters: [{ name: 'crm_api_token', secure: true, scopes: ['header'] }, { name: 'crm_base_url' }],
    })
  )
  // A stand-in CRM that echoes what the proxy sent it; `/slow` never answers.
  echo = createServer((req, res) => {
    seenAuthorization.push(String(req.headers.authorization))
    if (req.url === '/slow') return
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'Content-Type': 'application/json', 'X-Echo': 'yes' })
    res.end(JSON.stringify({ path: req.url }))
  })
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
  const address = echo.address()
  echoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  zendesk = await startZendeskEmulator({ appDir, settings: { crm_api_token: 'tok-123', crm_base_url: echoUrl }, extraWhitelist: ['127.0.0.1'], proxyTimeoutMs: 2000 })
})
afterAll(async () => {
  await zendesk.close()
  echo.closeAllConnections()
  await new Promise((resolve) => echo.close(resolve))
  rmSync(appDir, { recursive: true, force: true })
})

const proxy = async (options: Record<string, unknown>) =>
  (await (await fetch(`${zendesk.hostUrl}/__proxy`, { method: 'POST', body: JSON.stringify(options) })).json()) as Record<string, unknown>

describe('emulated Zendesk proxy', () => {
  it('inserts the secure token for a whitelisted host and never returns or logs it', async () => {
    seenAuthorization = []
    const answer = await proxy({ url: `${echoUrl}/ok`, type: 'GET', secure: true, headers: { Authorization: 'Bearer {{setting.crm_api_token}}' } })
    expect(seenAuthorization).toEqual(['Bearer tok-123'])
    expect(answer).toMatchObject({ outcome: 'response', status: 200, responseText: '{"path":"/ok"}', headers: { 'x-echo': 'yes' } })
    expect(JSON.stringify(answer) + JSON.stringify(zendesk.proxyLog())).not.toContain('tok-123')
    expect(zendesk.proxyLog().at(-1)).toMatchObject({ secure: true, substituted: true, status: 200 })
  })

  it('refuses a secure request to a host outside the whitelist without sending it', async () => {
    seenAuthorization = []
    const answer = await proxy({ url: echoUrl.replace('127.0.0.1', 'localhost'), secure: true, headers: { Authorization: 'Bearer {{setting.crm_api_token}}' } })
    expect(answer).toMatchObject({ status: 403, responseText: "Proxy error: localhost is not in this app's domainWhitelist" })
    expect(seenAuthorization).toEqual([])
  })

  it('leaves the placeholder in a request that is not secure', async () => {
    seenAuthorization = []
    await proxy({ url: `${echoUrl}/ok`, headers: { Authorization: 'Bearer {{setting.crm_api_token}}' } })
    expect(seenAuthorization).toEqual(['Bearer {{setting.crm_api_token}}'])
  })

  it('passes error statuses through, times out, and reports an unreachable host as 502', async () => {
    expect(await proxy({ url: `${echoUrl}/missing`, secure: true })).toMatchObject({ status: 404 })
    expect(await proxy({ url: `${echoUrl}/slow`, timeout: 100 })).toEqual({ outcome: 'timeout' })
    expect(await proxy({ url: 'http://127.0.0.1:9/closed' })).toMatchObject({ status: 502, statusText: 'Bad Gateway' })
  })
})

describe('agent view and /api/v2', () => {
  it('renders seeded strings escaped and points the iframe at the app origin', async () => {
    const html = await (await fetch(zendesk.ticketUrl(105))).text()
    expect(html).toContain('&lt;b&gt;Help&lt;/b&gt; with &lt;script&gt;')
    expect(html).not.toContain("<script>alert('x')")
    expect(html).toContain(`"appUrl":"${zendesk.appOrigin}/assets/index.html"`)
    expect(html).not.toContain('tok-123')
  })

  it('stores an internal note and tags, and counts an organization’s recent tickets', async () => {
    const put = await fetch(`${zendesk.hostUrl}/api/v2/tickets/102.json`, {
      method: 'PUT',
      body: JSON.stringify({ ticket: { comment: { body: 'Escalated to Marcus', public: false }, additional_tags: ['csm_escalated'] } }),
    })
    expect(put.status).toBe(200)
    expect(zendesk.comments(102).map((c) => [c.body, c.public])).toEqual([['Escalated to Marcus', false]])
    expect(zendesk.tags(102)).toEqual(['outage', 'csm_escalated'])
    const search = await (await fetch(`${zendesk.hostUrl}/api/v2/search.json?query=${encodeURIComponent('type:ticket organization:9002 created>2026-10-26')}`)).json()
    expect(search).toMatchObject({ count: 1 })
    expect((await fetch(`${zendesk.hostUrl}/api/v2/tickets/999.json`)).status).toBe(404)
  })

  it('serves only files inside the app folder', async () => {
    expect((await fetch(`${zendesk.appOrigin}/assets/index.html`)).status).toBe(200)
    expect((await fetch(`${zendesk.appOrigin}/assets/..%2F..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)
    expect((await fetch(`${zendesk.appOrigin}/manifest.json`)).status).toBe(200)
  })
})
