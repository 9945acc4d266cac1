import { describe, expect, it } from 'vitest'
import { isCrmError } from '../../domain/crm-error'
import { DEFAULT_FIELDS } from '../../settings/app-settings'
import { planLookup } from './lookup-plan'
import { parseLookup } from './parse-lookup'
import { readSalesforceError } from './read-salesforce-error'

const fields = DEFAULT_FIELDS.salesforce
const baseUrl = 'https://acme.my.salesforce.com'
const plan = planLookup(
  {
    requester: { id: 1, name: 'Jane', email: 'jane@northwind.example' },
    organization: { id: 9, name: 'Northwind', externalId: '001000000000001AAA', domains: [] },
  },
  fields
)

// Shapes as Salesforce sends them: attributes on every record and relationship, null lookups.
const northwind = {
  attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001000000000001AAA' },
  Id: '001000000000001AAA',
  Name: 'Northwind Traders',
  Website: 'https://www.northwind.example',
  CSM__c: '005000000000001AAA',
  CSM__r: { attributes: { type: 'User', url: '/x' }, Name: 'Dana Whitfield', Email: 'dana@vendor.example' },
  Health_Score__c: 86,
  Renewal_Date__c: '2027-06-13',
  ARR__c: 240000,
}
const query = (records: unknown[]) => ({ totalSize: records.length, done: true, records })
const sub = (index: number, body: unknown, httpStatusCode = 200) => ({
  referenceId: `q${index}`,
  httpStatusCode,
  httpHeaders: {},
  body,
})
const parse = (body: unknown) =>
  parseLookup({ plan, body, fields, baseUrl, readVendorError: readSalesforceError })

