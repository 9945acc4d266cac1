import { z } from 'zod'
import { parseSoql } from './soql/parse'
import { runQuery } from './soql/evaluate'
import { SoqlError } from './soql/soql-error'
import { fieldName, SCHEMA, type SfRecord } from './schema'
import type { SalesforceStore } from './store'

export interface DialectResponse {
  readonly status: number
  readonly body: unknown
  readonly headers?: Record<string, string>
}

interface Sub {
  method: string
  path: string
  search: URLSearchParams
  body: string | undefined
}

const sfError = (status: number, errorCode: string, message: string, fields?: string[]): DialectResponse => ({
  status,
  body: [{ message, errorCode, ...(fields ? { fields } : {}) }],
})
export const NOT_FOUND = (): DialectResponse =>
  sfError(404, 'NOT_FOUND', 'The requested resource does not exist')

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

/**
 * Salesforce REST under /services/data/<version>/: query (+ pagination), Task create / upsert /
 * get, and composite, which routes its sub-requests back through the same handlers.
 */
export class SalesforceDialect {
  private cursors = new Map<string, Record<string, unknown>[]>()
  private cursorCount = 0

  constructor(
    private readonly store: SalesforceStore,
    private readonly batchSize = 2000
  ) {}

  handle(
    method: string,
    pathname: string,
    search: URLSearchParams,
    body: string | undefined
  ): DialectResponse {
    const match = /^\/services\/data\/(v\d+\.\d)(\/.*)$/.exec(pathname)
    if (!match) return NOT_FOUND()
    const [, version = 'v62.0', rest = ''] = match
    if (rest === '/composite' && method === 'POST') return this.composite(version, body)
    return this.route(version, { method, path: rest, search, body })
  }

