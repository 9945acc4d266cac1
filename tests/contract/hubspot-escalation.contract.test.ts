import { describe, expect, it } from 'vitest'
import { createCrm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import { isCrmError } from '../../src/domain/crm-error'
import type { EscalationTaskInput } from '../../src/domain/ports'
import { parseSettings } from '../../src/settings/app-settings'
import { useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

const stack = useContractStack('hubspot')

function escalationCrm(overrides: Record<string, string> = {}) {
  const parsed = parseSettings({ crm_provider: 'hubspot', crm_base_url: stack.crm.url, ...overrides })
  if (!parsed.ok) throw new Error('bad settings')
  return createCrm(parsed.settings, zafAdapter(proxyZafClient(stack.zendesk.hostUrl))).escalation
}

const input: EscalationTaskInput = {
  key: 'zd:successbridge-demo:102',
  ticketId: 102,
  subject: '[Escalation] #102 Outage: <b>API</b> returning 500',
  description: 'Zendesk ticket #102\nEscalated by: Alex Rivera\nRequester: Mallory <script>x</script>',
  ownerId: '64490002',
  accountId: '5100002',
  contactId: '5200002',
  priority: 'High',
  dueDate: '2026-11-25',
  afterUnknownOutcome: false,
}

type Task = {
  id: string
  properties: Record<string, string | null>
  associations?: Record<string, { results: { id: string }[] }>
}

describe('HubSpot escalation tasks against the CRM emulator', () => {
  it('searches for the ticket key before creating, so a second call finds the first task', async () => {
    const tasks = escalationCrm()
    const created = await tasks.createTask(input)
    expect(created).toMatchObject({ kind: 'created' })
    expect(await tasks.createTask(input)).toMatchObject({
      kind: 'exists',
      existing: {
        taskId: created.kind === 'created' ? created.taskId : '',
        ownerName: 'Marcus Oyelaran',
        escalatedBy: 'Alex Rivera',
      },
    })
    expect(stack.crm.tasks()).toHaveLength(1)
    expect(stack.crm.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /crm/v3/objects/tasks/search',
      'POST /crm/v3/objects/tasks',
      'POST /crm/v3/objects/tasks/search',
      'GET /crm/v3/owners/64490002',
    ])
  })

  it('after a lost answer, finds its own new task through the company although search lags behind', async () => {
    stack.crm.setSearchLagMs(10_000)
    stack.crm.setWriteFault({ kind: 'lose-answer', remaining: 1 })
    const tasks = escalationCrm()
    await expect(tasks.createTask(input)).rejects.toSatisfy(isCrmError)
    expect(stack.crm.tasks()).toHaveLength(1)
    // Search would not see it yet: a plain retry would create a second task.
    const ref = { key: input.key, ticketId: input.ticketId, accountId: input.accountId }
    expect(await tasks.findExisting?.(ref)).toBeNull()

    stack.crm.clearRequests()
    expect(await tasks.createTask({ ...input, afterUnknownOutcome: true })).toMatchObject({
      kind: 'exists',
      existing: { ownerName: 'Marcus Oyelaran', escalatedBy: 'Alex Rivera', closed: false },
    })
    expect(stack.crm.tasks()).toHaveLength(1)
    expect(stack.crm.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /crm/v3/objects/companies/5100002',
      'POST /crm/v3/objects/tasks/batch/read',
      'GET /crm/v3/owners/64490002',
    ])
  })

  it("finds the ticket's task by its key alone, as on opening a ticket tagged as escalated", async () => {
    const tasks = escalationCrm({ hubspot_portal_id: '4455667' })
    const ref = { key: input.key, ticketId: input.ticketId, accountId: input.accountId }
    expect(await tasks.findExisting?.(ref)).toBeNull()
    const created = await tasks.createTask(input)
    stack.crm.clearRequests()
    expect(await tasks.findExisting?.(ref)).toMatchObject({
      taskId: created.kind === 'created' ? created.taskId : '',
      // The emulator is on this machine, so the link goes to its stand-in page, not to HubSpot's app.
      taskUrl: `${stack.crm.url}/contacts/4455667/record/0-2/5100002`,
      ownerName: 'Marcus Oyelaran',
      escalatedBy: 'Alex Rivera',
    })
    expect(stack.crm.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /crm/v3/objects/tasks/search',
      'GET /crm/v3/owners/64490002',
    ])
  })

  it('writes the task the CSM needs: owner, due date, priority, key, escaped body, company and contact', async () => {
    await escalationCrm().createTask(input)
    const task = stack.crm.tasks()[0] as unknown as Task
    expect(task.properties).toMatchObject({
      hubspot_owner_id: '64490002',
      hs_task_subject: input.subject,
      hs_task_priority: 'HIGH',
      hs_task_status: 'NOT_STARTED',
      zendesk_escalation_key: input.key,
    })
    expect(task.properties['hs_task_body']).toContain('Mallory &lt;script&gt;x&lt;/script&gt;')
    expect(task.properties['hs_task_body']).not.toContain('<script>')
    expect(task.properties['hs_timestamp']).toMatch(/^(2026-11-25T|\d+$)/)
  })

  it('appends a follow-up to the task body', async () => {
    const tasks = escalationCrm()
    const created = await tasks.createTask(input)
    if (created.kind !== 'created') throw new Error('expected a new task')
    await tasks.appendToTask(created.taskId, 'Follow-up by Sam: customer <angry>')
    const task = stack.crm.tasks()[0] as unknown as Task
    expect(task.properties['hs_task_body']).toMatch(
      /Alex Rivera.*<br><br>Follow-up by Sam: customer &lt;angry&gt;$/s
    )
  })

  it('adds a follow-up once when it is sent again after its answer was lost', async () => {
    const tasks = escalationCrm()
    const created = await tasks.createTask(input)
    if (created.kind !== 'created') throw new Error('expected a new task')
    stack.crm.setWriteFault({ kind: 'lose-answer', remaining: 1 })
    await expect(tasks.appendToTask(created.taskId, 'Called again')).rejects.toMatchObject({
      kind: 'unavailable',
      details: { unconfirmedWrite: true },
    })
    await tasks.appendToTask(created.taskId, 'Called again')
    const body = String((stack.crm.tasks()[0] as unknown as Task).properties['hs_task_body'])
    expect(body.split('Called again')).toHaveLength(2)
    // A different follow-up, or the same one after another, is still added.
    await tasks.appendToTask(created.taskId, 'Called once more')
    await tasks.appendToTask(created.taskId, 'Called again')
    const after = String((stack.crm.tasks()[0] as unknown as Task).properties['hs_task_body'])
    expect(after).toMatch(/Called again<br><br>Called once more<br><br>Called again$/)
  })

  it('names the task property the portal lacks instead of creating an unkeyed task', async () => {
    const tasks = escalationCrm({ field_escalation_external_id: 'zd_key_missing' })
    let failure: unknown
    try {
      await tasks.createTask(input)
    } catch (error) {
      failure = error
    }
    expect(isCrmError(failure) && failure.kind).toBe('field-missing')
    expect(stack.crm.tasks()).toHaveLength(0)
  })

  it('refuses an owner HubSpot does not know, creating nothing', async () => {
    let failure: unknown
    try {
      await escalationCrm().createTask({ ...input, ownerId: '99999999' })
    } catch (error) {
      failure = error
    }
    expect(isCrmError(failure) && failure.kind).toBe('rejected')
    expect(stack.crm.tasks()).toHaveLength(0)
  })
})
