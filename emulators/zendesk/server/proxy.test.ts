import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startRecordingServer } from '../testing/fixtures'
import type { ParameterRule } from './app-manifest'
import { installationSettings } from './installation-settings'
import { proxyRequest, type ProxyConfig, type ProxyLogEntry } from './proxy'

// The proxy on its own, with a secure setting allowed everywhere, to check that nothing it reports
// can carry the value, wherever the value was inserted.
const SECRET = 'sk_live_42'
let crm: Awaited<ReturnType<typeof startRecordingServer>>
let log: ProxyLogEntry[]
let config: ProxyConfig

beforeAll(async () => {
  crm = await startRecordingServer()
})
afterAll(() => crm.close())
beforeEach(() => {
  crm.seen.length = 0
  log = []
  const parameters = new Map<string, ParameterRule>([
    ['api_key', { secure: true, scopes: ['url', 'header', 'body'], defaultValue: undefined }],
  ])
  config = {
    manifest: { domainWhitelist: [], parameters },
    settings: installationSettings({ parameters }, { api_key: SECRET }),
    extraWhitelist: ['127.0.0.1'],
    defaultTimeoutMs: 1000,
    signal: new AbortController().signal,
    log: (entry) => log.push(entry),
  }
})

describe('proxyRequest', () => {
  it("sends a vendor's real host to its local stand-in, only once the whitelist allows that host", async () => {
    const upstreams = { 'slack.com': crm.url }
    const refused = await proxyRequest(
      { url: 'https://slack.com/api/chat.postMessage?x=1', secure: true },
      { ...config, upstreams }
    )
    expect(refused).toMatchObject({ status: 403 })
    expect(crm.seen).toHaveLength(0)
    const answer = await proxyRequest(
      { url: 'https://slack.com/api/chat.postMessage?x=1', secure: true },
      { ...config, upstreams, manifest: { ...config.manifest, domainWhitelist: ['slack.com'] } }
    )
    expect(answer).toMatchObject({ status: 200 })
    expect(crm.seen[0]?.url).toBe('/api/chat.postMessage?x=1')
    expect(log.at(-1)).toMatchObject({ host: 'slack.com', url: 'https://slack.com/api/chat.postMessage?x=1' })
  })

  it('masks a secret inserted into the URL in the log, while the upstream gets it', async () => {
    const answer = await proxyRequest({ url: `${crm.url}/x?key={{setting.api_key}}`, secure: true }, config)
    expect(crm.seen[0]?.url).toBe(`/x?key=${SECRET}`)
    expect(answer).toMatchObject({ status: 200 })
    expect(log).toEqual([
      {
        method: 'GET',
        url: `${crm.url}/x?key=[secure setting]`,
        host: '127.0.0.1',
        secure: true,
        substituted: true,
        status: 200,
        ms: expect.any(Number),
      },
    ])
  })

  it('keeps the secret out of error texts, whichever part of the request held it', async () => {
    const unreachable = await proxyRequest(
      { url: 'http://{{setting.api_key}}.invalid/x', secure: true },
      { ...config, extraWhitelist: ['sk_live_42.invalid'] }
    )
    expect(unreachable).toMatchObject({ status: 502 })
    const refused = await proxyRequest({ url: 'https://{{setting.api_key}}.example/x', secure: true }, config)
    expect(refused).toMatchObject({
      status: 403,
      responseText: "Proxy error: [secure setting].example is not in this app's domainWhitelist",
    })
    expect(JSON.stringify([unreachable, refused, log])).not.toContain(SECRET)
  })

  it('refuses a header value that would split the request, without sending anything', async () => {
    const answer = await proxyRequest(
      { url: `${crm.url}/x`, headers: { 'X-Evil': 'a\r\nHost: other' } },
      config
    )
    expect(answer).toMatchObject({ status: 400, statusText: 'Bad Request' })
    expect(crm.seen).toEqual([])
  })

  it('gives up when the emulator stops', async () => {
    const stop = new AbortController()
    const pending = proxyRequest({ url: `${crm.url}/slow` }, { ...config, signal: stop.signal })
    setTimeout(() => stop.abort(), 20)
    expect(await pending).toMatchObject({
      status: 502,
      responseText: 'Proxy error: the emulator is shutting down',
    })
  })
})
