import type { Server } from 'node:http'
import { locationPageUrls, readAppManifest } from './server/app-manifest'
import { createAppStaticServer } from './server/app-static-server'
import { buildHostScript } from './server/build-host-script'
import { createHostServer } from './server/host-server'
import { closeServer, listen } from './server/http-helpers'
import { installationSettings } from './server/installation-settings'
import { ApiFaultSwitch, type ApiFaults } from './server/api-faults'
import type { ProxyLogEntry } from './server/proxy'
import { loadDefaultSeed, ZendeskState, type Comment, type ZendeskSeed } from './state'

export type { ApiFaults, Comment, ProxyLogEntry, ZendeskSeed }

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
  /** How long the proxy waits for a request that sets no `timeout`; default 30000 ms. */
  proxyTimeoutMs?: number
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
  /** Sets a ticket's tags as another agent or a trigger would (moves `updated_at`). */
  setTags(ticketId: number, tags: readonly string[]): void
  /** Back to the seed: tickets, comments, tags and the proxy log. */
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
  const state = new ZendeskState(options.seed ?? loadDefaultSeed())
  const hostScript = await buildHostScript()
  const lifetime = new AbortController()
  let log: ProxyLogEntry[] = []
  const apiFaults = new ApiFaultSwitch()

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
      },
      apiFaults,
      apiLog: (request) => apiRequests.push(request),
      proxy: {
        manifest,
        settings,
        extraWhitelist: options.extraWhitelist ?? [],
        upstreams: options.upstreams ?? {},
        defaultTimeoutMs: options.proxyTimeoutMs ?? 30_000,
        signal: lifetime.signal,
        log: (entry) => log.push(entry),
      },
    })
    servers.push(hostServer)
    const hostPort = await listen(hostServer, options.hostPort ?? 0, 'localhost')
    const hostUrl = `http://localhost:${hostPort}`

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
      setTags: (ticketId, tags) => {
        const ticket = state.ticket(ticketId)
        if (!ticket) throw new Error(`No ticket #${ticketId}`)
        state.setTags(ticket, tags)
      },
      reset: () => {
        apiFaults.set(null)
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
