import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { locationPageUrls, readAppManifest } from './server/app-manifest'
import { createAppStaticServer } from './server/app-static-server'
import { buildHostScript } from './server/build-host-script'
import { createHostServer, OAUTH_CALLBACK_PATH } from './server/host-server'
import { OAuthConnection, type OAuthEvent, type OAuthRenewal } from './server/oauth-connection'
import { closeServer, listen } from './server/http-helpers'
import { installationSettings } from './server/installation-settings'
import { ApiFaultSwitch, ProxyFaultSwitch, type ApiFaults, type ProxyFaults } from './server/api-faults'
import type { ProxyLogEntry } from './server/proxy'
import { loadDefaultSeed, ZendeskState, type Comment, type ZendeskSeed } from './state'

export type { ApiFaults, ProxyFaults, Comment, OAuthEvent, OAuthRenewal, ProxyLogEntry, ZendeskSeed }

export interface ZendeskEmulatorOptions {
  /** The built app: a folder with manifest.json and the assets it names. */
  appDir: string
  /** The agent view, on http://localhost:<hostPort>; 0 picks a free port. */
  hostPort?: number
  /** The app's assets, on http://127.0.0.1:<appPort> (another origin, as in Zendesk); 0 picks a free port. */
  appPort?: number
  /** The installation's settings, secure ones included (they stay in this process). */
  settings: Record<string, string | number | boolean>
  /** Hosts allowed for secure requests besides the manifest's domainWhitelist, e.g. ['127.0.0.1']. */
  extraWhitelist?: string[]
  /** A vendor's host served locally, e.g. `{ 'slack.com': slackEmulator.url }` (see ProxyConfig). */
  upstreams?: Record<string, string>
  /** The CRM emulator's base URL: adds the "Demo controls" panel that switches its fault mode. */
  crmControlUrl?: string
  seed?: ZendeskSeed
  /** The clock for relative search dates and past tickets' ages (default: the real one). */
  now?: () => number
  /** How long the proxy waits for a request that sets no `timeout`; default 30000 ms. */
  proxyTimeoutMs?: number
  /**
   * Provider hosts answered by a local server, like a hosts file: `{ 'login.salesforce.com':
   * crm.url }` sends the OAuth package's sign-in and token calls to the CRM emulator.
   */
  hostAliases?: Record<string, string>
  /** When the proxy renews an OAuth access token: after a 401 (default), or never. */
  oauthRenewal?: OAuthRenewal
}

export interface ZendeskEmulator {
  hostUrl: string
  appOrigin: string
  /** A ticket's page (ticket_sidebar). */
  ticketUrl(id: number): string
  /** The new-ticket form (new_ticket_sidebar): no requester until one is picked. */
  newTicketUrl(): string
  /** A user's profile page (user_sidebar). */
  userUrl(id: number): string
  /** An organization's page (organization_sidebar). */
  organizationUrl(id: number): string
  /** Every proxied request so far, oldest first. Holds no secure setting value. */
  proxyLog(): ProxyLogEntry[]
  /** The Zendesk API requests answered since the last reset, as `METHOD /path`, oldest first. */
  apiRequests(): string[]
  /** Comments added to the ticket through /api/v2 (not its description). */
  comments(ticketId: number): Comment[]
  tags(ticketId: number): string[]
  /** Makes ticket updates fail (or lose their answer) until cleared with null; see api-faults.ts. */
  setApiFaults(faults: ApiFaults | null): void
  /** Makes proxied requests go unanswered (nothing reaches the upstream) until cleared with null. */
  setProxyFaults(faults: ProxyFaults | null): void
  /** Sets a ticket's tags as another agent or a trigger would (moves `updated_at`). */
  setTags(ticketId: number, tags: readonly string[]): void
  /** The installation settings page with the OAuth prompt (apps with a manifest `oauth` block). */
  installationUrl(): string
  /** Whether an admin has authorised the OAuth connection (the tokens themselves never leave). */
  oauthConnected(): boolean
  /** What the OAuth connection did: authorised, renewed, failed renewals; oldest first. */
  oauthEvents(): OAuthEvent[]
  setOAuthRenewal(renewal: OAuthRenewal): void
  /** Back to the seed: tickets, comments, tags, the proxy log, and an OAuth connection nobody authorised. */
  reset(): void
  close(): Promise<void>
}

/**
 * Starts the emulated Zendesk: the agent ticket view on http://localhost:<hostPort>, framing the
 * built app served from http://127.0.0.1:<appPort>, with the parent side of the ZAF protocol, an
 * in-memory /api/v2 and the proxy that holds the secure settings. See emulators/zendesk/README.md.
 */
