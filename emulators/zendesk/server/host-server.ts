import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { ZendeskState } from '../state'
import { agentViewData, type AgentPage, type AgentViewInputs } from './agent-view-data'
import type { ApiContext } from './api-shapes'
import { BodyTooLargeError, readBody, sendJson, sendText } from './http-helpers'
import { proxyRequest, requestOptionsSchema, type ProxyConfig, type ProxyLogEntry } from './proxy'
import { renderAgentView } from './render-agent-view'
import { renderInstallationPage } from './render-installation-page'
import type { ApiFaultSwitch, ProxyFaultSwitch } from './api-faults'
import { handleZendeskApi } from './zendesk-api'
import { methodOf } from '../host/request-options'

export interface HostServerDeps {
  readonly state: ZendeskState
  readonly hostScript: string
  readonly agentView: AgentViewInputs
  /** The app pages' origins, allowed as frame sources by the agent view's CSP. */
  readonly appFrameOrigins: readonly string[]
  readonly proxy: ProxyConfig
  readonly apiFaults: ApiFaultSwitch
  readonly proxyFaults: ProxyFaultSwitch
  /** Records each Zendesk API request the host answers, as `METHOD /path`. */
  readonly apiLog?: (request: string) => void
  /** The installation settings page's OAuth prompt, for an app with a manifest `oauth` block. */
  readonly installation?: { readonly appName: string; readonly oauthLabel: string }
}

/** Where the provider sends the admin back: Zendesk's documented redirect URI, on this host. */
export const OAUTH_CALLBACK_PATH = '/api/services/zis/connections/oauth/callback'

const AGENT_COOKIE = 'zd_agent'

/**
 * Who is signed in: `?as=<user id>` on an agent page signs that agent in for this browser profile
 * (a cookie, as Zendesk's session is), so two profiles can be two agents on one ticket.
 */
function signedInAgent(req: IncomingMessage, url: URL, state: ZendeskState): number {
  const asked = Number(url.searchParams.get('as') ?? NaN)
  if (
    Number.isInteger(asked) &&
    state.user(asked)?.role !== undefined &&
    state.user(asked)?.role !== 'end-user'
  )
    return asked
  const cookie = /(?:^|;\s*)zd_agent=(\d+)/.exec(req.headers.cookie ?? '')?.[1]
  return cookie ? Number(cookie) : state.seed.currentUser.id
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * A write from another origin is not the agent's own page (the app iframe, or any other site):
 * Zendesk's session endpoints refuse those. Requests without Origin (tests, curl) are allowed.
 */
function crossOriginWrite(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined || req.method === 'GET' || req.method === 'HEAD') return false
  return origin !== `http://${req.headers.host ?? ''}`
}

function agentViewHeaders(appFrameOrigins: readonly string[]): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // Defence in depth for the escaping rule: no inline script could run even if markup slipped in.
    'Content-Security-Policy': `script-src 'self'; object-src 'none'; base-uri 'none'; frame-src ${appFrameOrigins.join(' ')}`,
  }
}

