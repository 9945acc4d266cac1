import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from './create-crm-emulator'
import { demoSettings, demoZendeskSeed } from './demo-settings'
import { caller } from './testing/call'

/** The Zendesk demo tickets' requesters and organizations: each dialect's seed must tell the same story about them. */
const zendesk = JSON.parse(readFileSync(join(import.meta.dirname, '../zendesk/seed.json'), 'utf8')) as {
  users: { email: string; role: string }[]
  organizations: { domain_names: string[] }[]
}
const requesters = zendesk.users.filter((user) => user.role === 'end-user').map((user) => user.email)
const domains = zendesk.organizations.flatMap((org) => org.domain_names)

const crms = {} as Record<'salesforce' | 'hubspot' | 'custom', CrmEmulator>
beforeAll(async () => {
  for (const dialect of ['salesforce', 'hubspot', 'custom'] as const)
    crms[dialect] = await startCrmEmulator({ dialect, token: 't', searchPerSecond: 1000 })
})
afterAll(() => Promise.all(Object.values(crms).map((crm) => crm.close())))

const sf = () => caller(() => crms.salesforce.url, { Authorization: 'Bearer t' })
const hs = () => caller(() => crms.hubspot.url, { Authorization: 'Bearer t' })
const nw = () => caller(() => crms.custom.url, { 'X-Api-Key': 't' })

/** Account name and CSM name of the requester's contact, per dialect (null when there is no contact). */
const byEmail = {
  async salesforce(email: string) {
    const soql = `SELECT Account.Name, Account.CSM__r.Name FROM Contact WHERE Email = '${email}'`
    const record = (await sf()('GET', `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`)).body
      .records[0]
    return record ? [record.Account.Name, record.Account.CSM__r?.Name ?? null] : null
  },
  async hubspot(email: string) {
    const contact = await hs()(
      'GET',
      `/crm/v3/objects/contacts/${encodeURIComponent(email)}?idProperty=email&associations=companies`
    )
    if (contact.status === 404) return null
    const companyId = contact.body.associations.companies.results[0].id
    const company = (
      await hs()('GET', `/crm/v3/objects/companies/${companyId}?properties=name,hubspot_owner_id`)
    ).body.properties
    const owner = company.hubspot_owner_id
      ? (await hs()('GET', `/crm/v3/owners/${company.hubspot_owner_id}`)).body
      : null
    return [company.name, owner ? `${owner.firstName} ${owner.lastName}` : null]
  },
  async custom(email: string) {
    const account = (await nw()('GET', `/api/v1/accounts?contact_email=${encodeURIComponent(email)}`)).body
      .data[0]
    return account ? [account.name, account.owner?.full_name ?? null] : null
  },
}

describe('the seeds tell one story', () => {
  it.each(requesters)(
    '%s is the same contact (or none) with the same CSM in every dialect',
    async (email) => {
      const expected = await byEmail.salesforce(email)
      expect(await byEmail.hubspot(email)).toEqual(expected)
      expect(await byEmail.custom(email)).toEqual(expected)
    }
  )

  it.each(domains)('the domain %s names the same accounts in HubSpot and the custom CRM', async (domain) => {
    const search = await hs()('POST', '/crm/v3/objects/companies/search', {
      filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: domain }] }],
      properties: ['name'],
    })
    const hubspot = search.body.results.map((r: { properties: { name: string } }) => r.properties.name).sort()
    const custom = (await nw()('GET', `/api/v1/accounts?domain=${domain}`)).body.data
      .map((a: { name: string }) => a.name)
      .sort()
    expect(hubspot).toEqual(custom)
    expect(hubspot.length).toBeGreaterThan(0)
  })

  it('keeps the ambiguous and unmatched cases: two Stark companies on stark.example, no tony@ or sam@ contact', async () => {
    expect(await byEmail.hubspot('tony@stark.example')).toBeNull()
    expect(await byEmail.custom('sam@unknown.example')).toBeNull()
    expect((await nw()('GET', '/api/v1/accounts?domain=stark.example')).body.meta.count).toBe(2)
  })
})

