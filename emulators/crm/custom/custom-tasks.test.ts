import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from '../create-crm-emulator'
import { caller } from '../testing/call'

let crm: CrmEmulator
const call = caller(() => crm.url, { 'X-Api-Key': 'nw-key' })
const task = {
  title: '[Escalation] #102 Outage',
  body: 'Ticket: https://successbridge-demo.zendesk.com/agent/tickets/102',
  assignee_id: 'usr_marcus',
  priority: 'high',
  due_date: '2026-11-26',
  contact_id: 'con_hank',
  external_key: 'zd:successbridge-demo:102',
}
const create = (body: unknown, headers: Record<string, string> = {}, account = 'acc_globex') =>
  call('POST', `/api/v1/accounts/${account}/tasks`, body, headers)

beforeAll(async () => {
  crm = await startCrmEmulator({ dialect: 'custom', token: 'nw-key' })
})
afterAll(() => crm.close())
beforeEach(() => crm.reset())

describe('Northwind Success API: tasks', () => {
  it('creates a task: 201 with the Task, its url and an open status', async () => {
    const created = await create(task)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      data: {
        id: 'task_0001',
        account_id: 'acc_globex',
        ...task,
        status: 'open',
        url: `${crm.url}/app/tasks/task_0001`,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        comments: [],
      },
    })
    expect(created.headers.get('idempotent-replayed')).toBeNull()
    expect(crm.tasks()).toEqual([created.body.data])
  })

  it('fills contact_id and external_key with null when left out', async () => {
    const { body } = await create(
      { title: 't', body: '', assignee_id: 'usr_queue', priority: 'low', due_date: '2026-12-01' },
      {},
      'acc_umbrella'
    )
    expect(body.data).toMatchObject({ contact_id: null, external_key: null, account_id: 'acc_umbrella' })
  })

  it('replays a repeated Idempotency-Key: 200, the same task, Idempotent-Replayed: true, nothing new', async () => {
    const first = await create(task, { 'Idempotency-Key': 'zd:successbridge-demo:102' })
    const again = await create(
      { ...task, title: 'changed' },
      { 'Idempotency-Key': 'zd:successbridge-demo:102' }
    )
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(crm.tasks()).toHaveLength(1)
    expect((await create(task, { 'Idempotency-Key': 'another' })).status).toBe(201)
    expect(crm.tasks()).toHaveLength(2)
  })

  it('does not remember a key whose request failed', async () => {
    expect((await create({ ...task, assignee_id: 'usr_nobody' }, { 'Idempotency-Key': 'k' })).status).toBe(
      422
    )
    expect((await create(task, { 'Idempotency-Key': 'k' })).status).toBe(201)
  })

  it.each([
    ['an unknown assignee', { ...task, assignee_id: 'usr_nobody' }, { assignee_id: ['does not exist'] }],
    ['an unknown contact', { ...task, contact_id: 'con_nobody' }, { contact_id: ['does not exist'] }],
    ['a priority it does not have', { ...task, priority: 'urgent' }, { priority: [expect.any(String)] }],
    ['an impossible due date', { ...task, due_date: '2026-02-30' }, { due_date: [expect.any(String)] }],
    [
      'a datetime as due date',
      { ...task, due_date: '2026-11-26T00:00:00Z' },
      { due_date: [expect.any(String)] },
    ],
    [
      'missing fields',
      { title: 'x' },
      {
        body: ['is required'],
        assignee_id: ['is required'],
        priority: ['is required'],
        due_date: ['is required'],
      },
    ],
    ['a field it does not know', { ...task, owner_id: 'usr_marcus' }, { owner_id: ['is not allowed'] }],
    ['a body that is not JSON', '{"title":', { body: ['must be a JSON object'] }],
  ])('refuses %s with 422 validation_failed and the fields', async (_, body, fields) => {
    const { status, body: error } = await create(body)
    expect(status).toBe(422)
    expect(error).toEqual({ error: { code: 'validation_failed', message: expect.any(String), fields } })
    expect(crm.tasks()).toEqual([])
  })

  it('answers 404 for a task on an account that does not exist', async () => {
    expect(await create(task, {}, 'acc_nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    })
  })

  it('lists tasks by external_key, and requires that filter', async () => {
    expect((await call('GET', '/api/v1/tasks?external_key=zd%3Asuccessbridge-demo%3A102')).body).toEqual({
      data: [],
      meta: { count: 0 },
    })
    const created = await create(task)
    await create({ ...task, external_key: 'zd:successbridge-demo:103' })
    const listed = await call('GET', '/api/v1/tasks?external_key=zd%3Asuccessbridge-demo%3A102')
    expect(listed.body).toEqual({ data: [created.body.data], meta: { count: 1 } })
    expect(await call('GET', '/api/v1/tasks')).toMatchObject({
      status: 422,
      body: { error: { code: 'validation_failed', fields: { external_key: [expect.any(String)] } } },
    })
  })

  it('adds a comment: 201, and the task shows it', async () => {
    await create(task)
    const comment = await call('POST', '/api/v1/tasks/task_0001/comments', {
      body: 'Follow-up: two regions down',
    })
    expect(comment.status).toBe(201)
    expect(comment.body).toEqual({
      data: {
        id: 'cmt_0002',
        task_id: 'task_0001',
        body: 'Follow-up: two regions down',
        created_at: expect.any(String),
      },
    })
    expect((await call('GET', '/api/v1/tasks/task_0001')).body.data.comments).toEqual([comment.body.data])
    expect(await call('POST', '/api/v1/tasks/task_0001/comments', { body: '  ' })).toMatchObject({
      status: 422,
      body: { error: { fields: { body: [expect.any(String)] } } },
    })
    expect(await call('POST', '/api/v1/tasks/task_9999/comments', { body: 'x' })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    })
  })

  it('closes a task with PATCH {status: "done"}, refuses other statuses, and answers 404 for no task', async () => {
    await create(task)
    const closed = await call('PATCH', '/api/v1/tasks/task_0001', { status: 'done' })
    expect(closed).toMatchObject({ status: 200, body: { data: { id: 'task_0001', status: 'done' } } })
    expect(
      (await call('GET', '/api/v1/tasks?external_key=zd:successbridge-demo:102')).body.data[0].status
    ).toBe('done')
    expect(await call('PATCH', '/api/v1/tasks/task_0001', { status: 'closed' })).toMatchObject({
      status: 422,
      body: { error: { fields: { status: [expect.any(String)] } } },
    })
    expect(await call('PATCH', '/api/v1/tasks/task_9999', { status: 'done' })).toMatchObject({ status: 404 })
  })

  it('records the body of each write in the request log', async () => {
    await create(task)
    expect(JSON.parse(crm.requests()[0]?.body ?? '')).toEqual(task)
  })
})
