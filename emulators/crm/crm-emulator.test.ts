import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from './create-crm-emulator'

let crm: CrmEmulator
const auth = { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' }
const v = '/services/data/v62.0'

beforeAll(async () => {
  crm = await startCrmEmulator({ today: new Date(2026, 10, 25), batchSize: 3 })
})
afterAll(() => crm.close())
beforeEach(() => crm.reset())

async function query(soql: string) {
  const res = await fetch(`${crm.url}${v}/query?q=${encodeURIComponent(soql)}`, { headers: auth })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    limit: res.headers.get('sforce-limit-info'),
  }
}

describe('Salesforce query', () => {
  it('returns relationship fields nested, with attributes, and null for an empty lookup', async () => {
    const { status, body, limit } = await query(
      "SELECT Id, Name, CSM__r.Name, Renewal_Date__c FROM Account WHERE Id IN ('001000000000001AAA', '001000000000004AAA') ORDER BY Name DESC"
    )
    expect(status).toBe(200)
    expect(limit).toBe('api-usage=1/15000')
    expect(body).toEqual({
      totalSize: 2,
      done: true,
      records: [
        {
          attributes: { type: 'Account', url: `${v}/sobjects/Account/001000000000004AAA` },
          Id: '001000000000004AAA',
          Name: 'Umbrella Health',
          CSM__r: null,
          Renewal_Date__c: '2027-09-21',
        },
        {
          attributes: { type: 'Account', url: `${v}/sobjects/Account/001000000000001AAA` },
          Id: '001000000000001AAA',
          Name: 'Northwind Traders',
          CSM__r: {
            attributes: { type: 'User', url: `${v}/sobjects/User/005000000000001AAA` },
            Name: 'Dana Whitfield',
          },
          Renewal_Date__c: '2027-06-13',
        },
      ],
    })
  })

  it('compares text case-insensitively and traverses two relationships', async () => {
    const { body } = await query(
      "select Account.CSM__r.Email from contact where email = 'JANE.DOE@northwind.example'"
    )
    expect((body['records'] as unknown[])[0]).toMatchObject({
      Account: { CSM__r: { Email: 'dana.whitfield@successbridge.example' } },
    })
  })

  it('treats escaped wildcards and quotes in LIKE literally, so injection stays inside the string', async () => {
    expect(
      (await query("SELECT Id FROM Account WHERE Website LIKE '%stark.example%'")).body['totalSize']
    ).toBe(2)
    expect(
      (await query("SELECT Id FROM Account WHERE Website LIKE '%stark\\_example%'")).body['totalSize']
    ).toBe(0)
    expect(
      (await query("SELECT Id FROM Contact WHERE Email = 'x\\' OR Name != \\''")).body['totalSize']
    ).toBe(0)
  })

  it('answers with Salesforce error arrays for bad queries', async () => {
    expect(await query('SELECT Id FROM Account WHERE')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_QUERY', message: "unexpected token: 'end of query'" }],
    })
    expect(await query('SELECT Id, Health__c FROM Account')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD' }],
    })
    expect(await query('SELECT Id FROM Opportunity')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE' }],
    })
    expect(await query("SELECT Id FROM Account WHERE Id = 'acme'")).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_QUERY_FILTER_OPERATOR' }],
    })
    expect(await query("SELECT Id FROM Account WHERE Name = 'a\\q'")).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_QUERY' }],
    })
  })

  it('nests a child sub-query as a query result, or null when the parent has no such rows', async () => {
    const histories =
      "(SELECT Field, OldValue, NewValue, CreatedDate FROM Histories WHERE Field = 'Health_Score__c' ORDER BY CreatedDate DESC LIMIT 5)"
    const soql = `SELECT Id, Name, ${histories} FROM Account WHERE Id IN ('001000000000003AAA', '001000000000004AAA') ORDER BY Id DESC`
    const { status, body } = await query(soql)
    expect(status).toBe(200)
    expect(body['records']).toEqual([
      expect.objectContaining({
        Id: '001000000000004AAA',
        Histories: {
          totalSize: 3,
          done: true,
          records: [
            expect.objectContaining({
              attributes: { type: 'AccountHistory', url: `${v}/sobjects/AccountHistory/017000000000006AAA` },
              Field: 'Health_Score__c',
              OldValue: 79,
              NewValue: 71,
              CreatedDate: '2026-11-21T10:00:00.000+0000',
            }),
            expect.objectContaining({
              OldValue: 84,
              NewValue: 79,
              CreatedDate: '2026-11-09T10:00:00.000+0000',
            }),
            expect.objectContaining({ OldValue: 88, NewValue: 84 }),
          ],
        },
      }),
      // Initech has no tracked changes: Salesforce sends null, not an empty result.
      expect.objectContaining({ Id: '001000000000003AAA', Histories: null }),
    ])
  })

  it('answers a semi-join and refuses what Salesforce refuses around history', async () => {
    const semi = await query(
      "SELECT Id, (SELECT Id FROM Contacts WHERE Email = 'hank@globex.example') FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email = 'hank@globex.example')"
    )
    expect(semi.body['records']).toEqual([
      expect.objectContaining({
        Id: '001000000000002AAA',
        Contacts: expect.objectContaining({
          totalSize: 1,
          records: [expect.objectContaining({ Id: '003000000000002AAA' })],
        }),
      }),
    ])
    // OldValue and NewValue (anyType) cannot be filtered; an unknown child relationship is INVALID_TYPE.
    expect(
      await query('SELECT Id, (SELECT Field FROM Histories WHERE NewValue = 40) FROM Account')
    ).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] })
    expect(await query('SELECT Id, (SELECT Id FROM Invoices) FROM Account')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE' }],
    })
    expect(await query('SELECT Id FROM Histories')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE' }],
    })
  })

  it('pages large results through nextRecordsUrl', async () => {
    const first = await query('SELECT Id FROM Account ORDER BY Id')
    expect(first.body).toMatchObject({ totalSize: 9, done: false })
    const next = await fetch(`${crm.url}${String(first.body['nextRecordsUrl'])}`, { headers: auth })
    expect(((await next.json()) as { records: unknown[] }).records).toHaveLength(3)
  })
})

