import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { createCustomDialect } from './custom/create-custom-dialect'
import { createHubSpotDialect } from './hubspot/create-hubspot-dialect'
import { createSalesforceDialect } from './salesforce/create-salesforce-dialect'
import type { Dialect, DialectName, VendorRequest } from './server/dialect'
import { FAULT_MODES, faultsSchema, type FaultMode, type Faults } from './server/faults'
import { renderIndexPage } from './server/index-page'

export type { DialectName, FaultMode, Faults }
/** A task record as the dialect stores it: Salesforce Task fields, a HubSpot object, or a Northwind task. */
export type CrmTask = Record<string, unknown>

export interface CrmEmulatorOptions {
  /** The vendor wire format this instance speaks; one per instance. Default salesforce. */
  dialect?: DialectName
  port?: number
  host?: string
  /** The token the emulated CRM accepts (Bearer for Salesforce and HubSpot, X-Api-Key for custom). */
  token?: string
  /** Added before every vendor-API response. */
  latencyMs?: number
  /** Clock for the seed's renewal dates. */
  today?: Date
  /** Clock (epoch ms) for rolling rate-limit windows; tests pass a fixed one. */
  now?: () => number
  /** Salesforce: daily API allocation reported in Sforce-Limit-Info. */
  apiLimit?: number
  /** Salesforce: query batch size (2000); small values let tests exercise pagination. */
  batchSize?: number
  /** HubSpot: search requests allowed per rolling second (default 5). */
  searchPerSecond?: number
  /** Salesforce: the External Client App its OAuth endpoints accept; DEMO_OAUTH_CLIENT by default. */
  oauthClient?: { clientId: string; clientSecret: string }
}

/** The External Client App of the emulated org, which `npm start -- --oauth` packages the app for. */
export const DEMO_OAUTH_CLIENT = {
  clientId: '3MVG9EmulatedSuccessBridgeConsumerKey',
  clientSecret: 'EMULATED0CONSUMER0VALUE0NOT0A0REAL0ONE0000000000000000000000000000',
} as const

export interface RecordedRequest {
  method: string
  path: string
  query: string
  at: number
  status: number
  soql?: string[]
  /** The JSON body of a HubSpot or custom-dialect write or search. */
  body?: string
}

export interface CrmEmulator {
  url: string
  readonly dialect: DialectName
  setFaults(faults: Faults): void
  faults(): Faults
  requests(): RecordedRequest[]
  clearRequests(): void
  /**
   * Faults of writes only (creates and updates, not searches or reads): the write is applied, then
   * its answer is lost (`lose-answer`: the connection drops) or never comes (`hang`: until the
   * caller goes away). Counts down per write; null clears it.
   */
  setWriteFault(fault: WriteFault | null): void
  /** HubSpot: objects created in the last `ms` are not found by search yet, as in HubSpot's index. */
  setSearchLagMs(ms: number): void
  /** The tasks written, as plain JSON objects in the dialect's own shape. */
  tasks(): CrmTask[]
  /**
   * Salesforce: sets fields of a seeded record (`editRecord('User', id, { Name })`) until the next
   * reset, for data the seed does not hold; throws for an unknown record or another dialect.
   */
  editRecord(object: string, id: string, fields: Record<string, unknown>): void
  /** Salesforce: ends every OAuth session now (as a session timeout does); refresh tokens still work. */
  expireAccessTokens(): void
  /** Salesforce: revokes every refresh token and its sessions (as an admin revoking the app does). */
  revokeRefreshTokens(): void
  /** Salesforce: every OAuth access and refresh token issued since the last reset. */
  oauthTokens(): string[]
  /** Salesforce: each token endpoint call, oldest first: grant type, status, OAuth error. */
  oauthGrants(): { grantType: string; status: number; error?: string }[]
  reset(): void
  close(): Promise<void>
}

export interface WriteFault {
  readonly kind: 'lose-answer' | 'hang'
  readonly remaining?: number
}

