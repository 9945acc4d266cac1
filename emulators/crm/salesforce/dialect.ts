import { composite } from './composite'
import { NOT_FOUND } from './errors'
import { QueryEndpoint } from './query'
import type { DialectResponse, SubRequest } from './response'
import type { SalesforceStore } from './store'
import { createTask, getTask, updateTask, upsertTask } from './tasks'

/**
 * Salesforce REST under /services/data/<version>/: query (+ pagination, `query.ts`), Task create /
 * upsert / get / update (`tasks.ts`), and composite (`composite.ts`), which routes its sub-requests
 * back through the same routes.
 */
export class SalesforceDialect {
  private readonly queries: QueryEndpoint

  constructor(
    private readonly store: SalesforceStore,
    batchSize = 2000
  ) {
    this.queries = new QueryEndpoint(store, batchSize)
  }

  handle(
    method: string,
    pathname: string,
    search: URLSearchParams,
    body: string | undefined
  ): DialectResponse {
    const match = /^\/services\/data\/(v\d+\.\d)(\/.*)$/.exec(pathname)
    if (!match) return NOT_FOUND()
    const [, version = 'v62.0', rest = ''] = match
    if (rest === '/composite' && method === 'POST')
      return composite(this.store, (subVersion, sub) => this.route(subVersion, sub), version, body)
    return this.route(version, { method, path: rest, search, body })
  }

  private route(version: string, sub: SubRequest): DialectResponse {
    const { method, path } = sub
    if (path === '/query' && method === 'GET') return this.queries.query(version, sub.search.get('q') ?? '')
    const page = /^\/query\/([\w-]+)$/.exec(path)
    if (page && method === 'GET') return this.queries.nextPage(version, page[1] ?? '')
    if (path === '/sobjects/Task' && method === 'POST') return createTask(this.store, version, sub.body)
    const upsert = /^\/sobjects\/Task\/(\w+)\/([^/]+)$/.exec(path)
    if (upsert && method === 'PATCH')
      return upsertTask(this.store, version, upsert[1] ?? '', decodeURIComponent(upsert[2] ?? ''), sub.body)
    const get = /^\/sobjects\/Task\/(\w+)$/.exec(path)
    if (get && method === 'PATCH') return updateTask(this.store, get[1] ?? '', sub.body)
    if (get && method === 'GET') return getTask(this.store, version, get[1])
    return NOT_FOUND()
  }
}
