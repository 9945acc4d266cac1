import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'
import { z } from 'zod'
import { createAppStaticServer } from './server/app-static-server'
import { proxyRequest, requestOptionsSchema, type ProxyLogEntry } from './server/proxy'
import { renderAgentView } from './server/render-agent-view'
import type { ParameterRule } from './server/substitute-settings'
import { handleZendeskApi } from './server/zendesk-api'
import { loadDefaultSeed, ZendeskState, type Comment, type ZendeskSeed } from './state'

export type { ProxyLogEntry, ZendeskSeed, Comment }

export interface ZendeskEmulatorOptions {
  appDir: string
  hostPort?: number
  appPort?: number
  settings: Record<string, string | number | boolean>
  extraWhitelist?: string[]
  crmControlUrl?: string
  seed?: ZendeskSeed
  proxyTimeoutMs?: number
}

export interface ZendeskEmulator {
  hostUrl: string
  appOrigin: string
  ticketUrl(id: number, opts?: { location?: 'ticket_sidebar' }): string
  proxyLog(): ProxyLogEntry[]
  comments(ticketId: number): Comment[]
  tags(ticketId: number): string[]
  reset(): void
  close(): Promise<void>
}

const manifestSchema = z.object({
  version: z.string().optional(),
  domainWhitelist: z.array(z.string()).optional(),
  location: z.object({ support: z.record(z.string(), z.union([z.string(), z.object({ url: z.string() })])) }),
  parameters: z.array(z.object({ name: z.string(), secure: z.boolean().optional(), scopes: z.array(z.string()).optional() })).optional(),
})

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return sockets
}

/**
 * Starts the emulated Zendesk: the agent view on http://localhost:<hostPort> and the built app on
 * http://127.0.0.1:<appPort> — two origins, as in production. See emulators/zendesk/README.md.
 */
export async function startZendeskEmulator(options: ZendeskEmulatorOptions): Promise<ZendeskEmulator> {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(options.appDir, 'manifest.json'), 'utf8')))
  const location = manifest.location.support['ticket_sidebar']
  if (!location) throw new Error('The app manifest has no ticket_sidebar location')
  const locationUrl = typeof location === 'string' ? location : location.url
  const parameters: Record<string, ParameterRule> = Object.fromEntries(
    (manifest.parameters ?? []).map((p) => [p.name, { secure: p.secure === true, scopes: p.scopes ?? [] }])
  )
  // The iframe sees only non-secure settings, as in Zendesk; secure ones stay in this process.
  const publicSettings = Object.fromEntries(Object.entries(options.settings).filter(([name]) => !parameters[name]?.secure))
  const state = new ZendeskState(options.seed ?? loadDefaultSeed())
  let log: ProxyLogEntry[] = []

  const hostScript = (
    await build({ entryPoints: [join(import.meta.dirname, 'host', 'main.ts')], bundle: true, format: 'esm', write: false, target: 'es2022', logLevel: 'error' })
  ).outputFiles[0]?.text ?? ''

  const appServer = createAppStaticServer(options.appDir)
  const appSockets = trackSockets(appServer)
  const appPort = await listen(appServer, options.appPort ?? 0, '127.0.0.1')
  const appOrigin = `http://127.0.0.1:${appPort}`

  const hostServer = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const body = await readBody(req)
      const json = (status: number, payload: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(payload))
      }
      if (url.pathname === '/' || url.pathname === '/agent') {
        res.writeHead(302, { Location: `/agent/tickets/${state.tickets[0]?.id ?? 1}` })
        return void res.end()
      }
      const ticketPage = /^\/agent\/tickets\/(\d+)$/.exec(url.pathname)
      if (ticketPage && req.method === 'GET') {
        const ticket = state.ticket(Number(ticketPage[1]))
        if (!ticket) {
          res.writeHead(404, { 'Content-Type': 'text/plain' })
          return void res.end('No such ticket')
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        return void res.end(
          renderAgentView(state, ticket, {
            ticketId: ticket.id,
            appUrl: `${appOrigin}/${locationUrl.replace(/^\//, '')}`,
            settings: publicSettings,
            appVersion: manifest.version ?? '0.0.0',
            crmControlUrl: options.crmControlUrl ?? null,
          })
        )
      }
      if (url.pathname === '/host.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' })
        return void res.end(hostScript)
      }
      if (url.pathname === '/__proxy' && req.method === 'POST') {
        let parsed: unknown
        try {
          parsed = JSON.parse(body)
        } catch {
          return json(400, { error: 'Body must be the ZAF request options as JSON' })
        }
        const request = requestOptionsSchema.safeParse(parsed)
        if (!request.success) return json(400, { error: 'Invalid ZAF request options' })
        const result = await proxyRequest(request.data, {
          settings: options.settings,
          parameters,
          domainWhitelist: manifest.domainWhitelist ?? [],
          extraWhitelist: options.extraWhitelist ?? [],
          timeoutMs: options.proxyTimeoutMs ?? 30_000,
          log: (entry) => log.push(entry),
        })
        return json(200, result)
      }
      if (url.pathname.startsWith('/api/v2/')) {
        const response = handleZendeskApi(state, req.method ?? 'GET', url, body)
        return json(response.status, response.body)
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('Not found')
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end('Emulator error')
    })
  })
  const hostSockets = trackSockets(hostServer)
  const hostPort = await listen(hostServer, options.hostPort ?? 0, 'localhost')
  const hostUrl = `http://localhost:${hostPort}`

  const closeServer = (server: Server, sockets: Set<Socket>): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })

  return {
    hostUrl,
    appOrigin,
    ticketUrl: (id) => `${hostUrl}/agent/tickets/${id}`,
    proxyLog: () => [...log],
    comments: (ticketId) => [...(state.comments.get(ticketId) ?? [])],
    tags: (ticketId) => [...(state.ticket(ticketId)?.tags ?? [])],
    reset: () => {
      state.reset()
      log = []
    },
    close: async () => {
      await Promise.all([closeServer(hostServer, hostSockets), closeServer(appServer, appSockets)])
    },
  }
}
