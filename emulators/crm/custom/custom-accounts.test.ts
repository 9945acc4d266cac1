import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from '../create-crm-emulator'
import { caller } from '../testing/call'

let crm: CrmEmulator
const call = caller(() => crm.url, { 'X-Api-Key': 'nw-key' })
const accounts = (query: string) => call('GET', `/api/v1/accounts?${query}`)
const ids = (answer: { body: { data: { id: string }[] } }) => answer.body.data.map((account) => account.id)

beforeAll(async () => {
  crm = await startCrmEmulator({ dialect: 'custom', token: 'nw-key', today: new Date(2026, 10, 25) })
})
afterAll(() => crm.close())

describe('Northwind Success API: accounts', () => {
  it('finds an account by a legacy Salesforce external id, in the full Account shape', async () => {
    const found = await accounts('external_id=001000000000001AAA')
    expect(found.status).toBe(200)
    expect(found.body).toEqual({
      data: [
        {
          id: 'acc_northwind',
          name: 'Northwind Traders',
          web_url: `${crm.url}/app/accounts/acc_northwind`,
          domains: ['northwind.example'],
          external_ids: ['001000000000001AAA'],
          owner: {
            id: 'usr_dana',
            full_name: 'Dana Whitfield',
            email: 'dana.whitfield@successbridge.example',
          },
          health: {
            score: 86,
            trend: 'up',
            // Oldest first, the last being the current score; each at 10:00 UTC on its day.
            history: [
              { score: 80, recorded_at: '2024-12-25T10:00:00Z' },
              { score: 84, recorded_at: '2026-09-26T10:00:00Z' },
              { score: 86, recorded_at: '2026-11-15T10:00:00Z' },
            ],
          },
          contract: { renewal_date: '2027-06-13', arr: 240000, currency: 'USD' },
          contacts: [{ id: 'con_jane', email: 'jane.doe@northwind.example' }],
        },
      ],
      meta: { count: 1 },
    })
  })

  it('matches domains without case or www., on either side', async () => {
    expect(ids(await accounts('domain=WWW.Northwind.example'))).toEqual(['acc_northwind'])
    expect(ids(await accounts('domain=stark.example'))).toEqual(['acc_stark_emea', 'acc_stark_americas'])
    expect(ids(await accounts('domain=emea.stark.example'))).toEqual(['acc_stark_emea'])
  })

  it('matches a contact email case-insensitively, and names exactly (ignoring case)', async () => {
    expect(ids(await accounts(`contact_email=${encodeURIComponent('mallory@HOSTILE.example')}`))).toEqual([
      'acc_hostile',
    ])
    expect(ids(await accounts('contact_email=tony%40stark.example'))).toEqual([])
    expect(ids(await accounts('name=initech'))).toEqual(['acc_initech'])
    expect(ids(await accounts('name=Stark'))).toEqual([])
  })

  it('answers an empty list, not 404, when nothing matches', async () => {
    expect((await accounts('contact_email=sam%40unknown.example')).body).toEqual({
      data: [],
      meta: { count: 0 },
    })
    expect((await accounts('domain=unknown.example')).body).toEqual({ data: [], meta: { count: 0 } })
  })

  it('keeps the story cases: no CSM, hostile strings, no data, the at-risk renewal', async () => {
    const byId = async (id: string) => (await call('GET', `/api/v1/accounts/${id}`)).body.data
    expect((await byId('acc_umbrella')).owner).toBeNull()
    expect(await byId('acc_hostile')).toMatchObject({
      name: '<img src=x onerror=alert(1)> Hostile & Co',
      owner: { full_name: '<script>alert("csm")</script> Eve O\'Hara' },
    })
    expect(await byId('acc_soylent')).toMatchObject({
      domains: [],
      health: { score: null },
      contract: { renewal_date: null, arr: null },
    })
    expect(await byId('acc_globex')).toMatchObject({
      health: { score: 38, trend: 'down', history: [expect.anything(), expect.anything()] },
      contract: { renewal_date: '2026-12-18' },
      owner: { id: 'usr_marcus' },
    })
    expect(await call('GET', '/api/v1/accounts/acc_nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: expect.any(String) } },
    })
  })

  it.each([
    ['no filter', '', 'filter'],
    ['two filters', 'domain=a.example&name=A', 'filter'],
    ['the same filter twice', 'domain=a.example&domain=b.example', 'filter'],
    ['an unknown filter', 'website=a.example', 'website'],
    ['a blank filter', 'domain=', 'domain'],
  ])('refuses %s with 422 validation_failed naming the field', async (_, query, field) => {
    const { status, body } = await accounts(query)
    expect(status).toBe(422)
    expect(body.error).toMatchObject({
      code: 'validation_failed',
      message: expect.any(String),
      fields: { [field]: [expect.any(String)] },
    })
  })

  it('serves the record links it hands out', async () => {
    const page = await fetch(`${crm.url}/app/accounts/acc_northwind`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/app/accounts/acc_northwind')
  })
})
