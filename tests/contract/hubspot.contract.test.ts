import { describe, expect, it } from 'vitest'
import { createCrm } from '../../src/crm/create-connector'
import type { RetryPolicy } from '../../src/crm/http/create-crm-http'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import { memoryOwnerCache, type OwnerCache } from '../../src/crm/hubspot/owner-directory'
import type { CustomerContext } from '../../src/domain/customer'
import { healthDrop } from '../../src/domain/health-history'
import type { CrmConnector } from '../../src/domain/ports'
import { parseSettings, type AppSettings } from '../../src/settings/app-settings'
import { failureKind, seedHour, useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

// The real HubSpot connector, axios over the ZAF adapter and the emulated Zendesk proxy, against
// the CRM emulator speaking HubSpot v3, all over loopback HTTP.
const stack = useContractStack('hubspot')

function settingsFor(overrides: Record<string, string> = {}): AppSettings {
  const parsed = parseSettings({
    crm_provider: 'hubspot',
    crm_base_url: stack.crm.url,
    hubspot_portal_id: '24681357',
    ...overrides,
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.settings
}

interface ConnectorOptions {
  readonly settings?: AppSettings
  readonly timeoutMs?: number
  readonly owners?: OwnerCache
  readonly retry?: RetryPolicy
}

/** The connector as the app builds it (createCrm), with short retries so fault tests stay quick. */
function connector(options: ConnectorOptions = {}): CrmConnector {
  return createCrm(options.settings ?? settingsFor(), zafAdapter(proxyZafClient(stack.zendesk.hostUrl)), {
    ownerCache: options.owners ?? memoryOwnerCache(),
    http: {
      timeoutMs: options.timeoutMs ?? 8000,
      retry: options.retry ?? { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 100 },
    },
  }).connector
}

const customer = (
  email: string | null,
  org: { id: number; externalId: string | null; domains?: string[] } | null = null
): CustomerContext => ({
  requester: email === null ? null : { id: 1, name: 'Requester', email },
  organization: org
    ? { id: org.id, name: 'Org', externalId: org.externalId, domains: org.domains ?? [] }
    : null,
})

const calls = (): string[] => stack.crm.requests().map((r) => `${r.method} ${r.path} ${r.status}`)

describe('HubSpot connector against the CRM emulator', () => {
  it('reads the health property history on the company read it already makes, and finds the drop', async () => {
    const settings = settingsFor()
    const outcome = await connector({ settings }).findAccount(customer('alice@umbrella-health.example'))
    // The contact, then the company with its properties and history: no request for the history alone.
    expect(calls()).toEqual([
      'GET /crm/v3/objects/contacts/alice%40umbrella-health.example 200',
      'GET /crm/v3/objects/companies/5100004 200',
    ])
    expect(stack.crm.requests()[1]?.query).toContain('propertiesWithHistory=health_score')
    const account = outcome.kind === 'found' ? outcome.account : null
    expect(account?.healthHistory?.map((change) => change.to)).toEqual([71, 79, 84, 88])
    expect(
      account && healthDrop(account.healthHistory ?? [], account.healthScore, settings, seedHour())
    ).toEqual({ from: 84, to: 71, days: 16 })
    // A company found by domain search comes without history (search cannot return it).
    const initech = await connector().findAccount(customer('bill@initech.example'))
    expect(initech.kind === 'found' && initech.account).not.toHaveProperty('healthHistory')
  })

  it('finds the company through the requester contact, reads string properties and resolves the owner', async () => {
    const outcome = await connector().findAccount(customer('Hank@Globex.example'))
    expect(outcome).toMatchObject({
      kind: 'found',
      account: {
        id: '5100002',
        name: 'Globex Corporation',
        recordUrl: `${stack.crm.url}/contacts/24681357/record/0-2/5100002`,
        csm: { id: '64490002', name: 'Marcus Oyelaran', email: 'marcus.oyelaran@successbridge.example' },
        healthScore: 38,
        arr: 1250000,
        matchedBy: 'requester-email',
        contactId: '5200002',
      },
      tried: [{ strategy: 'organization-external-id', result: 'skipped', reason: 'no-value' }],
    })
    // Globex's renewal date is stored as epoch milliseconds: still a calendar date on the card.
    expect(outcome.kind === 'found' && outcome.account.renewalDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(calls()).toEqual([
      'GET /crm/v3/objects/contacts/Hank%40Globex.example 200',
      'GET /crm/v3/objects/companies/5100002 200',
      'GET /crm/v3/owners/64490002 200',
    ])
  })

  it('reads an owner once: the next account with the same CSM costs no owner call', async () => {
    const owners = memoryOwnerCache()
    await connector({ owners }).findAccount(customer('jane.doe@northwind.example'))
    stack.crm.clearRequests()
    // Stark EMEA and Northwind share Dana Whitfield; by company id there is no contact step either.
    const outcome = await connector({ owners }).findAccount(customer(null, { id: 1, externalId: '5100006' }))
    expect(outcome).toMatchObject({
      kind: 'found',
      account: {
        name: 'Stark Industries (EMEA)',
        csm: { name: 'Dana Whitfield' },
        matchedBy: 'organization-external-id',
      },
    })
    expect(calls()).toEqual(['GET /crm/v3/objects/companies/5100006 200'])
  })

  it('skips an external ID that cannot be a HubSpot id, and falls through to the domain search', async () => {
    const outcome = await connector().findAccount(
      customer('bill@initech.example', { id: 9003, externalId: '001000000000003AAA' })
    )
    expect(outcome).toMatchObject({
      kind: 'found',
      account: { name: 'Initech', matchedBy: 'email-domain' },
      tried: [
        {
          strategy: 'organization-external-id',
          value: '001000000000003AAA',
          result: 'skipped',
          reason: 'not-an-account-id',
        },
        { strategy: 'requester-email', value: 'bill@initech.example', result: 'no-match' },
      ],
    })
    const search = stack.crm.requests().find((r) => r.path.endsWith('/companies/search'))
    expect(search?.status).toBe(200)
  })

  it('looks up an email with a lone surrogate instead of failing (it is sent as U+FFFD)', async () => {
    expect(await connector().findAccount(customer('a\ud800@unknown.example'))).toMatchObject({
      kind: 'not-found',
    })
    expect(calls()[0]).toMatch(/^GET \/crm\/v3\/objects\/contacts\/a%EF%BF%BD%40unknown\.example 404$/)
  })

  it('offers both Stark companies, each with its CSM, when the domain matches two', async () => {
    const outcome = await connector().findAccount(customer('tony@stark.example'))
    expect(outcome.kind).toBe('ambiguous')
    if (outcome.kind !== 'ambiguous') return
    expect(outcome.strategy).toBe('email-domain')
    expect(outcome.candidates.map((a) => [a.name, a.csm?.name])).toEqual(
      expect.arrayContaining([
        ['Stark Industries (EMEA)', 'Dana Whitfield'],
        ['Stark Industries (Americas)', 'Marcus Oyelaran'],
      ])
    )
  })

  it('lists what was tried when nothing matches, and never searches a public mail domain', async () => {
    expect(await connector().findAccount(customer('sam@unknown.example'))).toEqual({
      kind: 'not-found',
      tried: [
        { strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' },
        { strategy: 'requester-email', value: 'sam@unknown.example', result: 'no-match' },
        { strategy: 'email-domain', value: 'unknown.example', result: 'no-match' },
      ],
    })
    stack.crm.clearRequests()
    expect(await connector().findAccount(customer('someone@gmail.com'))).toMatchObject({
      kind: 'not-found',
      tried: [{}, {}, { strategy: 'email-domain', result: 'skipped', reason: 'public-email-domain' }],
    })
    expect(stack.crm.requests().filter((r) => r.path.endsWith('/search'))).toEqual([])
  })

  it('follows match_order', async () => {
    const settings = settingsFor({ match_order: 'email-domain' })
    expect(await connector({ settings }).findAccount(customer('peter@initech.example'))).toMatchObject({
      kind: 'found',
      account: { name: 'Initech', matchedBy: 'email-domain' },
    })
    expect(stack.crm.requests().map((r) => r.path)).not.toContain(
      '/crm/v3/objects/contacts/peter%40initech.example'
    )
  })

  it('reads the CSM from a custom owner property when field_csm names one', async () => {
    const settings = settingsFor({ field_csm: 'csm_owner' })
    expect(await connector({ settings }).findAccount(customer('hank@globex.example'))).toMatchObject({
      account: { csm: { name: 'Marcus Oyelaran' } },
    })
  })

  it('treats an owner HubSpot cannot return as an error to retry, never as "no CSM", and remembers no such answer', async () => {
    // Globex's annualrevenue is a number but no owner's id: GET /owners/420000000 answers 404.
    const settings = settingsFor({ field_csm: 'annualrevenue' })
    const owners = memoryOwnerCache()
    const lookup = () => connector({ settings, owners }).findAccount(customer('hank@globex.example'))
    expect(await failureKind(lookup())).toEqual([
      'invalid-response',
      { status: 404, vendorCode: 'OBJECT_NOT_FOUND' },
    ])
    stack.crm.clearRequests()
    expect(await failureKind(lookup())).toEqual([
      'invalid-response',
      { status: 404, vendorCode: 'OBJECT_NOT_FOUND' },
    ])
    expect(calls().filter((call) => call.includes('/owners/'))).toEqual(['GET /crm/v3/owners/420000000 404'])
  })

  it('waits out the per-second search limit and then succeeds', async () => {
    const retry = { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 1500 }
    // Ten domain lookups at once: more than the portal's searches per second.
    const lookups = Array.from({ length: 10 }, () =>
      connector({ retry }).findAccount(customer('bill@initech.example'))
    )
    const outcomes = await Promise.all(lookups)
    expect(outcomes.every((o) => o.kind === 'found')).toBe(true)
    const searches = stack.crm.requests().filter((r) => r.path.endsWith('/companies/search'))
    expect(searches.some((r) => r.status === 429)).toBe(true)
  })
})
