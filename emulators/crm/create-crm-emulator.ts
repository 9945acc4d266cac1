import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { SalesforceDialect } from './salesforce/dialect'
import type { SfRecord } from './salesforce/schema'
import { SalesforceStore } from './salesforce/store'
import { renderIndexPage } from './server/agent-page'
import { FAULT_RESPONSES, faultsSchema, MALFORMED_BODY, type FaultMode, type Faults } from './server/faults'

export type { FaultMode, Faults }
export type SalesforceTask = SfRecord

export interface CrmEmulatorOptions {
  port?: number
  host?: string
  /** The bearer token the emulated org accepts. */
  token?: string
  /** Added before every vendor-API response. */
  latencyMs?: number
  /** Clock for the seed's renewal dates. */
  today?: Date
  /** Daily API allocation reported in Sforce-Limit-Info. */
  apiLimit?: number
  /** Query batch size (Salesforce: 2000); small values let tests exercise pagination. */
  batchSize?: number
}

export interface RecordedRequest {
  method: string
  path: string
  query: string
  at: number
  status: number
  soql?: string[]
}

export interface CrmEmulator {
  url: string
  setFaults(faults: Faults): void
  faults(): Faults
  requests(): RecordedRequest[]
  clearRequests(): void
  tasks(): SalesforceTask[]
  reset(): void
  close(): Promise<void>
}

const JSON_TYPE = 'application/json;charset=UTF-8'

/** Starts the CRM emulator (Salesforce REST dialect) on loopback. See emulators/crm/README.md. */
export async function startCrmEmulator(options: CrmEmulatorOptions = {}): Promise<CrmEmulator> {
  const token = options.token ?? 'demo-token'
  const apiLimit = options.apiLimit ?? 15000
  const store = new SalesforceStore(() => options.today ?? new Date())
  const dialect = new SalesforceDialect(store, options.batchSize)
  let faults: Faults = { mode: 'none' }
  let recorded: RecordedRequest[] = []
  let apiUsage = 0
  const hanging = new Set<ServerResponse>()
  const sockets = new Set<Socket>()

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

  const controlPlane = (req: IncomingMessage, res: ServerResponse, path: string, body: string): void => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type' }
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end()
    const route = `${req.method} ${path}`
    if (route === 'GET /__emulator/faults') return send(res, 200, faults, cors)
    if (route === 'PUT /__emulator/faults') {
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        return send(res, 400, { error: 'Body must be JSON: {"mode": "none" | "unauthorized" | "quota" | "server-error" | "malformed" | "hang"}' }, cors)
      }
      const result = faultsSchema.safeParse(parsed)
      if (!result.success) return send(res, 400, { error: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, cors)
      setFaults(result.data)
      return void res.writeHead(204, cors).end()
    }
    if (route === 'GET /__emulator/requests') return send(res, 200, recorded, cors)
    if (route === 'DELETE /__emulator/requests') return void ((recorded = []), res.writeHead(204, cors).end())
    if (route === 'GET /__emulator/tasks') return send(res, 200, store.records.Task, cors)
    if (route === 'POST /__emulator/reset') return void (reset(), res.writeHead(204, cors).end())
    send(res, 404, { error: 'Unknown control-plane endpoint' }, cors)
  }

  const vendorApi = async (req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> => {
    const entry: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.search, at: Date.now(), status: 0 }
    const soql = soqlOf(url, body)
    if (soql.length) entry.soql = soql
    recorded.push(entry)
    const active = faults
    if (active.remaining !== undefined) {
      faults = active.remaining > 1 ? { ...active, remaining: active.remaining - 1 } : { mode: 'none' }
    }
    const delay = (options.latencyMs ?? 0) + (active.latencyMs ?? 0)
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    apiUsage += 1
    const limitInfo = { 'Sforce-Limit-Info': `api-usage=${apiUsage}/${apiLimit}` }
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status
      send(res, status, payload, { ...limitInfo, ...headers })
    }

    if (active.mode === 'hang') {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    if (active.mode === 'unauthorized' || active.mode === 'quota' || active.mode === 'server-error') {
      const fault = FAULT_RESPONSES[active.mode]
      return reply(fault.status, fault.body)
    }
    if (req.headers.authorization !== `Bearer ${token}`) return reply(401, FAULT_RESPONSES.unauthorized.body)
    if (active.mode === 'malformed') return reply(200, MALFORMED_BODY)
    const response = dialect.handle(req.method ?? 'GET', url.pathname, url.searchParams, body || undefined)
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
        return void res.end(renderIndexPage(store))
      }
      if (url.pathname.startsWith('/lightning/r/')) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        return void res.end(`Emulated Salesforce record page: ${url.pathname}`)
      }
      vendorApi(req, res, url, body).catch((error: unknown) => {
        send(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }])
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
    store.reset()
    recorded = []
    apiUsage = 0
    setFaults({ mode: 'none' })
  }

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    url: `http://${host}:${port}`,
    setFaults,
    faults: () => faults,
    requests: () => [...recorded],
    clearRequests: () => {
      recorded = []
    },
    tasks: () => store.records.Task.map((task) => ({ ...task })),
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** The SOQL of a query, or of each query sub-request of a composite, for the request log. */
function soqlOf(url: URL, body: string): string[] {
  if (url.pathname.endsWith('/query')) return [url.searchParams.get('q') ?? '']
  if (!url.pathname.endsWith('/composite')) return []
  try {
    const parsed = JSON.parse(body) as { compositeRequest?: { url?: string }[] }
    return (parsed.compositeRequest ?? [])
      .map((sub) => new URL(sub.url ?? '', 'http://x').searchParams.get('q'))
      .filter((q): q is string => q !== null)
  } catch {
    return []
  }
}