/** The agent-facing server: the ticket view, its script, the API and the proxy. */
export function createHostServer(deps: HostServerDeps): Server {
  const { state } = deps

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
    const method = req.method ?? 'GET'
    const path = url.pathname

    if ((path === '/' || path === '/agent' || path === '/agent/') && method === 'GET') {
      res.writeHead(302, { Location: `/agent/tickets/${state.tickets()[0]?.id ?? 1}` })
      return void res.end()
    }
    const agentId = signedInAgent(req, url, state)
    const agentPage = method === 'GET' ? findAgentPage(state, path) : null
    if (agentPage) {
      if ('missing' in agentPage) return sendText(res, 404, agentPage.missing)
      const ctx: ApiContext = { state, apiBase: `${url.origin}/api/v2`, agentId }
      const data = agentViewData(ctx, agentPage, deps.agentView)
      if (!data) return sendText(res, 404, `The app has no ${agentPage.location} location in its manifest`)
      res.writeHead(200, {
        ...agentViewHeaders(deps.appFrameOrigins),
        'Set-Cookie': `${AGENT_COOKIE}=${agentId}; Path=/; SameSite=Lax`,
      })
      return void res.end(renderAgentView(data))
    }
    const oauth = deps.proxy.oauth
    const installation = deps.installation
    if (oauth && installation && method === 'GET') {
      const page = (problem: string | null, status = 200): void => {
        res.writeHead(status, agentViewHeaders(deps.appFrameOrigins))
        res.end(renderInstallationPage({ ...installation, connection: oauth, problem }))
      }
      if (path === '/admin/apps/installation') return page(null)
      if (path === '/admin/apps/installation/oauth/start') {
        res.writeHead(302, { Location: oauth.authorizeUrl(), 'Cache-Control': 'no-store' })
        return void res.end()
      }
      if (path === OAUTH_CALLBACK_PATH) {
        const outcome = await oauth.complete(url.searchParams)
        if (!outcome.ok) return page(outcome.reason, 400)
        res.writeHead(302, { Location: '/admin/apps/installation' })
        return void res.end()
      }
    }
    // Browsers ask for it on every page; an empty answer keeps 404 noise out of test consoles.
    if (path === '/favicon.ico' && method === 'GET') return void res.writeHead(204).end()
    if (path === '/host.js' && method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' })
      return void res.end(deps.hostScript)
    }
    if (path === '/__proxy' || path.startsWith('/api/')) {
      if (crossOriginWrite(req))
        return sendJson(res, 403, {
          error: 'Forbidden',
          description: 'Cross-origin requests are not accepted',
        })
      const body = await readBody(req, MAX_BODY_BYTES)
      if (path === '/__proxy') {
        if (method !== 'POST')
          return sendJson(res, 405, {
            error: 'MethodNotAllowed',
            description: 'POST the ZAF request options',
          })
        let parsed: unknown
        try {
          parsed = JSON.parse(body)
        } catch {
          return sendJson(res, 400, {
            error: 'InvalidJSON',
            description: 'The body must be the ZAF request options as JSON',
          })
        }
        const options = requestOptionsSchema.safeParse(parsed)
        if (!options.success)
          return sendJson(res, 400, {
            error: 'InvalidRequestOptions',
            description: options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          })
        if (deps.proxyFaults.take(methodOf(options.data), options.data.url) === 'no-answer') {
          deps.proxy.log(unansweredEntry(options.data))
          return holdUntilClosed(res)
        }
        return sendJson(res, 200, await proxyRequest(options.data, deps.proxy))
      }
      const fault = deps.apiFaults.take(method, path, body)
      if (fault === 'server-error')
        return sendJson(res, 500, { error: 'InternalServerError', description: 'Emulated failure' })
      if (fault === 'hang') return holdUntilClosed(res)
      deps.apiLog?.(`${method} ${url.pathname}`)
      const response = handleZendeskApi(
        { state, apiBase: `${url.origin}/api/v2`, agentId },
        method,
        url,
        body
      )
      if (fault === 'apply-then-drop') return void res.destroy()
      if (fault === 'apply-then-hang') return holdUntilClosed(res)
      return sendJson(res, response.status, response.body)
    }
    sendText(res, 404, 'Not found')
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (error instanceof BodyTooLargeError)
        return sendJson(res, 413, { error: 'PayloadTooLarge', description: error.message })
      sendText(res, 500, 'Emulator error')
    })
  })
}

/** No answer: the request stays open until the client goes away (or the server closes). */
function holdUntilClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.on('close', resolve))
}

/**
 * The agent pages that frame the app: a ticket (ticket_sidebar), the new-ticket form
 * (new_ticket_sidebar), a user (user_sidebar), an organization (organization_sidebar).
 */
function findAgentPage(state: ZendeskState, path: string): AgentPage | { missing: string } | null {
  if (/^\/agent\/tickets\/new\/?$/.test(path)) return { location: 'new_ticket_sidebar' }
  const [, kind, rawId] = /^\/agent\/(tickets|users|organizations)\/(\d+)\/?$/.exec(path) ?? []
  const id = Number(rawId)
  if (kind === 'tickets') {
    const ticket = state.ticket(id)
    return ticket ? { location: 'ticket_sidebar', ticket } : { missing: `No ticket #${id} in this account` }
  }
  if (kind === 'users')
    return state.user(id)
      ? { location: 'user_sidebar', userId: id }
      : { missing: `No user ${id} in this account` }
  if (kind === 'organizations')
    return state.organization(id)
      ? { location: 'organization_sidebar', organizationId: id }
      : { missing: `No organization ${id} in this account` }
  return null
}

/** The log's line for a request the proxy holds: as the app wrote it, so no setting was inserted. */
function unansweredEntry(options: {
  url: string
  type?: string | undefined
  secure?: boolean | undefined
}): ProxyLogEntry {
  let host = ''
  try {
    host = new URL(options.url).hostname
  } catch {
    // Logged as it came; an unparsable URL has no host.
  }
  return {
    method: methodOf(options),
    url: options.url,
    host,
    secure: options.secure === true,
    substituted: false,
    unanswered: true,
    status: 0,
    ms: 0,
  }
}
