import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { slackFaultSchema, type SlackFault } from './faults'
import { renderMessagesPage } from './messages-page'
import { DEMO_SLACK_SCOPES, DEMO_SLACK_TOKEN, SLACK_CHANNELS, SLACK_USERS, type SlackUser } from './seed'
import { callMethod, NEEDED_SCOPE, type PostedMessage, type WorkspaceState } from './web-api'

export type { PostedMessage, SlackFault, SlackUser }

export interface SlackEmulatorOptions {
  port?: number
  host?: string
  /** The bot token the workspace accepts (`Authorization: Bearer xoxb-…`). */
  token?: string
  /** The scopes granted to that token; a method needing another answers `missing_scope`. */
  scopes?: readonly string[]
  users?: readonly SlackUser[]
}

/** One Web API call, as a test may inspect it (never the token). */
export interface SlackCall {
  readonly method: string
  readonly httpMethod: string
  readonly contentType: string
  readonly args: Readonly<Record<string, unknown>>
  /** What the emulator answered: an `error` code, `ok`, or the fault it played. */
  readonly outcome: string
}

export interface SlackEmulator {
  readonly url: string
  /** The base URL of the Web API, as `https://slack.com/api` is for the real one. */
  readonly apiUrl: string
  messages(): PostedMessage[]
  calls(): SlackCall[]
  /** Faults apply in order; each lasts `remaining` matching calls (one when absent). */
  addFault(fault: SlackFault): void
  /** Later calls with this token answer `token_revoked`. */
  revokeToken(): void
  setScopes(scopes: readonly string[]): void
  reset(): void
  close(): Promise<void>
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** Starts the Slack Web API emulator on loopback. See emulators/slack/README.md. */
export async function startSlackEmulator(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const token = options.token ?? DEMO_SLACK_TOKEN
  let scopes = [...(options.scopes ?? DEMO_SLACK_SCOPES)]
  let revoked = false
  let faults: { fault: SlackFault; remaining: number }[] = []
  let calls: SlackCall[] = []
  let seq = 0
  let origin = ''
  const sockets = new Set<Socket>()
  const state: WorkspaceState = {
    users: options.users ?? SLACK_USERS,
    channels: SLACK_CHANNELS,
    messages: [],
    permalinkBase: () => origin,
    // Slack's ts: seconds.microseconds, unique per channel; one clock for the whole workspace here.
    nextTs: () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`,
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

  const takeFault = (method: string): SlackFault | null => {
    const index = faults.findIndex(({ fault }) => !fault.method || fault.method === method)
    const entry = faults[index]
    if (!entry) return null
    entry.remaining -= 1
    if (entry.remaining <= 0) faults.splice(index, 1)
    return entry.fault
  }

  const webApi = (req: IncomingMessage, res: ServerResponse, method: string, url: URL, raw: string) => {
    const contentType = (req.headers['content-type'] ?? '').toLowerCase()
    const isJson = contentType.startsWith('application/json')
    let args: Record<string, unknown> = Object.fromEntries(url.searchParams)
    if (raw) {
      if (isJson) {
        try {
          const parsed: unknown = JSON.parse(raw)
          if (typeof parsed === 'object' && parsed !== null) args = { ...args, ...parsed }
        } catch {
          return send(res, 200, { ok: false, error: 'invalid_json' })
        }
      } else args = { ...args, ...Object.fromEntries(new URLSearchParams(raw)) }
    }
    const record = (outcome: string): void => {
      const visible = Object.fromEntries(Object.entries(args).filter(([name]) => name !== 'token'))
      calls.push({ method, httpMethod: req.method ?? 'GET', contentType, args: visible, outcome })
    }
    // JSON bodies must carry the token in the header; form posts and queries may name it `token`.
    const bearer = /^Bearer (.*)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim()
    const given = bearer || (!isJson && typeof args['token'] === 'string' ? (args['token'] as string) : '')

    const fault = takeFault(method)
    if (fault?.kind === 'hang') return record('hang')
    if (fault?.kind === 'server-error') {
      record('server-error')
      res.writeHead(500, { 'Content-Type': 'text/html' })
      return void res.end('<html><body><h1>500 Internal Server Error</h1></body></html>')
    }
    if (fault?.kind === 'rate-limited') {
      record('ratelimited')
      return send(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        { 'Retry-After': String(fault.retryAfterSeconds) }
      )
    }
    if (fault?.kind === 'error') {
      record(fault.error)
      return send(res, 200, { ok: false, error: fault.error })
    }

    if (!given) return (record('not_authed'), send(res, 200, { ok: false, error: 'not_authed' }))
    if (given !== token) return (record('invalid_auth'), send(res, 200, { ok: false, error: 'invalid_auth' }))
    if (revoked) return (record('token_revoked'), send(res, 200, { ok: false, error: 'token_revoked' }))
    const needed = NEEDED_SCOPE[method]
    if (needed && !scopes.includes(needed)) {
      record('missing_scope')
      return send(res, 200, { ok: false, error: 'missing_scope', needed, provided: scopes.join(',') })
    }
    const answer = callMethod(method, args, state)
    record(answer.ok ? 'ok' : answer.error)
    if (fault?.kind === 'lose-answer') return void res.destroy()
    // Carried out, then silence: the caller's page is reloaded while it waits.
    if (fault?.kind === 'act-then-hang') return
    send(res, 200, answer, { 'X-OAuth-Scopes': scopes.join(',') })
  }

  const controlPlane = (req: IncomingMessage, res: ServerResponse, path: string, raw: string) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end()
    const route = `${req.method} ${path}`
    if (route === 'GET /__emulator/messages') return send(res, 200, state.messages, cors)
    if (route === 'GET /__emulator/calls') return send(res, 200, calls, cors)
    if (route === 'POST /__emulator/faults') {
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        return send(res, 400, { error: 'Body must be JSON' }, cors)
      }
      const result = slackFaultSchema.safeParse(parsed)
      if (!result.success) return send(res, 400, { error: result.error.issues[0]?.message }, cors)
      emulator.addFault(result.data)
      return void res.writeHead(204, cors).end()
    }
    if (route === 'POST /__emulator/reset') return void (emulator.reset(), res.writeHead(204, cors).end())
    send(res, 404, { error: 'Unknown control-plane endpoint' }, cors)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://localhost')
      const api = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname)
      if (api?.[1]) return webApi(req, res, api[1], url, raw)
      if (url.pathname.startsWith('/__emulator/')) return controlPlane(req, res, url.pathname, raw)
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname.startsWith('/archives/'))) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        return void res.end(renderMessagesPage(state.messages, state.users, state.channels))
      }
      send(res, 404, { ok: false, error: 'unknown_method' })
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  origin = `http://${options.host ?? '127.0.0.1'}:${port}`

  const emulator: SlackEmulator = {
    url: origin,
    apiUrl: `${origin}/api`,
    messages: () => [...state.messages],
    calls: () => [...calls],
    addFault: (fault) => void faults.push({ fault, remaining: fault.remaining ?? 1 }),
    revokeToken: () => void (revoked = true),
    setScopes: (next) => void (scopes = [...next]),
    reset() {
      state.messages.length = 0
      calls = []
      faults = []
      revoked = false
      scopes = [...(options.scopes ?? DEMO_SLACK_SCOPES)]
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
  return emulator
}
