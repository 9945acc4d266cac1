import { randomUUID } from 'node:crypto'
import type { Dialect, ErrorFault, VendorRequest, VendorResponse } from '../server/dialect'
import type { Faults } from '../server/faults'
import { RollingWindow } from '../server/rolling-window'
import { hsError, jsonObject, notFound } from './errors'
import { getOwner, listOwners } from './owners'
import { batchRead, getObject } from './read-objects'
import { isObjectType } from './schema'
import { hubSpotRecordPage } from './record-pages'
import { search } from './search'
import { HubSpotStore } from './store'
import { createTask, updateTask } from './tasks'

export interface HubSpotOptions {
  readonly token: string
  readonly today: () => Date
  readonly now: () => number
  /** Search requests allowed per rolling second. */
  readonly searchPerSecond: number
}

/** A private app on a Professional portal: 190 requests per 10 s, 650 000 per day. */
const TEN_SECOND_MAX = 190
const DAILY_MAX = 650_000

const rateLimited = (message: string, policyName: string, groupName: string): VendorResponse => ({
  status: 429,
  body: {
    status: 'error',
    message,
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName,
    groupName,
  },
})

function faultResponse(mode: ErrorFault, faults: Faults): VendorResponse {
  switch (mode) {
    case 'unauthorized':
      return unauthorized()
    case 'forbidden':
      return hsError(
        403,
        'MISSING_SCOPES',
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
        [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: ['crm.objects.companies.read'] },
          },
        ],
        { links: { scopes: 'https://developers.hubspot.com/scopes' } }
      )
    case 'quota': {
      const response = rateLimited(
        'You have reached your ten_secondly_rolling limit.',
        'TEN_SECONDLY_ROLLING',
        'publicapi:private-app:10s'
      )
      const headers: Record<string, string> = { 'X-HubSpot-RateLimit-Remaining': '0' }
      if (faults.retryAfterSeconds !== undefined) headers['Retry-After'] = String(faults.retryAfterSeconds)
      return { ...response, headers }
    }
    case 'server-error':
      return hsError(500, 'INTERNAL_ERROR', 'internal error')
  }
}

const unauthorized = (): VendorResponse =>
  hsError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'
  )

const isSearch = (request: VendorRequest): boolean =>
  request.method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search$/.test(request.path)