const JSON_TYPE = 'application/json;charset=UTF-8'

/** A create or update; searches, composite reads and batch reads are POSTs that change nothing. */
function isWrite(request: VendorRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false
  return !/\/(search|query|composite)(\/|$)|\/batch\/read$/.test(request.path)
}

/** Starts the CRM emulator on loopback, in one vendor dialect. See emulators/crm/README.md. */
export async function startCrmEmulator(options: CrmEmulatorOptions = {}): Promise<CrmEmulator> {
  let origin = ''
  const dialect = createDialect(options, () => origin)
  let faults: Faults = { mode: 'none' }
  let writeFault: WriteFault | null = null
  let recorded: RecordedRequest[] = []
  const hanging = new Set<ServerResponse>()
  const sockets = new Set<Socket>()

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void => {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

  const controlPlane = (req: IncomingMessage, res: ServerResponse, path: string, body: string): void => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end()
    const route = `${req.method} ${path}`
    if (route === 'GET /__emulator/faults') return send(res, 200, faults, cors)
    if (route === 'PUT /__emulator/faults') {
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        return send(
          res,
          400,
          { error: `Body must be JSON: {"mode": ${FAULT_MODES.map((m) => `"${m}"`).join(' | ')}}` },
          cors
        )
      }
      const result = faultsSchema.safeParse(parsed)
      if (!result.success)
        return send(
          res,
          400,
          { error: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
          cors
        )
      setFaults(result.data)
      return void res.writeHead(204, cors).end()
    }
    if (route === 'GET /__emulator/requests') return send(res, 200, recorded, cors)
    if (route === 'DELETE /__emulator/requests') return void ((recorded = []), res.writeHead(204, cors).end())
    if (route === 'GET /__emulator/tasks') return send(res, 200, dialect.tasks(), cors)
    if (route === 'POST /__emulator/reset') return void (reset(), res.writeHead(204, cors).end())
    if (
      (route === 'POST /__emulator/oauth/expire' || route === 'POST /__emulator/oauth/revoke') &&
      dialect.endOAuth
    )
      return void (
        dialect.endOAuth(route.endsWith('expire') ? 'expire' : 'revoke'),
        res.writeHead(204, cors).end()
      )
    send(res, 404, { error: 'Unknown control-plane endpoint' }, cors)
  }

  const vendorApi = async (res: ServerResponse, request: VendorRequest, search: string): Promise<void> => {
    const entry: RecordedRequest = {
      method: request.method,
      path: request.path,
      query: search,
      at: Date.now(),
      status: 0,
      ...dialect.describe(request),
    }
    recorded.push(entry)
    const active = faults
    if (active.remaining !== undefined) {
      faults = active.remaining > 1 ? { ...active, remaining: active.remaining - 1 } : { mode: 'none' }
    }
    const delay = (options.latencyMs ?? 0) + (active.latencyMs ?? 0)
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    const metered = dialect.meter(request)
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status
      send(res, status, payload, { ...metered, ...headers })
    }

    if (active.mode === 'hang') {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    if (
      active.mode === 'unauthorized' ||
      active.mode === 'forbidden' ||
      active.mode === 'quota' ||
      active.mode === 'server-error'
    ) {
      const fault = dialect.fault(active.mode, active)
      return reply(fault.status, fault.body, fault.headers)
    }
    const refused = dialect.authenticate(request)
    if (refused) return reply(refused.status, refused.body, refused.headers)
    if (active.mode === 'malformed') return reply(200, dialect.malformedBody)
    if (active.mode === 'empty') return reply(200, '')
    // A captive portal or a misrouted proxy answers with a web page, not the vendor's JSON.
    if (active.mode === 'html')
      return reply(200, '<!doctype html><html><body><h1>Sign in</h1></body></html>', {
        'Content-Type': 'text/html; charset=utf-8',
      })
    const lostWrite = writeFault && isWrite(request) ? writeFault : null
    if (lostWrite && lostWrite.remaining !== undefined)
      writeFault = lostWrite.remaining > 1 ? { ...lostWrite, remaining: lostWrite.remaining - 1 } : null
    const response = dialect.handle(request)
    entry.status = response.status
    if (lostWrite?.kind === 'lose-answer') return void res.destroy()
    if (lostWrite?.kind === 'hang') {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    reply(response.status, response.body, response.headers)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://emulator.local')
      if (url.pathname.startsWith('/__emulator/')) return controlPlane(req, res, url.pathname, body)
      if (url.pathname === '/' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        return void res.end(renderIndexPage(dialect.indexPage()))
      }
      const uiPage = req.method === 'GET' ? dialect.uiPage(url.pathname) : null
      if (uiPage !== null) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        return void res.end(uiPage)
      }
      const request: VendorRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: body || undefined,
        headers: req.headers,
      }
      // Salesforce's login server: not the REST API, so no API faults, metering or request log.
      const oauthAnswer = dialect.oauthEndpoint?.(request) ?? null
      if (oauthAnswer) return send(res, oauthAnswer.status, oauthAnswer.body, oauthAnswer.headers)
      vendorApi(res, request, url.search).catch((error: unknown) => {
        send(res, 500, dialect.fault('server-error', faults).body)
        console.error('CRM emulator:', error)
      })
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function setFaults(next: Faults): void {
    faults = next
    if (next.mode !== 'hang') for (const res of hanging) res.destroy()
  }
  function reset(): void {
    dialect.reset()
    recorded = []
    writeFault = null
    setFaults({ mode: 'none' })
  }

  const host = options.host ?? '127.0.0.1'
  // A busy port must reach the caller as a rejection (npm start names the port), not as an
  // unhandled 'error' event that kills the process with a stack trace.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  origin = `http://${host}:${port}`

  return {
    url: origin,
    dialect: dialect.name,
    setFaults,
    faults: () => faults,
    requests: () => [...recorded],
    clearRequests: () => {
      recorded = []
    },
    setWriteFault: (fault) => {
      writeFault = fault
      if (!fault) for (const res of hanging) res.destroy()
    },
    setSearchLagMs: (ms) => dialect.setSearchLag?.(ms),
    tasks: () => dialect.tasks(),
    editRecord: (object, id, fields) => {
      if (!dialect.editRecord) throw new Error(`The ${dialect.name} dialect cannot edit records`)
      if (!dialect.editRecord(object, id, fields)) throw new Error(`No ${object} ${id} in the seed`)
    },
    expireAccessTokens: () => salesforceOnly(dialect, 'expire OAuth sessions').endOAuth?.('expire'),
    revokeRefreshTokens: () => salesforceOnly(dialect, 'revoke refresh tokens').endOAuth?.('revoke'),
    oauthTokens: () => salesforceOnly(dialect, 'issue OAuth tokens').oauthRecord?.().tokens ?? [],
    oauthGrants: () => salesforceOnly(dialect, 'issue OAuth tokens').oauthRecord?.().grants ?? [],
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function salesforceOnly(dialect: Dialect, what: string): Dialect {
  if (!dialect.endOAuth) throw new Error(`The ${dialect.name} dialect cannot ${what}`)
  return dialect
}

function createDialect(options: CrmEmulatorOptions, origin: () => string): Dialect {
  const token = options.token ?? 'demo-token'
  const today = (): Date => options.today ?? new Date()
  const now = options.now ?? Date.now
  switch (options.dialect ?? 'salesforce') {
    case 'salesforce':
      return createSalesforceDialect({
        token,
        today,
        apiLimit: options.apiLimit ?? 15000,
        batchSize: options.batchSize,
        oauthClient: options.oauthClient ?? DEMO_OAUTH_CLIENT,
        origin,
      })
    case 'hubspot':
      return createHubSpotDialect({ token, today, now, searchPerSecond: options.searchPerSecond ?? 5 })
    case 'custom':
      return createCustomDialect({ token, today, now, origin })
  }
}