describe('parseLookup', () => {
  it('takes the first step that matches and builds the summary', () => {
    const outcome = parse({
      compositeResponse: [sub(0, query([northwind])), sub(1, query([])), sub(2, query([]))],
    })
    expect(outcome).toEqual({
      kind: 'found',
      tried: [],
      account: {
        id: '001000000000001AAA',
        name: 'Northwind Traders',
        recordUrl: 'https://acme.my.salesforce.com/lightning/r/Account/001000000000001AAA/view',
        csm: { id: '005000000000001AAA', name: 'Dana Whitfield', email: 'dana@vendor.example' },
        healthScore: 86,
        renewalDate: '2027-06-13',
        arr: 240000,
        matchedBy: 'organization-external-id',
      },
    })
  })

  it('falls through to the contact step and reads the nested account; a null CSM lookup is no CSM', () => {
    const withContact = {
      ...northwind,
      CSM__c: null,
      CSM__r: null,
      Contacts: query([{ attributes: { type: 'Contact', url: '/x' }, Id: '003000000000001AAA' }]),
    }
    const outcome = parse({
      compositeResponse: [sub(0, query([])), sub(1, query([withContact])), sub(2, query([]))],
    })
    expect(outcome.kind).toBe('found')
    if (outcome.kind !== 'found') return
    expect(outcome.account.matchedBy).toBe('requester-email')
    expect(outcome.account.contactId).toBe('003000000000001AAA')
    expect(outcome.account.csm).toBeNull()
    expect(outcome.tried).toEqual([
      { strategy: 'organization-external-id', value: '001000000000001AAA', result: 'no-match' },
    ])
  })

  it('reads the health field history sub-query; null (no tracked change) is an empty history', () => {
    const row = (at: string, from: unknown, to: unknown, field = 'Health_Score__c') => ({
      attributes: { type: 'AccountHistory', url: '/x' },
      Field: field,
      OldValue: from,
      NewValue: to,
      CreatedDate: at,
    })
    const histories = query([
      row('2026-11-19T10:00:00.000+0000', 74, 62),
      row('2026-11-07T10:00:00.000+0000', '81', '74'),
      row('2026-11-01T10:00:00.000+0000', 'n/a', null),
      row('2026-11-02T10:00:00.000+0000', 1, 2, 'Name'),
      { ...row('2026-11-03T10:00:00.000+0000', 1, 2), CreatedDate: null },
    ])
    const found = (account: unknown) => {
      const outcome = parse({ compositeResponse: [sub(0, query([account]))] })
      return outcome.kind === 'found' ? outcome.account.healthHistory : 'not found'
    }
    expect(found({ ...northwind, Histories: histories })).toEqual([
      { at: '2026-11-19T10:00:00.000+0000', from: 74, to: 62 },
      { at: '2026-11-07T10:00:00.000+0000', from: 81, to: 74 },
      { at: '2026-11-01T10:00:00.000+0000', from: null, to: null },
    ])
    expect(found({ ...northwind, Histories: null })).toEqual([])
    // An answer without the sub-query at all says nothing about history.
    expect(found(northwind)).toBeUndefined()
  })

  it('ignores lookalike websites and reports several real matches as ambiguous', () => {
    const lookalike = { ...northwind, Id: '001000000000008AAA', Website: 'https://notnorthwind.example' }
    const emea = { ...northwind, Id: '001000000000006AAA', Website: 'emea.northwind.example' }
    const outcome = parse({
      compositeResponse: [sub(0, query([])), sub(1, query([])), sub(2, query([northwind, lookalike, emea]))],
    })
    expect(outcome.kind).toBe('ambiguous')
    if (outcome.kind !== 'ambiguous') return
    expect(outcome.candidates.map((a) => a.id)).toEqual(['001000000000001AAA', '001000000000006AAA'])
  })

  it('offers at most five of many matching accounts, like every connector', () => {
    const many = [...'23456789'].map((digit) => ({
      ...northwind,
      Id: `00100000000000${digit}AAA`,
      Website: `https://${digit}.northwind.example`,
    }))
    const outcome = parse({
      compositeResponse: [sub(0, query([])), sub(1, query([])), sub(2, query(many))],
    })
    expect(outcome.kind === 'ambiguous' && outcome.candidates.map((a) => a.id)).toEqual(
      many.slice(0, 5).map((record) => record.Id)
    )
  })

  it('lists every step tried when nothing matches', () => {
    const outcome = parse({ compositeResponse: [sub(0, query([])), sub(1, query([])), sub(2, query([]))] })
    expect(outcome).toEqual({
      kind: 'not-found',
      tried: [
        { strategy: 'organization-external-id', value: '001000000000001AAA', result: 'no-match' },
        { strategy: 'requester-email', value: 'jane@northwind.example', result: 'no-match' },
        { strategy: 'email-domain', value: 'northwind.example', result: 'no-match' },
      ],
    })
  })

  it('turns a failed sub-request into the right error kind, naming a missing field', () => {
    const invalidField = [
      { errorCode: 'INVALID_FIELD', message: "No such column 'Health_Score__c' on entity 'Account'." },
    ]
    try {
      parse({ compositeResponse: [sub(0, invalidField, 400), sub(1, query([])), sub(2, query([]))] })
      expect.unreachable()
    } catch (error) {
      expect(isCrmError(error) && [error.kind, error.details.field]).toEqual([
        'field-missing',
        'Health_Score__c',
      ])
    }
  })

  it.each([
    ['a body that is not a composite response', '{"totalSize":1,"done":tr'],
    ['a record without an Id', { compositeResponse: [sub(0, query([{ ...northwind, Id: null }]))] }],
    [
      'a health score that is not a number',
      { compositeResponse: [sub(0, query([{ ...northwind, Health_Score__c: 'high' }]))] },
    ],
    [
      'a renewal date that is not a date',
      { compositeResponse: [sub(0, query([{ ...northwind, Renewal_Date__c: '31/03/2027' }]))] },
    ],
    ['a missing sub-response', { compositeResponse: [] }],
  ])('rejects %s as an invalid response', (_, body) => {
    expect(() => parse(body)).toThrow(expect.objectContaining({ kind: 'invalid-response' }))
  })
})
