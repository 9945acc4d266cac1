import { describe, expect, it } from 'vitest'
import { createCrm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import type { CustomerContext } from '../../src/domain/customer'
import { healthDrop } from '../../src/domain/health-history'
import type { CrmConnector } from '../../src/domain/ports'
import { parseSettings, type AppSettings } from '../../src/settings/app-settings'
import { failureKind, seedHour, useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

// The real connector, the real axios adapter and the real emulated Zendesk proxy (which inserts the
// token server-side) against the CRM emulator, all over loopback HTTP.
const stack = useContractStack()

function settingsFor(overrides: Record<string, string> = {}): AppSettings {
  const parsed = parseSettings({ crm_provider: 'salesforce', crm_base_url: stack.crm.url, ...overrides })
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
  org: { id: number; externalId: string | null } | null = null
): CustomerContext => ({
  requester: email === null ? null : { id: 1, name: 'Requester', email },
  organization: org ? { id: org.id, name: 'Org', externalId: org.externalId, domains: [] } : null,
})

describe('Salesforce connector against the CRM emulator', () => {
  it('finds the account by organization external ID in one composite call, with the CSM through the lookup', async () => {
    const outcome = await connector().findAccount(
      customer('jane.doe@northwind.example', { id: 9001, externalId: '001000000000001AAA' })
    )
    expect(outcome).toMatchObject({
      kind: 'found',
      account: {
        id: '001000000000001AAA',
        name: 'Northwind Traders',
        csm: { name: 'Dana Whitfield', email: 'dana.whitfield@successbridge.example' },
        healthScore: 86,
        arr: 240000,
        matchedBy: 'organization-external-id',
      },
    })
    expect(stack.crm.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /services/data/v62.0/composite 200',
    ])
    expect(stack.crm.requests()[0]?.soql).toHaveLength(3)
  })

  it('falls back to the requester email, then to the email domain', async () => {
    expect(await connector().findAccount(customer('hank@globex.example'))).toMatchObject({
      kind: 'found',
      account: { name: 'Globex Corporation', matchedBy: 'requester-email' },
    })
    expect(await connector().findAccount(customer('bill@initech.example'))).toMatchObject({
      kind: 'found',
      account: { name: 'Initech', matchedBy: 'email-domain' },
    })
  })

  it('reads the health field history inside the same composite call, for every step, and finds the drop', async () => {
    const settings = settingsFor()
    const umbrella = await connector({ settings }).findAccount(customer('alice@umbrella-health.example'))
    expect(stack.crm.requests()).toHaveLength(1)
    const account = umbrella.kind === 'found' ? umbrella.account : null
    expect(account).toMatchObject({ name: 'Umbrella Health', contactId: '003000000000004AAA' })
    // Newest first, as the sub-query orders them; one row per tracked change.
    expect(account?.healthHistory?.map((change) => [change.from, change.to])).toEqual([
      [79, 71],
      [84, 79],
      [88, 84],
    ])
    expect(
      account && healthDrop(account.healthHistory ?? [], account.healthScore, settings, seedHour())
    ).toEqual({ from: 84, to: 71, days: 16 })
    // Through the other steps too; an account without tracked changes has an empty history.
    const byId = await connector().findAccount(customer(null, { id: 9004, externalId: '001000000000004AAA' }))
    expect(byId.kind === 'found' && byId.account.healthHistory?.length).toBe(3)
    const initech = await connector().findAccount(customer('bill@initech.example'))
    expect(initech).toMatchObject({ kind: 'found', account: { name: 'Initech', healthHistory: [] } })
  })

  it('reports two accounts on one domain as ambiguous and an unknown customer as not found', async () => {
    const stark = await connector().findAccount(customer('tony@stark.example'))
    expect(stark.kind === 'ambiguous' && stark.candidates.map((a) => a.name)).toEqual([
      'Stark Industries (EMEA)',
      'Stark Industries (Americas)',
    ])
    expect(await connector().findAccount(customer('sam@unknown.example'))).toMatchObject({
      kind: 'not-found',
    })
  })

  it('keeps a hostile email inside its SOQL literal', async () => {
    const email = "nobody' OR Email != '@unknown.example"
    expect(await connector().findAccount(customer(email))).toMatchObject({ kind: 'not-found' })
    expect(stack.crm.requests()[0]?.soql?.[0]).toContain(
      "WHERE Email = 'nobody\\' OR Email != \\'@unknown.example'"
    )
  })

  it('looks up an email with a lone surrogate or a line separator instead of failing', async () => {
    const email = 'a\ud800b\u2028c@unknown.example'
    expect(await connector().findAccount(customer(email))).toMatchObject({ kind: 'not-found' })
    expect(stack.crm.requests()[0]?.soql?.[0]).toContain("WHERE Email = 'a\ufffdb\\u2028c@unknown.example'")
  })

  it('names a configured field the org does not have', async () => {
    const settings = settingsFor({ field_health_score: 'Health__c' })
    expect(await failureKind(connector({ settings }).findAccount(customer('hank@globex.example')))).toEqual([
      'field-missing',
      { status: 400, vendorCode: 'INVALID_FIELD', field: 'Health__c' },
    ])
  })

  it('sends the token only through the proxy, and only to a whitelisted host', async () => {
    const notWhitelisted = settingsFor({ crm_base_url: stack.crm.url.replace('127.0.0.1', 'localhost') })
    expect(
      (
        await failureKind(
          connector({ settings: notWhitelisted }).findAccount(customer('hank@globex.example'))
        )
      )[0]
    ).toBe('forbidden')
    expect(stack.crm.requests()).toEqual([])
    const entry = stack.zendesk.proxyLog().at(-1)
    expect(entry).toMatchObject({ host: 'localhost', secure: true, substituted: false, status: 403 })
    expect(JSON.stringify(stack.zendesk.proxyLog())).not.toContain('contract-token')
  })

  it('makes no request when the ticket gives nothing to look up', async () => {
    expect(await connector().findAccount(customer(null))).toMatchObject({ kind: 'not-found' })
    expect(stack.crm.requests()).toEqual([])
  })
})