/** HubSpot CRM v3 (bearer token, string-valued properties, search with its own per-second limit). */
export function createHubSpotDialect(options: HubSpotOptions): Dialect {
  const store = new HubSpotStore(options.today)
  const searches = new RollingWindow(1000, options.now)
  const tenSeconds = new RollingWindow(10_000, options.now)
  let daily = 0
  // The search index's lag behind writes (HubSpot: seconds); 0 indexes every write at once.
  let searchLagMs = 0

  const route = (request: VendorRequest): VendorResponse => {
    const { method, path, query } = request
    const now = new Date(options.now())
    const object = /^\/crm\/v3\/objects\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path)
    if (object) {
      const [, type = '', first, second] = object
      if (!isObjectType(type))
        return hsError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${type}`)
      if (first === 'search' && second === undefined && method === 'POST') {
        if (!searches.admit(options.searchPerSecond))
          return rateLimited('You have reached your secondly limit.', 'SECONDLY', 'publicapi:search')
        return search(store, type, jsonObject(request.body), options.now() - searchLagMs)
      }
      if (first === 'batch' && second === 'read' && method === 'POST')
        return batchRead(store, type, jsonObject(request.body))
      if (first === undefined && method === 'POST' && type === 'tasks')
        return createTask(store, jsonObject(request.body), now)
      if (first !== undefined && second === undefined) {
        const id = decodeURIComponent(first)
        if (method === 'GET') return getObject(store, type, id, query)
        if (method === 'PATCH' && type === 'tasks')
          return updateTask(store, id, jsonObject(request.body), now)
      }
      return notFound(`No route for ${method} ${path}`)
    }
    if (method === 'GET' && /^\/crm\/v3\/owners\/?$/.test(path)) return listOwners(store, query)
    const owner = /^\/crm\/v3\/owners\/([^/]+)$/.exec(path)
    if (owner && method === 'GET') return getOwner(store, decodeURIComponent(owner[1] ?? ''), query)
    return notFound(`No route for ${method} ${path}`)
  }

  return {
    name: 'hubspot',
    authenticate: (request) =>
      request.headers.authorization === `Bearer ${options.token}` ? null : unauthorized(),
    handle: route,
    fault: faultResponse,
    malformedBody: '{"total":1,"results":[{"id":"5100001","properties":{"name":',
    meter: (request) => {
      const correlation = { 'X-HubSpot-Correlation-Id': randomUUID() }
      // Search answers carry no rate-limit headers: its limit is separate (community-observed).
      if (isSearch(request)) return correlation
      tenSeconds.record()
      daily += 1
      return {
        ...correlation,
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
        'X-HubSpot-RateLimit-Max': String(TEN_SECOND_MAX),
        'X-HubSpot-RateLimit-Remaining': String(Math.max(0, TEN_SECOND_MAX - tenSeconds.count())),
        'X-HubSpot-RateLimit-Daily': String(DAILY_MAX),
        'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, DAILY_MAX - daily)),
      }
    },
    describe: (request) => (request.body ? { body: request.body } : {}),
    tasks: () =>
      store.objects.tasks.map((task) => ({
        ...structuredClone(task),
        associations: {
          companies: store.associated('tasks', task.id, 'companies'),
          contacts: store.associated('tasks', task.id, 'contacts'),
        },
      })),
    setSearchLag: (ms) => {
      searchLagMs = ms
    },
    reset: () => {
      store.reset()
      searchLagMs = 0
      searches.clear()
      tenSeconds.clear()
      daily = 0
    },
    indexPage: () => ({
      title: 'HubSpot dialect',
      summary: `CRM v3 under /crm/v3/ with Authorization: Bearer <token>; portal ${store.portalId}; search limited to ${options.searchPerSecond} requests per second.`,
      endpoints: [
        'GET /crm/v3/objects/{companies|contacts|tasks}/{id}?properties=&associations=&idProperty=&archived=',
        'POST /crm/v3/objects/{companies|contacts|tasks}/search',
        'POST /crm/v3/objects/{type}/batch/read',
        'POST /crm/v3/objects/tasks',
        'PATCH /crm/v3/objects/tasks/{id}',
        'GET /crm/v3/owners/{ownerId}',
        'GET /crm/v3/owners/?email=',
      ],
      sections: [
        {
          heading: 'Companies',
          columns: [
            'id',
            'name',
            'domain',
            'hubspot_owner_id',
            'health_score',
            'renewal_date',
            'arr',
            'archived',
          ],
          rows: store.objects.companies.map((c) => [
            c.id,
            c.properties['name'],
            c.properties['domain'],
            c.properties['hubspot_owner_id'],
            c.properties['health_score'],
            c.properties['renewal_date'],
            c.properties['arr'],
            c.archived,
          ]),
        },
        {
          heading: 'Contacts',
          columns: ['id', 'email', 'companies'],
          rows: store.objects.contacts.map((c) => [
            c.id,
            c.properties['email'],
            store.associated('contacts', c.id, 'companies').join(', '),
          ]),
        },
        {
          heading: 'Owners',
          columns: ['id', 'name', 'email'],
          rows: store.owners.map((o) => [o.id, `${o.firstName} ${o.lastName}`, o.email]),
        },
        {
          heading: 'Tasks',
          columns: ['id', 'hs_task_subject', 'hubspot_owner_id', 'zendesk_escalation_key'],
          rows: store.objects.tasks.map((t) => [
            t.id,
            t.properties['hs_task_subject'],
            t.properties['hubspot_owner_id'],
            t.properties['zendesk_escalation_key'],
          ]),
        },
      ],
    }),
    uiPage: (path) => hubSpotRecordPage(store, path),
  }
}
