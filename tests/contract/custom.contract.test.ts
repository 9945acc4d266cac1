import { describe, expect, it } from 'vitest'
import demoSettings from '../../emulators/crm/custom/demo-settings.json'
import { createCrm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import type { CustomerContext } from '../../src/domain/customer'
import { healthDrop } from '../../src/domain/health-history'
import type { CrmConnector } from '../../src/domain/ports'
import { parseSettings, type AppSettings } from '../../src/settings/app-settings'
import type { ZafClient, ZafRequestOptions } from '../../src/zendesk/zaf-client'
import { failureKind, seedHour, useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

// The real custom-REST connector, configured only by the demo settings an admin would paste, over
// axios, the ZAF adapter and the emulated Zendesk proxy, against the CRM emulator speaking the
// Northwind Success API, all over loopback HTTP.
const stack = useContractStack('custom')

function settingsFor(overrides: Record<string, string> = {}): AppSettings {
  const parsed = parseSettings({ ...demoSettings, crm_base_url: stack.crm.url, ...overrides })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.settings
}

/** The connector as the app builds it (createCrm), with short retries so fault tests stay quick. */
function connector(options: { settings?: AppSettings; timeoutMs?: number } = {}): CrmConnector {
  return createCrm(options.settings ?? settingsFor(), zafAdapter(proxyZafClient(stack.zendesk.hostUrl)), {
    http: {
      timeoutMs: options.timeoutMs ?? 8000,
      retry: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 100 },
    },
  }).connector
}

const customer = (
  email: string | null,
  org: { externalId: string | null; domains?: string[] } | null = null
): CustomerContext => ({
  requester: email === null ? null : { id: 1, name: 'Requester', email },
  organization: org
    ? { id: 9001, name: 'Org', externalId: org.externalId, domains: org.domains ?? [] }
    : null,
})

const calls = (): string[] => stack.crm.requests().map((r) => `${r.method} ${r.path}${r.query} ${r.status}`)

describe('custom-REST connector against the Northwind Success API', () => {
  it('finds the account by organization external ID, with every mapped field', async () => {
    const outcome = await connector().findAccount(
      customer('jane.doe@northwind.example', { externalId: '001000000000001AAA' })
    )
    expect(outcome).toEqual({
      kind: 'found',
      account: {
        id: 'acc_northwind',
        name: 'Northwind Traders',
        recordUrl: `${stack.crm.url}/app/accounts/acc_northwind`,
        csm: { id: 'usr_dana', name: 'Dana Whitfield', email: 'dana.whitfield@successbridge.example' },
        healthScore: 86,
        renewalDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        arr: 240000,
        matchedBy: 'organization-external-id',
        contactId: 'con_jane',
        healthHistory: [
          { at: expect.stringMatching(/T10:00:00Z$/), to: 80 },
          { at: expect.stringMatching(/T10:00:00Z$/), to: 84 },
          { at: expect.stringMatching(/T10:00:00Z$/), to: 86 },
        ],
      },
      tried: [],
    })
    expect(calls()).toEqual(['GET /api/v1/accounts?external_id=001000000000001AAA 200'])
  })

  it('reads the health history through the field map from the lookup’s own answer, and finds the drop', async () => {
    const settings = settingsFor()
    const outcome = await connector({ settings }).findAccount(customer('alice@umbrella-health.example'))
    expect(calls()).toEqual(['GET /api/v1/accounts?contact_email=alice%40umbrella-health.example 200'])
    const account = outcome.kind === 'found' ? outcome.account : null
    expect(account?.healthHistory?.map((change) => change.to)).toEqual([88, 84, 79, 71])
    expect(
      account && healthDrop(account.healthHistory ?? [], account.healthScore, settings, seedHour())
    ).toEqual({ from: 84, to: 71, days: 16 })
  })

  it('falls back to the requester email, then to the email domain, saying what it tried', async () => {
    expect(await connector().findAccount(customer('Hank@Globex.example'))).toMatchObject({
      kind: 'found',
      account: { name: 'Globex Corporation', matchedBy: 'requester-email', contactId: 'con_hank' },
      tried: [{ strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' }],
    })
    expect(
      await connector().findAccount(customer('bill@initech.example', { externalId: 'legacy-42' }))
    ).toMatchObject({
      kind: 'found',
      account: { name: 'Initech', matchedBy: 'email-domain', contactId: null },
      tried: [
        { strategy: 'organization-external-id', value: 'legacy-42', result: 'no-match' },
        { strategy: 'requester-email', value: 'bill@initech.example', result: 'no-match' },
      ],
    })
  })

  it('reports two accounts on one domain as ambiguous, with both as candidates', async () => {
    const outcome = await connector().findAccount(customer('tony@stark.example'))
    expect(
      outcome.kind === 'ambiguous' && [outcome.strategy, outcome.candidates.map((a) => a.name).sort()]
    ).toEqual(['email-domain', ['Stark Industries (Americas)', 'Stark Industries (EMEA)']])
  })

  it('reports an unknown customer as not found, with every step tried or skipped', async () => {
    expect(await connector().findAccount(customer('sam@unknown.example'))).toEqual({
      kind: 'not-found',
      tried: [
        { strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' },
        { strategy: 'requester-email', value: 'sam@unknown.example', result: 'no-match' },
        { strategy: 'email-domain', value: 'unknown.example', result: 'no-match' },
      ],
    })
    expect(await connector().findAccount(customer('someone@gmail.com'))).toMatchObject({
      kind: 'not-found',
      tried: [
        { reason: 'no-value' },
        { result: 'no-match' },
        { strategy: 'email-domain', value: 'gmail.com', result: 'skipped', reason: 'public-email-domain' },
      ],
    })
    expect(calls()).toHaveLength(3)
  })

  it("falls back to the organization's domain without a requester, listing each way once", async () => {
    // An organization's page: no requester, so the requester-domain request cannot be sent.
    expect(
      await connector().findAccount(customer(null, { externalId: null, domains: ['Initech.example'] }))
    ).toEqual({
      kind: 'found',
      account: expect.objectContaining({ name: 'Initech', matchedBy: 'email-domain' }),
      tried: [
        { strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' },
        { strategy: 'requester-email', value: null, result: 'skipped', reason: 'no-value' },
      ],
    })
    expect(calls()).toEqual(['GET /api/v1/accounts?domain=initech.example 200'])
    expect(await connector().findAccount(customer(null, { externalId: null, domains: [] }))).toEqual({
      kind: 'not-found',
      tried: [
        { strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' },
        { strategy: 'requester-email', value: null, result: 'skipped', reason: 'no-value' },
        { strategy: 'email-domain', value: null, result: 'skipped', reason: 'no-value' },
      ],
    })
  })

  it('follows match_order, and never sends a step it leaves out', async () => {
    const settings = settingsFor({ match_order: 'email-domain' })
    expect(await connector({ settings }).findAccount(customer('hank@globex.example'))).toMatchObject({
      kind: 'found',
      account: { matchedBy: 'email-domain' },
      tried: [],
    })
    expect(calls()).toEqual(['GET /api/v1/accounts?domain=globex.example 200'])
  })

  it('URL-encodes a hostile email, so it stays one query value', async () => {
    expect(await connector().findAccount(customer('a&name=Initech@x.example'))).toMatchObject({
      kind: 'not-found',
    })
    expect(calls()[0]).toBe('GET /api/v1/accounts?contact_email=a%26name%3DInitech%40x.example 200')
  })

  it('looks up an email with a lone surrogate instead of failing (it is sent as U+FFFD)', async () => {
    expect(await connector().findAccount(customer('a\ud800@x.example'))).toMatchObject({
      kind: 'not-found',
    })
    expect(calls()[0]).toBe('GET /api/v1/accounts?contact_email=a%EF%BF%BD%40x.example 200')
  })

  it('treats a 404 from a by-id path as no match', async () => {
    const byId = JSON.stringify([
      {
        match: 'organization-external-id',
        path: '/api/v1/accounts/{{organization.external_id}}',
        result: '$.data',
      },
    ])
    const settings = settingsFor({ custom_lookup_requests: byId })
    expect(
      await connector({ settings }).findAccount(customer(null, { externalId: 'acc_globex' }))
    ).toMatchObject({ kind: 'found', account: { name: 'Globex Corporation' } })
    expect(await connector({ settings }).findAccount(customer(null, { externalId: 'acc_nope' }))).toEqual({
      kind: 'not-found',
      tried: [{ strategy: 'organization-external-id', value: 'acc_nope', result: 'no-match' }],
    })
    expect(calls()).toEqual(['GET /api/v1/accounts/acc_globex 200', 'GET /api/v1/accounts/acc_nope 404'])
  })

  it('makes no request when the ticket gives nothing to look up', async () => {
    expect(await connector().findAccount(customer(null))).toMatchObject({ kind: 'not-found' })
    expect(stack.crm.requests()).toEqual([])
  })

  it('is what createCrm builds for the custom provider', async () => {
    const { connector: wired } = createCrm(settingsFor(), zafAdapter(proxyZafClient(stack.zendesk.hostUrl)))
    expect(await wired.findAccount(customer('hank@globex.example'))).toMatchObject({
      kind: 'found',
      account: { id: 'acc_globex' },
    })
  })
})

describe('custom-REST connector: the token and the faults', () => {
  it('sends the token in the configured header, only as a placeholder the proxy fills in', async () => {
    const client = proxyZafClient(stack.zendesk.hostUrl)
    const sent: ZafRequestOptions[] = []
    const recording: ZafClient = {
      ...client,
      request: (options) => (sent.push(options), client.request(options)),
    }
    const { connector: wired } = createCrm(settingsFor(), zafAdapter(recording))
    expect(await wired.findAccount(customer('hank@globex.example'))).toMatchObject({ kind: 'found' })
    // No Authorization header: the default bearer header would hand the same secret to the CRM twice.
    expect(sent.map((options) => options.headers)).toEqual([
      { Accept: 'application/json', 'X-Api-Key': '{{setting.crm_api_token}}' },
    ])
    const entry = stack.zendesk.proxyLog().at(-1)
    expect(entry).toMatchObject({ secure: true, substituted: true, status: 200 })
    expect(JSON.stringify(stack.zendesk.proxyLog())).not.toContain('contract-token')
    // The Northwind API reads X-Api-Key only: as a bearer token, the same secret is refused.
    const bearer = settingsFor({ custom_auth_header: 'Authorization' })
    expect(
      await failureKind(connector({ settings: bearer }).findAccount(customer('hank@globex.example')))
    ).toEqual(['unauthorized', { status: 401, vendorCode: 'unauthorized' }])
  })

  it('waits out a short Retry-After and recovers', async () => {
    stack.crm.setFaults({ mode: 'quota', retryAfterSeconds: 0, remaining: 1 })
    expect(await connector().findAccount(customer('hank@globex.example'))).toMatchObject({ kind: 'found' })
    expect(stack.crm.requests().map((r) => r.status)).toEqual([429, 200])
  })

  it('reports records the field map cannot read as an invalid response', async () => {
    const settings = settingsFor({
      custom_field_map: JSON.stringify({ id: { '@path': '$.uuid' }, name: { '@path': '$.name' } }),
    })
    expect((await failureKind(connector({ settings }).findAccount(customer('hank@globex.example'))))[0]).toBe(
      'invalid-response'
    )
  })
})
