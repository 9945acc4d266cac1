/** sobjects/Task: create, upsert by the escalation key, read and update by Id. */
import { isResponse, jsonObject, NOT_FOUND, sfError } from './errors'
import type { DialectResponse } from './response'
import { fieldName, type SfRecord } from './schema'
import type { SalesforceStore } from './store'

const PRIORITIES = ['High', 'Normal', 'Low']
const STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred']
const WRITABLE_TASK_FIELDS = [
  'Subject',
  'Description',
  'OwnerId',
  'WhatId',
  'WhoId',
  'Priority',
  'Status',
  'ActivityDate',
  'Zendesk_Escalation_Key__c',
]
const QUEUE_USER = '005000000000009AAA'

function validateTask(
  store: SalesforceStore,
  fields: Record<string, unknown>,
  existing: SfRecord | null
): DialectResponse | null {
  if ('Id' in fields)
    return sfError(400, 'INVALID_FIELD', 'The Id field should not be specified in the sobject data.')
  for (const name of Object.keys(fields)) {
    if (!WRITABLE_TASK_FIELDS.includes(name) || !fieldName('Task', name)) {
      return sfError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type Task`)
    }
  }
  const merged = { ...existing, ...fields }
  const owner = store.find('User', merged['OwnerId'] ?? QUEUE_USER)
  if (!owner || owner['IsActive'] !== true)
    return sfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['OwnerId'])
  if (merged['WhatId'] && !store.find('Account', merged['WhatId']))
    return sfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['WhatId'])
  if (merged['WhoId'] && !store.find('Contact', merged['WhoId']))
    return sfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['WhoId'])
  if (merged['Priority'] !== undefined && !PRIORITIES.includes(String(merged['Priority']))) {
    return sfError(
      400,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `bad value for restricted picklist field: ${String(merged['Priority'])}`,
      ['Priority']
    )
  }
  if (merged['Status'] !== undefined && !STATUSES.includes(String(merged['Status']))) {
    return sfError(
      400,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `bad value for restricted picklist field: ${String(merged['Status'])}`,
      ['Status']
    )
  }
  if (typeof merged['Subject'] === 'string' && merged['Subject'].length > 255) {
    return sfError(400, 'STRING_TOO_LONG', 'Subject: data value too large', ['Subject'])
  }
  const key = merged['Zendesk_Escalation_Key__c']
  if (
    key &&
    store.records.Task.some((task) => task !== existing && task['Zendesk_Escalation_Key__c'] === key)
  ) {
    return sfError(
      400,
      'DUPLICATE_VALUE',
      `duplicate value found: Zendesk_Escalation_Key__c duplicates value on record with id: ${String(key)}`,
      ['Zendesk_Escalation_Key__c']
    )
  }
  return null
}

function insertTask(
  store: SalesforceStore,
  version: string,
  fields: Record<string, unknown>
): { id: string; headers: Record<string, string> } {
  const id = store.nextTaskId()
  store.records.Task.push({
    Status: 'Not Started',
    Priority: 'Normal',
    OwnerId: QUEUE_USER,
    ...fields,
    Id: id,
    CreatedDate: new Date().toISOString().replace('Z', '+0000'),
    CreatedById: QUEUE_USER,
    // Read-only in Salesforce, derived from Status: 'Completed' is the default org's closed status.
    IsClosed: (fields['Status'] ?? 'Not Started') === 'Completed',
  })
  return { id, headers: { Location: `/services/data/${version}/sobjects/Task/${id}` } }
}

/** POST sobjects/Task. */
export function createTask(
  store: SalesforceStore,
  version: string,
  body: string | undefined
): DialectResponse {
  const fields = jsonObject(body)
  if (isResponse(fields)) return fields
  const invalid = validateTask(store, fields, null)
  if (invalid) return invalid
  const { id, headers } = insertTask(store, version, fields)
  return { status: 201, body: { id, success: true, errors: [] }, headers }
}

/** GET sobjects/Task/<id>. */
export function getTask(store: SalesforceStore, version: string, id: string | undefined): DialectResponse {
  const task = store.find('Task', id)
  return task
    ? {
        status: 200,
        body: {
          attributes: { type: 'Task', url: `/services/data/${version}/sobjects/Task/${task.Id}` },
          ...task,
        },
      }
    : NOT_FOUND()
}

/** PATCH sobjects/Task/<id>: Salesforce answers 204 with no body. */
export function updateTask(store: SalesforceStore, id: string, body: string | undefined): DialectResponse {
  const task = store.find('Task', id)
  if (!task) return NOT_FOUND()
  const fields = jsonObject(body)
  if (isResponse(fields)) return fields
  const invalid = validateTask(store, fields, task)
  if (invalid) return invalid
  Object.assign(task, fields)
  task['IsClosed'] = task['Status'] === 'Completed'
  return { status: 204, body: '' }
}

/** PATCH sobjects/Task/Zendesk_Escalation_Key__c/<key>: 201 created, 200 updated, 300 when ambiguous. */
export function upsertTask(
  store: SalesforceStore,
  version: string,
  field: string,
  value: string,
  body: string | undefined
): DialectResponse {
  if (field !== 'Zendesk_Escalation_Key__c')
    return {
      status: 404,
      body: { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    }
  const fields = jsonObject(body)
  if (isResponse(fields)) return fields
  const input = { ...fields, Zendesk_Escalation_Key__c: value }
  const existing = store.records.Task.filter((task) => task['Zendesk_Escalation_Key__c'] === value)
  if (existing.length > 1)
    return {
      status: 300,
      body: existing.map((task) => `/services/data/${version}/sobjects/Task/${task.Id}`),
    }
  const current = existing[0] ?? null
  const invalid = validateTask(store, input, current)
  if (invalid) return invalid
  if (current) {
    Object.assign(current, input)
    return { status: 200, body: { id: current.Id, success: true, errors: [], created: false } }
  }
  const { id, headers } = insertTask(store, version, input)
  return { status: 201, body: { id, success: true, errors: [], created: true }, headers }
}
