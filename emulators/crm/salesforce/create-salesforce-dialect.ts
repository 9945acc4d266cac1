import type { Dialect, ErrorFault, VendorRequest, VendorResponse } from '../server/dialect'
import { SalesforceDialect } from './dialect'
import { SalesforceOAuth, type OAuthClient } from './oauth'
import { salesforceRecordPage } from './record-pages'
import { SalesforceStore } from './store'

export interface SalesforceOptions {
  readonly token: string
  readonly today: () => Date
  /** Daily API allocation reported in Sforce-Limit-Info. */
  readonly apiLimit: number
  readonly batchSize: number | undefined
  /** The External Client App the OAuth endpoints accept. */
  readonly oauthClient: OAuthClient
  /** This server's origin, the `instance_url` of token answers. */
  readonly origin: () => string
}

/** Salesforce's own bodies for each fault, so the app sees exactly what a real org sends. */
const FAULTS: Record<ErrorFault, VendorResponse> = {
  unauthorized: {
    status: 401,
    body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
  },
  forbidden: {
    status: 403,
    body: [
      {
        message:
          'You do not have the level of access necessary to perform the operation you requested. Please contact the owner of the record or your administrator if access is necessary.',
        errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
      },
    ],
  },
  quota: {
    status: 403,
    body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
  },
  'server-error': {
    status: 500,
    body: [
      {
        message:
          'An unexpected error occurred. Please include this ErrorId if you contact support: 1797430432-117539 (-1386239402)',
        errorCode: 'UNKNOWN_EXCEPTION',
      },
    ],
  },
}

/** Salesforce REST (see salesforce/dialect.ts): bearer token, error arrays, Sforce-Limit-Info on every answer. */
export function createSalesforceDialect(options: SalesforceOptions): Dialect {
  const store = new SalesforceStore(options.today)
  const rest = new SalesforceDialect(store, options.batchSize)
  const oauth = new SalesforceOAuth(options.oauthClient, options.origin)
  let apiUsage = 0
  const bearer = (request: VendorRequest): string =>
    /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? ''
  return {
    name: 'salesforce',
    // The demo's fixed token (the pasted-token installation) or a live OAuth access token.
    authenticate: (request) =>
      bearer(request) === options.token || oauth.accepts(bearer(request)) ? null : FAULTS.unauthorized,
    oauthEndpoint: (request) => oauth.handle(request),
    endOAuth: (how) => (how === 'expire' ? oauth.expireAccessTokens() : oauth.revokeRefreshTokens()),
    oauthRecord: () => ({ tokens: oauth.issuedTokens(), grants: oauth.grantLog() }),
    handle: (request) => rest.handle(request.method, request.path, request.query, request.body),
    fault: (mode) => FAULTS[mode],
    malformedBody: '{"totalSize":1,"done":true,"records":[{"attributes":',
    meter: () => {
      apiUsage += 1
      return { 'Sforce-Limit-Info': `api-usage=${apiUsage}/${options.apiLimit}` }
    },
    describe: (request) => {
      const soql = soqlOf(request)
      return soql.length ? { soql } : {}
    },
    tasks: () => store.records.Task.map((task) => ({ ...task })),
    editRecord: (object, id, fields) => {
      const record = object in store.records ? store.find(object as keyof typeof store.records, id) : null
      if (record) Object.assign(record, fields)
      return record !== null
    },
    reset: () => {
      store.reset()
      oauth.reset()
      apiUsage = 0
    },
    indexPage: () => ({
      title: 'Salesforce dialect',
      summary: 'REST under /services/data/v62.0/ with the bearer token.',
      endpoints: [
        'GET query?q=<SOQL>',
        'GET query/<locator>',
        'POST composite',
        'POST sobjects/Task',
        'PATCH sobjects/Task/Zendesk_Escalation_Key__c/<key>',
        'GET|PATCH sobjects/Task/<id>',
      ],
      sections: [
        {
          heading: 'Accounts',
          columns: ['Id', 'Name', 'Website', 'Health', 'Renewal'],
          rows: store.records.Account.map((a) => [
            a.Id,
            a['Name'],
            a['Website'],
            a['Health_Score__c'],
            a['Renewal_Date__c'],
          ]),
        },
        {
          heading: 'Tasks',
          columns: ['Id', 'Subject', 'Owner'],
          rows: store.records.Task.map((t) => [t.Id, t['Subject'], t['OwnerId']]),
        },
      ],
    }),
    uiPage: (path) => salesforceRecordPage(store, path),
  }
}

/** The SOQL of a query, or of each query sub-request of a composite, for the request log. */
function soqlOf(request: VendorRequest): string[] {
  if (request.path.endsWith('/query')) return [request.query.get('q') ?? '']
  if (!request.path.endsWith('/composite')) return []
  try {
    const parsed = JSON.parse(request.body ?? '') as { compositeRequest?: { url?: string }[] }
    return (parsed.compositeRequest ?? [])
      .map((sub) => new URL(sub.url ?? '', 'http://x').searchParams.get('q'))
      .filter((q): q is string => q !== null)
  } catch {
    return []
  }
}
