import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from '../create-crm-emulator'
import { caller } from '../testing/call'

let crm: CrmEmulator
const call = caller(() => crm.url, { Authorization: 'Bearer hs-token' })
const toCompany = (id: string) => ({
  to: { id },
  types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }],
})
const toContact = (id: string) => ({
  to: { id },
  types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }],
})
const escalation = {
  properties: {
    hs_timestamp: '2026-11-26T17:00:00.000Z',
    hs_task_subject: '[Escalation] #102 Outage',
    hs_task_body: 'Ticket: https://successbridge-demo.zendesk.com/agent/tickets/102',
    hubspot_owner_id: '64490002',
    hs_task_priority: 'HIGH',
    hs_task_type: 'TODO',
    zendesk_escalation_key: 'zd:successbridge-demo:102',
  },
  associations: [toCompany('5100002'), toContact('5200002')],
}
const createTask = (body: unknown) => call('POST', '/crm/v3/objects/tasks', body)

beforeAll(async () => {
  crm = await startCrmEmulator({ dialect: 'hubspot', token: 'hs-token', searchPerSecond: 1000 })
})
afterAll(() => crm.close())
beforeEach(() => crm.reset())

describe('HubSpot task create', () => {
  it('answers 201 with every property set, and GET with associations shows the company and contact', async () => {
    const created = await createTask(escalation)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      id: '5300001',
      properties: {
        ...escalation.properties,
        hs_task_status: 'NOT_STARTED',
        hs_object_id: '5300001',
        hs_createdate: expect.any(String),
        hs_lastmodifieddate: expect.any(String),
      },
      createdAt: expect.any(String),
      archived: false,
    })
    const read = await call(
      'GET',
      '/crm/v3/objects/tasks/5300001?associations=companies,contacts&properties=hs_task_subject'
    )
    expect(read.body.associations).toEqual({
      companies: { results: [{ id: '5100002', type: 'task_to_company' }] },
      contacts: { results: [{ id: '5200002', type: 'task_to_contact' }] },
    })
    expect(crm.tasks()).toEqual([
      expect.objectContaining({
        id: '5300001',
        associations: { companies: ['5100002'], contacts: ['5200002'] },
      }),
    ])
    const control = await fetch(`${crm.url}/__emulator/tasks`)
    expect(await control.json()).toEqual(JSON.parse(JSON.stringify(crm.tasks())))
  })

  it('takes hs_timestamp as epoch ms too and stores it as an ISO datetime', async () => {
    const ms = Date.UTC(2026, 10, 27, 9, 30)
    const { body } = await createTask({ properties: { hs_timestamp: ms } })
    expect(body.properties.hs_timestamp).toBe(new Date(ms).toISOString())
    expect((await createTask({ properties: { hs_timestamp: String(ms) } })).status).toBe(201)
  })

  it.each([
    ['without hs_timestamp', { properties: { hs_task_subject: 'x' } }, 'REQUIRED_PROPERTY'],
    ['with a timestamp that is not one', { properties: { hs_timestamp: 'tomorrow' } }, 'INVALID_DATE'],
    [
      'for an owner that does not exist',
      { properties: { ...escalation.properties, hubspot_owner_id: '999' } },
      'INVALID_OWNER_ID',
    ],
    [
      'with an unknown property',
      { properties: { ...escalation.properties, Subject: 'Salesforce habit' } },
      'PROPERTY_DOESNT_EXIST',
    ],
    [
      'with a read-only property',
      { properties: { ...escalation.properties, hs_object_id: '1' } },
      'READ_ONLY_VALUE',
    ],
    [
      'with a priority HubSpot does not have',
      { properties: { ...escalation.properties, hs_task_priority: 'URGENT' } },
      'INVALID_OPTION',
    ],
    [
      'associated with a company that does not exist',
      { ...escalation, associations: [toCompany('001000000000002AAA')] },
      'INVALID_ASSOCIATION',
    ],
    [
      'associated with a contact that does not exist',
      { ...escalation, associations: [toContact('5100002')] },
      'INVALID_ASSOCIATION',
    ],
    [
      'with a note association type',
      {
        ...escalation,
        associations: [
          {
            to: { id: '5100002' },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }],
          },
        ],
      },
      'INVALID_ASSOCIATION_TYPE',
    ],
  ])('refuses a task %s with 400 VALIDATION_ERROR and creates nothing', async (_, body, code) => {
    const { status, body: error } = await createTask(body)
    expect(status).toBe(400)
    expect(error).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      correlationId: expect.any(String),
      errors: [expect.objectContaining({ code })],
    })
    expect(crm.tasks()).toEqual([])
  })

  it('refuses a body that is not JSON', async () => {
    expect(await createTask('{"properties":')).toMatchObject({
      status: 400,
      body: { category: 'VALIDATION_ERROR' },
    })
  })
})

describe('HubSpot escalation dedupe and follow-up', () => {
  const byKey = (key: string) =>
    call('POST', '/crm/v3/objects/tasks/search', {
      filterGroups: [{ filters: [{ propertyName: 'zendesk_escalation_key', operator: 'EQ', value: key }] }],
      properties: ['hs_task_body', 'hubspot_owner_id'],
    })

  it('finds a task by its escalation key with EQ, so the app can look before it creates', async () => {
    expect((await byKey('zd:successbridge-demo:102')).body).toEqual({ total: 0, results: [] })
    await createTask(escalation)
    const { body } = await byKey('zd:successbridge-demo:102')
    expect(body.total).toBe(1)
    expect(body.results[0]).toMatchObject({ id: '5300001', properties: { hubspot_owner_id: '64490002' } })
    expect(body.results[0]).not.toHaveProperty('associations')
  })

  it('PATCHes the task body to append a follow-up note, 200 with the object', async () => {
    await createTask(escalation)
    const body = `${escalation.properties.hs_task_body}\n\nFollow-up: two regions down`
    const patched = await call('PATCH', '/crm/v3/objects/tasks/5300001', {
      properties: { hs_task_body: body },
    })
    expect(patched.status).toBe(200)
    expect(patched.body.properties).toMatchObject({
      hs_task_body: body,
      hs_task_subject: escalation.properties.hs_task_subject,
    })
    expect((crm.tasks()[0]?.['properties'] as Record<string, string>)['hs_task_body']).toBe(body)
    expect(
      await call('PATCH', '/crm/v3/objects/tasks/5300001', { properties: { Description: 'x' } })
    ).toMatchObject({ status: 400, body: { errors: [{ code: 'PROPERTY_DOESNT_EXIST' }] } })
    expect(
      await call('PATCH', '/crm/v3/objects/tasks/999', { properties: { hs_task_body: 'x' } })
    ).toMatchObject({ status: 404, body: { category: 'OBJECT_NOT_FOUND' } })
  })

  it('pages task searches at 10 by default', async () => {
    for (let i = 0; i < 12; i += 1)
      await createTask({
        properties: { hs_timestamp: Date.UTC(2026, 10, 26), zendesk_escalation_key: 'same' },
      })
    const { body } = await byKey('same')
    expect(body.total).toBe(12)
    expect(body.results).toHaveLength(10)
    expect(body.paging.next.after).toBe('10')
  })
})