describe('test data beyond the seed', () => {
  it('edits a seeded record until the next reset, and refuses an unknown one', async () => {
    crm.editRecord('User', '005000000000001AAA', { Name: 'Dana \u202Eeltihw', Email: 'dana@x.example?bcc=y' })
    const soql = "SELECT CSM__r.Name, CSM__r.Email FROM Account WHERE Id = '001000000000001AAA'"
    expect((await query(soql)).body['records']).toMatchObject([
      { CSM__r: { Name: 'Dana \u202Eeltihw', Email: 'dana@x.example?bcc=y' } },
    ])
    expect(() => crm.editRecord('User', '005000000000077AAA', { Name: 'Nobody' })).toThrow(/No User/)
    expect(() => crm.editRecord('Opportunity', '006000000000001AAA', {})).toThrow(/No Opportunity/)

    crm.reset()
    expect((await query(soql)).body['records']).toMatchObject([{ CSM__r: { Name: 'Dana Whitfield' } }])
  })
})

describe('auth and faults', () => {
  it('refuses a missing or unsubstituted token', async () => {
    const res = await fetch(`${crm.url}${v}/query?q=SELECT+Id+FROM+User`, {
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ])
  })

  it.each([
    ['unauthorized', 401, 'INVALID_SESSION_ID'],
    ['quota', 403, 'REQUEST_LIMIT_EXCEEDED'],
    ['server-error', 500, 'UNKNOWN_EXCEPTION'],
  ] as const)('%s answers %i %s, for the requested number of requests', async (mode, status, errorCode) => {
    crm.setFaults({ mode, remaining: 1 })
    const faulted = await query('SELECT Id FROM User')
    expect(faulted).toMatchObject({ status, body: [{ errorCode }] })
    expect((await query('SELECT Id FROM User')).status).toBe(200)
  })

  it('sends a body that does not parse when malformed', async () => {
    crm.setFaults({ mode: 'malformed' })
    const res = await fetch(`${crm.url}${v}/query?q=SELECT+Id+FROM+User`, { headers: auth })
    expect(res.status).toBe(200)
    await expect(res.json()).rejects.toThrow()
  })

  it('holds a request until the fault is lifted when hanging', async () => {
    crm.setFaults({ mode: 'hang' })
    const pending = fetch(`${crm.url}${v}/query?q=SELECT+Id+FROM+User`, { headers: auth }).then(
      () => 'answered',
      () => 'dropped'
    )
    const early = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200)),
    ])
    crm.setFaults({ mode: 'none' })
    expect(early).toBe('still waiting')
    expect(await pending).toBe('dropped')
  })

  it('is switched over HTTP too, validating the body', async () => {
    const bad = await fetch(`${crm.url}/__emulator/faults`, { method: 'PUT', body: '{"mode":"explode"}' })
    expect(bad.status).toBe(400)
    await fetch(`${crm.url}/__emulator/faults`, { method: 'PUT', body: '{"mode":"quota"}' })
    expect(crm.faults()).toEqual({ mode: 'quota' })
  })
})