/** The name of the account whose id is `id`, in the dialect's own id space (null when none). */
const byAccountId = {
  async salesforce(id: string) {
    const soql = `SELECT Name FROM Account WHERE Id = '${id}'`
    const records = (await sf()('GET', `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`)).body
      .records
    return records[0]?.Name ?? null
  },
  async hubspot(id: string) {
    const company = await hs()('GET', `/crm/v3/objects/companies/${encodeURIComponent(id)}?properties=name`)
    return company.status === 200 ? company.body.properties.name : null
  },
  async custom(id: string) {
    const accounts = (await nw()('GET', `/api/v1/accounts?external_id=${encodeURIComponent(id)}`)).body.data
    return accounts[0]?.name ?? null
  },
}

describe("each demo's Zendesk organizations", () => {
  it('carry external IDs that name the same account in every CRM', async () => {
    const named = async (dialect: 'salesforce' | 'hubspot' | 'custom') =>
      Promise.all(
        demoZendeskSeed(dialect).organizations.map(async (org) => [
          org.id,
          org.external_id === null ? null : await byAccountId[dialect](org.external_id),
        ])
      )
    const salesforce = await named('salesforce')
    expect(salesforce).toContainEqual([9001, 'Northwind Traders'])
    expect(salesforce).toContainEqual([9004, 'Umbrella Health'])
    expect(await named('hubspot')).toEqual(salesforce)
    expect(await named('custom')).toEqual(salesforce)
  })
})

/** The health scores an account had, oldest first, each with the day it was set (the first: no day). */
const healthHistory = {
  async salesforce(id: string) {
    const soql = `SELECT Id, (SELECT OldValue, NewValue, CreatedDate FROM Histories WHERE Field = 'Health_Score__c' ORDER BY CreatedDate ASC) FROM Account WHERE Id = '${id}'`
    const rows: { OldValue: number; NewValue: number; CreatedDate: string }[] =
      (await sf()('GET', `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`)).body.records[0]
        .Histories?.records ?? []
    return rows.length
      ? [[null, rows[0]?.OldValue], ...rows.map((row) => [row.CreatedDate.slice(0, 10), row.NewValue])]
      : []
  },
  async hubspot(id: string) {
    const company = await hs()('GET', `/crm/v3/objects/companies/${id}?propertiesWithHistory=health_score`)
    const versions: { value: string; timestamp: string }[] = company.body.propertiesWithHistory.health_score
    return versions.length > 1
      ? [...versions]
          .reverse()
          .map((version, index) => [
            index === 0 ? null : version.timestamp.slice(0, 10),
            Number(version.value),
          ])
      : []
  },
  async custom(id: string) {
    const account = (await nw()('GET', `/api/v1/accounts/${id}`)).body.data
    const history: { score: number; recorded_at: string }[] = account.health.history
    return history.map((entry, index) => [index === 0 ? null : entry.recorded_at.slice(0, 10), entry.score])
  },
}

describe('the health history', () => {
  it.each([
    ['Northwind Traders', '001000000000001AAA', '5100001', 'acc_northwind'],
    ['Globex Corporation', '001000000000002AAA', '5100002', 'acc_globex'],
    ['Umbrella Health', '001000000000004AAA', '5100004', 'acc_umbrella'],
    ['Initech', '001000000000003AAA', '5100003', 'acc_initech'],
  ])('of %s is the same in every CRM', async (_name, salesforce, hubspot, custom) => {
    const expected = await healthHistory.salesforce(salesforce)
    expect(await healthHistory.hubspot(hubspot)).toEqual(expected)
    expect(await healthHistory.custom(custom)).toEqual(expected)
  })
})

describe('demo settings', () => {
  it("give HubSpot the emulated portal's id, so the card and the escalation link to its pages", async () => {
    const portal = demoSettings('hubspot', crms.hubspot.url).hubspot_portal_id
    const page = await fetch(`${crms.hubspot.url}/contacts/${portal}/record/0-2/5100002`)
    expect(await page.text()).toContain('Company 5100002: Globex Corporation')
  })

  it('point each provider at the emulator with the demo token', () => {
    for (const provider of ['salesforce', 'hubspot', 'custom'] as const) {
      expect(demoSettings(provider, 'http://127.0.0.1:4010')).toMatchObject({
        crm_provider: provider,
        crm_base_url: 'http://127.0.0.1:4010',
        crm_api_token: 'demo-token',
      })
    }
    expect(demoSettings('hubspot', 'http://x')).toMatchObject({
      field_csm: 'hubspot_owner_id',
      field_escalation_external_id: 'zendesk_escalation_key',
    })
  })
})
