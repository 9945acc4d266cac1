import { describe, expect, it } from 'vitest'
import { DEFAULT_FIELDS } from '../../settings/app-settings'
import { compositeBody, planLookup } from './lookup-plan'

const fields = DEFAULT_FIELDS.salesforce

describe('planLookup', () => {
  it('plans all three steps in cascade order when the ticket has every key', () => {
    const plan = planLookup(
      {
        requester: { id: 1, name: 'Jane', email: 'jane.doe@northwind.example' },
        organization: { id: 9, name: 'Northwind', externalId: '001000000000001AAA', domains: [] },
      },
      fields
    )
    expect(plan.skipped).toEqual([])
    expect(plan.queries.map((q) => [q.strategy, q.value])).toEqual([
      ['organization-external-id', '001000000000001AAA'],
      ['requester-email', 'jane.doe@northwind.example'],
      ['email-domain', 'northwind.example'],
    ])
    const history =
      "(SELECT Field, OldValue, NewValue, CreatedDate FROM Histories WHERE Field = 'Health_Score__c' ORDER BY CreatedDate DESC LIMIT 100)"
    expect(plan.queries[0]?.soql).toBe(
      `SELECT Id, Name, Website, CSM__c, CSM__r.Name, CSM__r.Email, Health_Score__c, Renewal_Date__c, ARR__c, ${history} FROM Account WHERE Id = '001000000000001AAA' LIMIT 1`
    )
    // The contact step asks from the Account side, so its account carries the history too.
    expect(plan.queries[1]?.soql).toBe(
      `SELECT Id, Name, Website, CSM__c, CSM__r.Name, CSM__r.Email, Health_Score__c, Renewal_Date__c, ARR__c, ${history}, (SELECT Id FROM Contacts WHERE Email = 'jane.doe@northwind.example' LIMIT 1) FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email = 'jane.doe@northwind.example') LIMIT 5`
    )
    expect(plan.queries[2]?.soql).toContain("FROM Account WHERE Website LIKE '%northwind.example%' LIMIT 10")
  })

  it('follows match_order: steps left out are neither sent nor reported', () => {
    const plan = planLookup(
      {
        requester: { id: 1, name: 'Jane', email: 'jane.doe@northwind.example' },
        organization: { id: 9, name: 'Northwind', externalId: '001000000000001AAA', domains: [] },
      },
      fields,
      null,
      ['email-domain', 'requester-email']
    )
    expect(plan.queries.map((q) => q.strategy)).toEqual(['email-domain', 'requester-email'])
    expect(plan.skipped).toEqual([])
  })

  it("uses the organization's domain when there is no requester (organization sidebar)", () => {
    const plan = planLookup(
      {
        requester: null,
        organization: { id: 9, name: 'Globex', externalId: null, domains: ['globex.example'] },
      },
      fields
    )
    expect(plan.queries.map((q) => [q.strategy, q.value])).toEqual([['email-domain', 'globex.example']])
  })

  it('escapes a hostile email in both the email and the domain step', () => {
    const plan = planLookup(
      { requester: { id: 1, name: 'x', email: "x' OR Name != '@evil_%.example" }, organization: null },
      fields
    )
    expect(plan.queries[0]?.soql).toContain("WHERE Email = 'x\\' OR Name != \\'@evil_%.example')")
    expect(plan.queries[0]?.soql).toContain(
      "FROM Contacts WHERE Email = 'x\\' OR Name != \\'@evil_%.example' LIMIT 1"
    )
    expect(plan.queries[1]?.soql).toContain("WHERE Website LIKE '%evil\\_\\%.example%'")
  })

  it('skips steps it cannot run, saying why, and uses the admin’s field names', () => {
    const plan = planLookup(
      {
        requester: { id: 1, name: 'Pat', email: 'pat@gmail.com' },
        organization: { id: 9, name: 'Pat Co', externalId: 'crm-42', domains: [] },
      },
      { ...fields, csm: 'OwnerId', healthScore: 'Score__c' }
    )
    expect(plan.skipped).toEqual([
      {
        strategy: 'organization-external-id',
        value: 'crm-42',
        result: 'skipped',
        reason: 'not-an-account-id',
      },
      { strategy: 'email-domain', value: 'gmail.com', result: 'skipped', reason: 'public-email-domain' },
    ])
    expect(plan.queries).toHaveLength(1)
    expect(plan.queries[0]?.soql).toContain('OwnerId, Owner.Name, Owner.Email, Score__c')
    expect(plan.queries[0]?.soql).toContain("FROM Histories WHERE Field = 'Score__c'")
  })

  it('builds one composite with a URL-encoded query per step', () => {
    const plan = planLookup(
      { requester: { id: 1, name: 'H', email: 'hank@globex.example' }, organization: null },
      fields
    )
    const body = compositeBody(plan) as {
      allOrNone: boolean
      compositeRequest: { url: string; referenceId: string }[]
    }
    expect(body.allOrNone).toBe(false)
    expect(body.compositeRequest.map((r) => r.referenceId)).toEqual(['q0', 'q1'])
    const url = body.compositeRequest[0]?.url ?? ''
    expect(url.startsWith('/services/data/v62.0/query?q=SELECT%20Id%2C')).toBe(true)
    expect(decodeURIComponent(url.split('?q=')[1] ?? '')).toBe(plan.queries[0]?.soql)
  })
})
