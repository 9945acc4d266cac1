import { describe, expect, it } from 'vitest'
import { createCrm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import { isCrmError } from '../../src/domain/crm-error'
import type { EscalationTaskInput } from '../../src/domain/ports'
import { parseSettings } from '../../src/settings/app-settings'
import { useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

const stack = useContractStack()

function escalationCrm(keyField: string | null) {
  const parsed = parseSettings({
    crm_provider: 'salesforce',
    crm_base_url: stack.crm.url,
    ...(keyField ? { field_escalation_external_id: keyField } : {}),
  })
  if (!parsed.ok) throw new Error('bad settings')
  return createCrm(parsed.settings, zafAdapter(proxyZafClient(stack.zendesk.hostUrl))).escalation
}

const input: EscalationTaskInput = {
  key: 'zd:successbridge-demo:102',
  ticketId: 102,
  subject: '[Escalation] #102 Outage: API returning 500 for all requests',
  description: 'Zendesk ticket #102\nEscalated by: Alex Rivera',
  ownerId: '005000000000002AAA',
  accountId: '001000000000002AAA',
  contactId: '003000000000002AAA',
  priority: 'High',
  dueDate: '2026-11-25',
  afterUnknownOutcome: false,
}

describe('Salesforce escalation tasks against the CRM emulator', () => {
  it('without a key field, looks for the open escalation first and creates only one task', async () => {
    const tasks = escalationCrm(null)
    expect(await tasks.createTask(input)).toMatchObject({
      kind: 'created',
      taskUrl: `${stack.crm.url}/lightning/r/Task/00T000000000001AAA/view`,
    })
    expect(await tasks.createTask(input)).toMatchObject({
      kind: 'exists',
      existing: { taskId: '00T000000000001AAA', ownerName: 'Marcus Oyelaran', escalatedBy: 'Alex Rivera' },
    })
    expect(stack.crm.tasks()).toHaveLength(1)
    expect(stack.crm.tasks()[0]).toMatchObject({
      OwnerId: input.ownerId,
      WhatId: input.accountId,
      WhoId: input.contactId,
      Priority: 'High',
      Status: 'Not Started',
      ActivityDate: '2026-11-25',
    })
    expect(stack.crm.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /services/data/v62.0/query',
      'POST /services/data/v62.0/sobjects/Task',
      'GET /services/data/v62.0/query',
    ])
  })

  it('with an External ID key field, lets Salesforce refuse the duplicate and reads back the existing task', async () => {
    const tasks = escalationCrm('Zendesk_Escalation_Key__c')
    expect(await tasks.createTask(input)).toMatchObject({ kind: 'created' })
    expect(await tasks.createTask(input)).toMatchObject({
      kind: 'exists',
      existing: { taskId: '00T000000000001AAA' },
    })
    expect(stack.crm.tasks()).toHaveLength(1)
    expect(stack.crm.tasks()[0]?.['Zendesk_Escalation_Key__c']).toBe(input.key)
    expect(stack.crm.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /services/data/v62.0/sobjects/Task 201',
      'POST /services/data/v62.0/sobjects/Task 400',
      'GET /services/data/v62.0/query 200',
    ])
  })

  it('never retries a create on its own, and maps a refused owner to a readable kind', async () => {
    const tasks = escalationCrm('Zendesk_Escalation_Key__c')
    stack.crm.setFaults({ mode: 'server-error', remaining: 1 })
    await expect(tasks.createTask(input)).rejects.toMatchObject({ kind: 'unavailable' })
    expect(stack.crm.requests()).toHaveLength(1)

    try {
      await tasks.createTask({ ...input, ownerId: '005999999999999AAA' })
      expect.unreachable()
    } catch (error) {
      expect(isCrmError(error) && [error.kind, error.details.vendorCode]).toEqual([
        'rejected',
        'INVALID_CROSS_REFERENCE_KEY',
      ])
    }
    expect(stack.crm.tasks()).toEqual([])
  })

  it('adds a follow-up once when it is sent again after its answer was lost', async () => {
    const tasks = escalationCrm(null)
    const created = await tasks.createTask(input)
    if (created.kind !== 'created') throw new Error('expected a new task')
    const description = (): string => String(stack.crm.tasks()[0]?.['Description'])
    stack.crm.setWriteFault({ kind: 'lose-answer', remaining: 1 })
    await expect(tasks.appendToTask(created.taskId, 'Called again')).rejects.toMatchObject({
      kind: 'unavailable',
      details: { unconfirmedWrite: true },
    })
    await tasks.appendToTask(created.taskId, 'Called again')
    expect(description().split('Called again')).toHaveLength(2)
    // A different follow-up, or the same one after another, is still added.
    await tasks.appendToTask(created.taskId, 'Called once more')
    await tasks.appendToTask(created.taskId, 'Called again')
    expect(description()).toMatch(/Called again\n\nCalled once more\n\nCalled again$/)
  })
})