  private route(version: string, sub: Sub): DialectResponse {
    const { method, path } = sub
    if (path === '/query' && method === 'GET') return this.query(version, sub.search.get('q') ?? '')
    const page = /^\/query\/([\w-]+)$/.exec(path)
    if (page && method === 'GET') return this.nextPage(version, page[1] ?? '')
    if (path === '/sobjects/Task' && method === 'POST') return this.createTask(version, sub.body)
    const upsert = /^\/sobjects\/Task\/(\w+)\/([^/]+)$/.exec(path)
    if (upsert && method === 'PATCH')
      return this.upsertTask(version, upsert[1] ?? '', decodeURIComponent(upsert[2] ?? ''), sub.body)
    const get = /^\/sobjects\/Task\/(\w+)$/.exec(path)
    if (get && method === 'PATCH') return this.updateTask(get[1] ?? '', sub.body)
    if (get && method === 'GET') {
      const task = this.store.find('Task', get[1])
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
    return NOT_FOUND()
  }

  private query(version: string, soql: string): DialectResponse {
    try {
      const records = runQuery(this.store, parseSoql(soql), version)
      return this.page(version, records, records.length)
    } catch (error) {
      if (error instanceof SoqlError) return sfError(400, error.errorCode, error.message)
      throw error
    }
  }

  private page(version: string, records: Record<string, unknown>[], totalSize: number): DialectResponse {
    if (records.length <= this.batchSize) return { status: 200, body: { totalSize, done: true, records } }
    this.cursorCount += 1
    const locator = `01gD0000000${String(this.cursorCount).padStart(5, '0')}`
    const offset = totalSize - records.length + this.batchSize
    this.cursors.set(`${locator}-${offset}`, records.slice(this.batchSize))
    return {
      status: 200,
      body: {
        totalSize,
        done: false,
        nextRecordsUrl: `/services/data/${version}/query/${locator}-${offset}`,
        records: records.slice(0, this.batchSize),
      },
    }
  }

  private nextPage(version: string, cursor: string): DialectResponse {
    const rest = this.cursors.get(cursor)
    if (!rest) return sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator')
    this.cursors.delete(cursor)
    const offset = Number(cursor.split('-')[1] ?? 0)
    return this.page(version, rest, offset + rest.length)
  }

  private validateTask(fields: Record<string, unknown>, existing: SfRecord | null): DialectResponse | null {
    if ('Id' in fields)
      return sfError(400, 'INVALID_FIELD', 'The Id field should not be specified in the sobject data.')
    for (const name of Object.keys(fields)) {
      if (!WRITABLE_TASK_FIELDS.includes(name) || !fieldName('Task', name)) {
        return sfError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type Task`)
      }
    }
    const merged = { ...existing, ...fields }
    const owner = this.store.find('User', merged['OwnerId'] ?? QUEUE_USER)
    if (!owner || owner['IsActive'] !== true)
      return sfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['OwnerId'])
    if (merged['WhatId'] && !this.store.find('Account', merged['WhatId']))
      return sfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['WhatId'])
    if (merged['WhoId'] && !this.store.find('Contact', merged['WhoId']))
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
      this.store.records.Task.some((task) => task !== existing && task['Zendesk_Escalation_Key__c'] === key)
    ) {
      return sfError(
        400,
        'DUPLICATE_VALUE',
        `duplicate value found: Zendesk_Escalation_Key__c duplicates value on record with id: ${key}`,
        ['Zendesk_Escalation_Key__c']
      )
    }
    return null
  }

  private parseBody(body: string | undefined): Record<string, unknown> | DialectResponse {
    try {
      const parsed: unknown = JSON.parse(body ?? '')
      const object = z.record(z.string(), z.unknown()).safeParse(parsed)
      if (object.success) return object.data
    } catch {
      // fall through
    }
    return sfError(400, 'JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON object')
  }

  private insertTask(
    version: string,
    fields: Record<string, unknown>
  ): { id: string; headers: Record<string, string> } {
    const id = this.store.nextTaskId()
    this.store.records.Task.push({
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

  private createTask(version: string, body: string | undefined): DialectResponse {
    const fields = this.parseBody(body)
    if ('status' in fields && 'body' in fields && typeof fields['status'] === 'number')
      return fields as unknown as DialectResponse
    const invalid = this.validateTask(fields as Record<string, unknown>, null)
    if (invalid) return invalid
    const { id, headers } = this.insertTask(version, fields as Record<string, unknown>)
    return { status: 201, body: { id, success: true, errors: [] }, headers }
  }

  /** PATCH by Id: Salesforce answers 204 with no body. */
  private updateTask(id: string, body: string | undefined): DialectResponse {
    const task = this.store.find('Task', id)
    if (!task) return NOT_FOUND()
    const fields = this.parseBody(body)
    if ('status' in fields && 'body' in fields && typeof fields['status'] === 'number')
      return fields as unknown as DialectResponse
    const invalid = this.validateTask(fields as Record<string, unknown>, task)
    if (invalid) return invalid
    Object.assign(task, fields)
    task['IsClosed'] = task['Status'] === 'Completed'
    return { status: 204, body: '' }
  }

  private upsertTask(
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
    const fields = this.parseBody(body)
    if ('status' in fields && 'body' in fields && typeof fields['status'] === 'number')
      return fields as unknown as DialectResponse
    const input = { ...(fields as Record<string, unknown>), Zendesk_Escalation_Key__c: value }
    const existing = this.store.records.Task.filter((task) => task['Zendesk_Escalation_Key__c'] === value)
    if (existing.length > 1)
      return {
        status: 300,
        body: existing.map((task) => `/services/data/${version}/sobjects/Task/${task.Id}`),
      }
    const current = existing[0] ?? null
    const invalid = this.validateTask(input, current)
    if (invalid) return invalid
    if (current) {
      Object.assign(current, input)
      return { status: 200, body: { id: current.Id, success: true, errors: [], created: false } }
    }
    const { id, headers } = this.insertTask(version, input)
    return { status: 201, body: { id, success: true, errors: [], created: true }, headers }
  }

  private composite(version: string, body: string | undefined): DialectResponse {
    const schema = z.object({
      allOrNone: z.boolean().optional(),
      collateSubrequests: z.boolean().optional(),
      compositeRequest: z.array(
        z.object({
          method: z.string(),
          url: z.string(),
          referenceId: z.string().regex(/^\w+$/),
          body: z.unknown().optional(),
          httpHeaders: z.record(z.string(), z.string()).optional(),
        })
      ),
    })
    let parsed: z.infer<typeof schema>
    try {
      parsed = schema.parse(JSON.parse(body ?? ''))
    } catch {
      return sfError(400, 'JSON_PARSER_ERROR', 'The composite request body is not valid')
    }
    if (parsed.compositeRequest.length > 25)
      return sfError(400, 'LIMIT_EXCEEDED', 'Composite requests are limited to 25 subrequests')

    const snapshot = this.store.records.Task.map((task) => ({ ...task }))
    const results = new Map<string, unknown>()
    const responses: {
      body: unknown
      httpHeaders: Record<string, string>
      httpStatusCode: number
      referenceId: string
    }[] = []
    let failed = false
    for (const sub of parsed.compositeRequest) {
      if (failed && parsed.allOrNone) {
        responses.push({ body: halted(), httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId })
        continue
      }
      const forbidden = Object.keys(sub.httpHeaders ?? {}).find((name) =>
        ['authorization', 'accept', 'content-type'].includes(name.toLowerCase())
      )
      let response: DialectResponse
      try {
        if (forbidden)
          response = sfError(
            400,
            'INVALID_HEADER_TYPE',
            `The ${forbidden} header can't be set on a subrequest`
          )
        else {
          const url = new URL(substitute(sub.url, results, true), 'http://composite.local')
          const subBody =
            sub.body === undefined
              ? undefined
              : JSON.stringify(JSON.parse(substitute(JSON.stringify(sub.body), results, false)))
          const match = /^\/services\/data\/(v\d+\.\d)(\/.*)$/.exec(url.pathname)
          response = match
            ? this.route(match[1] ?? version, {
                method: sub.method.toUpperCase(),
                path: match[2] ?? '',
                search: url.searchParams,
                body: subBody,
              })
            : NOT_FOUND()
        }
      } catch (error) {
        if (!(error instanceof UnresolvedReference)) throw error
        response = {
          status: 400,
          body: [
            {
              errorCode: 'PROCESSING_HALTED',
              message: `Invalid reference specified. No value for ${error.reference} found in ${error.referenceId}.`,
            },
          ],
        }
      }
      if (response.status >= 400) failed = true
      else results.set(sub.referenceId, response.body)
      responses.push({
        body: response.body,
        httpHeaders: response.headers ?? {},
        httpStatusCode: response.status,
        referenceId: sub.referenceId,
      })
    }
    if (failed && parsed.allOrNone) {
      this.store.records.Task = snapshot
      for (const response of responses) {
        if (response.httpStatusCode < 400)
          Object.assign(response, { body: halted(), httpHeaders: {}, httpStatusCode: 400 })
      }
    }
    return { status: 200, body: { compositeResponse: responses } }
  }
}

function halted(): unknown {
  return [
    {
      errorCode: 'PROCESSING_HALTED',
      message: 'The transaction was rolled back since another operation in the same transaction failed.',
    },
  ]
}

class UnresolvedReference extends Error {
  constructor(
    readonly referenceId: string,
    readonly reference: string
  ) {
    super(`No value for ${reference}`)
  }
}

/** Replaces @{ref.path} with values from earlier sub-responses (dots and [n] indexes). */
function substitute(text: string, results: Map<string, unknown>, encode: boolean): string {
  return text.replace(/@\{(\w+)((?:\.\w+|\[\d+\])*)\}/g, (whole, referenceId: string, path: string) => {
    let value: unknown = results.get(referenceId)
    if (value === undefined) throw new UnresolvedReference(referenceId, whole)
    for (const step of path.match(/\.\w+|\[\d+\]/g) ?? []) {
      const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1)
      value =
        value !== null && typeof value === 'object'
          ? (value as Record<string | number, unknown>)[key]
          : undefined
    }
    if (value === undefined || value === null) throw new UnresolvedReference(referenceId, whole)
    const text = String(value)
    return encode ? encodeURIComponent(text) : JSON.stringify(text).slice(1, -1)
  })
}

export { SCHEMA }