export async function startZendeskEmulator(options: ZendeskEmulatorOptions): Promise<ZendeskEmulator> {
  const manifest = readAppManifest(options.appDir)
  const settings = installationSettings(manifest, options.settings)
  const state = new ZendeskState(options.seed ?? loadDefaultSeed(), options.now)
  const hostScript = await buildHostScript()
  const lifetime = new AbortController()
  let log: ProxyLogEntry[] = []
  const apiFaults = new ApiFaultSwitch()
  const proxyFaults = new ProxyFaultSwitch()
  let hostUrl = ''
  const oauth = manifest.oauth
    ? new OAuthConnection(
        manifest.oauth,
        () => `${hostUrl}${OAUTH_CALLBACK_PATH}`,
        options.hostAliases ?? {},
        options.oauthRenewal ?? 'on-401'
      )
    : null

  const servers: Server[] = []
  try {
    const appServer = await createAppStaticServer(options.appDir)
    servers.push(appServer)
    const appPort = await listen(appServer, options.appPort ?? 0, '127.0.0.1')
    const appOrigin = `http://127.0.0.1:${appPort}`
    const appUrls = locationPageUrls(manifest, appOrigin)

    let apiRequests: string[] = []
    const hostServer = createHostServer({
      state,
      hostScript,
      appFrameOrigins: [...new Set(Object.values(appUrls).map((url) => new URL(url).origin))],
      agentView: {
        appUrls,
        appName: manifest.name,
        appVersion: manifest.version,
        publicSettings: settings.public,
        crmControlUrl: options.crmControlUrl ?? null,
        oauthInstalled: oauth !== null,
      },
      apiFaults,
      proxyFaults,
      apiLog: (request) => apiRequests.push(request),
      ...(oauth
        ? {
            installation: {
              appName: manifest.name,
              oauthLabel: parameterLabel(options.appDir, oauth.client.parameter),
            },
          }
        : {}),
      proxy: {
        manifest,
        settings,
        extraWhitelist: options.extraWhitelist ?? [],
        upstreams: options.upstreams ?? {},
        defaultTimeoutMs: options.proxyTimeoutMs ?? 30_000,
        signal: lifetime.signal,
        log: (entry) => log.push(entry),
        ...(oauth ? { oauth } : {}),
      },
    })
    servers.push(hostServer)
    const hostPort = await listen(hostServer, options.hostPort ?? 0, 'localhost')
    hostUrl = `http://localhost:${hostPort}`

    return {
      hostUrl,
      appOrigin,
      ticketUrl: (id) => `${hostUrl}/agent/tickets/${id}`,
      newTicketUrl: () => `${hostUrl}/agent/tickets/new`,
      userUrl: (id) => `${hostUrl}/agent/users/${id}`,
      organizationUrl: (id) => `${hostUrl}/agent/organizations/${id}`,
      proxyLog: () => log.map((entry) => ({ ...entry })),
      apiRequests: () => [...apiRequests],
      comments: (ticketId) => state.comments(ticketId).map((c) => ({ ...c })),
      tags: (ticketId) => [...(state.ticket(ticketId)?.tags ?? [])],
      setApiFaults: (faults) => apiFaults.set(faults),
      setProxyFaults: (faults) => proxyFaults.set(faults),
      setTags: (ticketId, tags) => {
        const ticket = state.ticket(ticketId)
        if (!ticket) throw new Error(`No ticket #${ticketId}`)
        state.setTags(ticket, tags)
      },
      installationUrl: () => `${hostUrl}/admin/apps/installation`,
      oauthConnected: () => oauth?.connected ?? false,
      oauthEvents: () => oauth?.log() ?? [],
      setOAuthRenewal: (renewal) => {
        if (!oauth) throw new Error('The app has no oauth block in its manifest')
        oauth.renewal = renewal
      },
      reset: () => {
        oauth?.reset()
        apiFaults.set(null)
        proxyFaults.set(null)
        state.reset()
        log = []
        apiRequests = []
      },
      close: async () => {
        lifetime.abort()
        await Promise.all(servers.map(closeServer))
      },
    }
  } catch (error) {
    lifetime.abort()
    await Promise.all(servers.map(closeServer))
    throw error
  }
}

/** The parameter's English label, as Admin Center shows it; its name when the app has none. */
function parameterLabel(appDir: string, parameter: string): string {
  try {
    const en = JSON.parse(readFileSync(join(appDir, 'translations/en.json'), 'utf8')) as {
      app?: { parameters?: Record<string, { label?: unknown }> }
    }
    const label = en.app?.parameters?.[parameter]?.label
    return typeof label === 'string' ? label : parameter
  } catch {
    return parameter
  }
}
