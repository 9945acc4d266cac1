import type { Dialect, ErrorFault, VendorRequest, VendorResponse } from '../server/dialect'
import type { Faults } from '../server/faults'
import { getAccount, listAccounts } from './accounts'
import { nwError } from './errors'
import { northwindRecordPage } from './record-pages'
import { NorthwindStore } from './store'
import { addComment, createTask, getTask, listTasks, updateTaskStatus } from './tasks'
import { taskView } from './views'

export interface CustomOptions {
  readonly token: string
  readonly today: () => Date
  readonly now: () => number
  /** The emulator's own URL, for web_url and task url links (known once it listens). */
  readonly origin: () => string
}

const unauthorized = (): VendorResponse => nwError(401, 'unauthorized', 'Missing or invalid API key')

function faultResponse(mode: ErrorFault, faults: Faults): VendorResponse {
  switch (mode) {
    case 'unauthorized':
      return unauthorized()
    case 'forbidden':
      return nwError(403, 'forbidden', 'This API key may not access this resource')
    case 'quota':
      return nwError(429, 'rate_limited', 'Too many requests; retry later', undefined, {
        'Retry-After': String(faults.retryAfterSeconds ?? 2),
      })
    case 'server-error':
      return nwError(500, 'internal', 'Internal server error')
  }
}

const header = (request: VendorRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** "Northwind Success API": an in-house CS platform's REST API, the example custom-REST CRM. */
export function createCustomDialect(options: CustomOptions): Dialect {
  const store = new NorthwindStore(options.today)

  const route = (request: VendorRequest): VendorResponse => {
    const { method, path, query } = request
    const origin = options.origin()
    const now = new Date(options.now())
    if (path === '/api/v1/accounts' && method === 'GET') return listAccounts(store, query, origin)
    const account = /^\/api\/v1\/accounts\/([^/]+)$/.exec(path)
    if (account && method === 'GET') return getAccount(store, decodeURIComponent(account[1] ?? ''), origin)
    const accountTasks = /^\/api\/v1\/accounts\/([^/]+)\/tasks$/.exec(path)
    if (accountTasks && method === 'POST')
      return createTask(
        store,
        decodeURIComponent(accountTasks[1] ?? ''),
        request.body,
        header(request, 'idempotency-key'),
        now,
        origin
      )
    if (path === '/api/v1/tasks' && method === 'GET') return listTasks(store, query, origin)
    const task = /^\/api\/v1\/tasks\/([^/]+)$/.exec(path)
    if (task && method === 'GET') return getTask(store, decodeURIComponent(task[1] ?? ''), origin)
    if (task && method === 'PATCH')
      return updateTaskStatus(store, decodeURIComponent(task[1] ?? ''), request.body, origin)
    const comments = /^\/api\/v1\/tasks\/([^/]+)\/comments$/.exec(path)
    if (comments && method === 'POST')
      return addComment(store, decodeURIComponent(comments[1] ?? ''), request.body, now)
    return nwError(404, 'not_found', `No route for ${method} ${path}`)
  }

  return {
    name: 'custom',
    authenticate: (request) => (header(request, 'x-api-key') === options.token ? null : unauthorized()),
    handle: route,
    fault: faultResponse,
    malformedBody: '{"data":[{"id":"acc_northwind","name":',
    meter: () => ({}),
    describe: (request) => (request.body ? { body: request.body } : {}),
    tasks: () => store.tasks.map((task) => taskView(task, options.origin())),
    reset: () => store.reset(),
    indexPage: () => ({
      title: 'Northwind Success API (custom REST dialect)',
      summary: 'REST under /api/v1/ with the X-Api-Key header.',
      endpoints: [
        'GET /api/v1/accounts?external_id=|domain=|contact_email=|name=',
        'GET /api/v1/accounts/{id}',
        'POST /api/v1/accounts/{id}/tasks (Idempotency-Key)',
        'GET /api/v1/tasks?external_key=',
        'GET /api/v1/tasks/{id}',
        'PATCH /api/v1/tasks/{id} (status: open | done)',
        'POST /api/v1/tasks/{id}/comments',
      ],
      sections: [
        {
          heading: 'Accounts',
          columns: ['id', 'name', 'domains', 'external_ids', 'owner', 'health', 'renewal_date', 'arr'],
          rows: store.accounts.map((a) => [
            a.id,
            a.name,
            a.domains.join(', '),
            a.external_ids.join(', '),
            a.owner,
            a.health.score,
            a.renewal_date,
            a.arr,
          ]),
        },
        {
          heading: 'Contacts',
          columns: ['id', 'email', 'account'],
          rows: store.contacts.map((c) => [c.id, c.email, c.account]),
        },
        {
          heading: 'Users',
          columns: ['id', 'full_name', 'email'],
          rows: store.users.map((u) => [u.id, u.full_name, u.email]),
        },
        {
          heading: 'Tasks',
          columns: ['id', 'title', 'assignee_id', 'external_key', 'comments'],
          rows: store.tasks.map((t) => [t.id, t.title, t.assignee_id, t.external_key, t.comments.length]),
        },
      ],
    }),
    uiPage: (path) => northwindRecordPage(store, path),
  }
}
