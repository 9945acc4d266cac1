import { describe, expect, it } from 'vitest'
import { isCrmError } from '../../domain/crm-error'
import type { CustomFieldMap } from '../../settings/custom-rest-settings'
import { mapAccount } from './map-account'
import { compileMapping, type Mapping } from '../../mapping/mapping'

function map(json: Record<string, unknown>): CustomFieldMap {
  const out: Record<string, Mapping> = {}
  for (const [key, value] of Object.entries(json)) {
    const compiled = compileMapping(value, key)
    if (!compiled.ok) throw new Error(key)
    out[key] = compiled.value
  }
  return out as unknown as CustomFieldMap
}

const northwind = map({
  id: { '@path': '$.id' },
  name: { '@path': '$.name' },
  recordUrl: { '@path': '$.web_url' },
  'csm.id': { '@path': '$.owner.id' },
  'csm.name': { '@path': '$.owner.full_name' },
  'csm.email': { '@path': '$.owner.email' },
  healthScore: { '@path': '$.health.score' },
  renewalDate: { '@path': '$.contract.renewal_date' },
  arr: { '@path': '$.contract.arr' },
  contactId: { '@path': '$.contacts' },
})

const record = {
  id: 'acc_globex',
  name: 'Globex Corporation',
  web_url: 'https://northwind.example/app/accounts/acc_globex',
  owner: { id: 'usr_2', full_name: 'Marcus Oyelaran', email: 'marcus@successbridge.example' },
  health: { score: 38, trend: 'down' },
  contract: { renewal_date: '2026-12-18', arr: 1250000, currency: 'USD' },
  contacts: [
    { id: 'con_1', email: 'lisa@globex.example' },
    { id: 'con_2', email: 'Hank@Globex.example' },
  ],
}

describe('mapping a custom CRM record to an account', () => {
  it('reads the health history through the map: the list, then each entry’s score and date', () => {
    const withHistory = map({
      id: { '@path': '$.id' },
      name: { '@path': '$.name' },
      healthHistory: { '@path': '$.health.history' },
      'healthHistory.value': { '@path': '$.score' },
      'healthHistory.date': { '@path': '$.recorded_at' },
    })
    const history = [
      { score: 70, recorded_at: '2026-10-11T10:00:00Z' },
      { score: '38', recorded_at: 1_764_151_200_000 },
      { score: 'n/a', recorded_at: '2026-11-20' },
      { score: 50 },
      'not an entry',
    ]
    const account = mapAccount(
      { ...record, health: { score: 38, history } },
      withHistory,
      'requester-email',
      null
    )
    expect(account.healthHistory).toEqual([
      { at: '2026-10-11T10:00:00Z', to: 70 },
      { at: '2025-11-26T10:00:00.000Z', to: 38 },
      { at: '2026-11-20', to: null },
    ])
    // Entries default to `value` and `date`; no list there is an empty history; no mapping, none.
    const plain = map({
      id: { '@path': '$.id' },
      name: { '@path': '$.name' },
      healthHistory: { '@path': '$.h' },
    })
    expect(
      mapAccount({ ...record, h: [{ value: 60, date: '2026-11-01' }] }, plain, 'requester-email', null)
        .healthHistory
    ).toEqual([{ at: '2026-11-01', to: 60 }])
    expect(mapAccount({ ...record, h: 'none' }, plain, 'requester-email', null).healthHistory).toEqual([])
    expect(mapAccount(record, northwind, 'requester-email', null)).not.toHaveProperty('healthHistory')
  })

  it('maps every field through the field map', () => {
    expect(mapAccount(record, northwind, 'requester-email', 'hank@globex.example')).toEqual({
      id: 'acc_globex',
      name: 'Globex Corporation',
      recordUrl: 'https://northwind.example/app/accounts/acc_globex',
      csm: { id: 'usr_2', name: 'Marcus Oyelaran', email: 'marcus@successbridge.example' },
      healthScore: 38,
      renewalDate: '2026-12-18',
      arr: 1250000,
      matchedBy: 'requester-email',
      contactId: 'con_2',
    })
  })

  it('coerces numbers and dates sent as strings or epoch milliseconds', () => {
    const loose = {
      ...record,
      id: 1001,
      health: { score: '72' },
      contract: { renewal_date: 1798675200000, arr: '99000.50' },
    }
    expect(mapAccount(loose, northwind, 'email-domain', null)).toMatchObject({
      id: '1001',
      healthScore: 72,
      renewalDate: '2026-12-31',
      arr: 99000.5,
      contactId: null,
    })
  })

  it('shows unreadable optional fields as not set', () => {
    const odd = {
      id: 'a',
      name: 'A',
      web_url: 'javascript:alert(1)',
      owner: null,
      health: { score: 140 },
      contract: { renewal_date: 'soon', arr: 'lots' },
      contacts: { list: [] },
    }
    expect(mapAccount(odd, northwind, 'email-domain', 'x@a.example')).toEqual({
      id: 'a',
      name: 'A',
      recordUrl: null,
      csm: null,
      healthScore: null,
      renewalDate: null,
      arr: null,
      matchedBy: 'email-domain',
      contactId: null,
    })
  })

  it('builds record links from templates with the id URL-encoded, and names a CSM by email when there is no name', () => {
    const fields = map({
      id: { '@path': 'id' },
      name: { '@path': 'name' },
      recordUrl: { '@template': 'https://crm.example/a/{{id}}' },
      'csm.email': { '@path': 'owner.email' },
    })
    expect(
      mapAccount({ id: 'a/1', name: 'A', owner: { email: 'dana@x.example' } }, fields, 'email-domain', null)
    ).toMatchObject({
      recordUrl: 'https://crm.example/a/a%2F1',
      csm: { id: null, name: 'dana@x.example', email: 'dana@x.example' },
    })
  })

  it('keeps hostile text as text: rendering is the card’s job, and it renders text', () => {
    const hostile = {
      ...record,
      name: '<img src=x onerror=alert(1)>',
      owner: { id: 'u', full_name: '<script>alert("csm")</script>', email: null },
    }
    expect(mapAccount(hostile, northwind, 'email-domain', null)).toMatchObject({
      name: '<img src=x onerror=alert(1)>',
      csm: { name: '<script>alert("csm")</script>' },
    })
  })

  it.each([
    ['no id', { ...record, id: null }],
    ['an empty name', { ...record, name: '  ' }],
    ['an object for a name', { ...record, name: { first: 'Globex' } }],
    ['not an object', 'acc_globex'],
    ['an array', [record]],
  ])('refuses a record with %s as an invalid response', (_what, value) => {
    let error: unknown
    try {
      mapAccount(value, northwind, 'email-domain', null)
    } catch (caught) {
      error = caught
    }
    expect(isCrmError(error) && error.kind).toBe('invalid-response')
  })
})