describe('tasks and composite', () => {
  const task = {
    Subject: '[Escalation] #102',
    OwnerId: '005000000000002AAA',
    WhatId: '001000000000002AAA',
    Priority: 'High',
  }

  it('creates a task and validates references and picklists like Salesforce', async () => {
    const created = await fetch(`${crm.url}${v}/sobjects/Task`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(task),
    })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ id: '00T000000000001AAA', success: true, errors: [] })
    const bad = await fetch(`${crm.url}${v}/sobjects/Task`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ ...task, Priority: 'Urgent' }),
    })
    expect(await bad.json()).toEqual([
      {
        message: 'bad value for restricted picklist field: Urgent',
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        fields: ['Priority'],
      },
    ])
    expect(crm.tasks()).toHaveLength(1)
  })

  it('upserts by the escalation key: created once, then updated', async () => {
    const url = `${crm.url}${v}/sobjects/Task/Zendesk_Escalation_Key__c/zd%3Ademo%3A102`
    const first = await fetch(url, { method: 'PATCH', headers: auth, body: JSON.stringify(task) })
    const second = await fetch(url, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ ...task, Subject: 'again' }),
    })
    expect([first.status, second.status]).toEqual([201, 200])
    expect(await second.json()).toMatchObject({ created: false })
    expect(crm.tasks().map((t) => [t['Zendesk_Escalation_Key__c'], t['Subject']])).toEqual([
      ['zd:demo:102', 'again'],
    ])
    const patched = await fetch(`${crm.url}${v}/sobjects/Task/00T000000000001AAA`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ Description: 'more' }),
    })
    expect(patched.status).toBe(204)
    expect(crm.tasks()[0]?.['Description']).toBe('more')
  })

  it('runs sub-requests with references and counts the composite as one API call', async () => {
    const soql = "SELECT Id, AccountId, Account.CSM__c FROM Contact WHERE Email = 'hank@globex.example'"
    const res = await fetch(`${crm.url}${v}/composite`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          { method: 'GET', referenceId: 'c', url: `${v}/query?q=${encodeURIComponent(soql)}` },
          {
            method: 'POST',
            referenceId: 't',
            url: `${v}/sobjects/Task`,
            body: {
              Subject: 'x',
              WhatId: '@{c.records[0].AccountId}',
              OwnerId: '@{c.records[0].Account.CSM__c}',
            },
          },
        ],
      }),
    })
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=1/15000')
    const body = (await res.json()) as { compositeResponse: { httpStatusCode: number }[] }
    expect(body.compositeResponse.map((r) => r.httpStatusCode)).toEqual([200, 201])
    expect(crm.tasks()[0]).toMatchObject({ WhatId: '001000000000002AAA', OwnerId: '005000000000002AAA' })
    expect(crm.requests()[0]?.soql).toEqual([soql])
  })

  it('rolls back earlier writes when allOrNone and a later sub-request fails', async () => {
    const res = await fetch(`${crm.url}${v}/composite`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', referenceId: 'a', url: `${v}/sobjects/Task`, body: task },
          {
            method: 'POST',
            referenceId: 'b',
            url: `${v}/sobjects/Task`,
            body: { ...task, OwnerId: '005999999999999AAA' },
          },
        ],
      }),
    })
    const body = (await res.json()) as {
      compositeResponse: { httpStatusCode: number; body: { errorCode: string }[] }[]
    }
    expect(body.compositeResponse.map((r) => [r.httpStatusCode, r.body[0]?.errorCode])).toEqual([
      [400, 'PROCESSING_HALTED'],
      [400, 'INVALID_CROSS_REFERENCE_KEY'],
    ])
    expect(crm.tasks()).toEqual([])
  })
})
