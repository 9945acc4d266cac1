import { withInertPlaceholders } from '../zendesk/inert-placeholders'
import { withRequestDeadline } from '../zendesk/request-deadline'
import { customerKey, type CustomerContext } from '../domain/customer'
import { lookupAccount, type LookupOptions } from '../domain/lookup-account'
import { sharedLookups } from './shared-lookups'
import { createStorageLookupCache, webStorageOrMemory } from '../cache/storage-lookup-cache'
import { createStorageOwnerCache } from '../cache/storage-owner-cache'
import { createStorageAccountChoices } from '../cache/storage-account-choices'
import { createStorageRecommendationDismissals } from '../cache/storage-recommendation-dismissals'
import { createStorageTicketCountsCache } from '../cache/storage-ticket-counts-cache'
import { customerTicketCounts } from '../domain/ticket-trend'
import { createZafTicketSearch } from '../zendesk/zaf-ticket-search'
import { createCrm } from '../crm/create-connector'
import { createEscalationService } from './create-escalation-service'
import { zafAdapter } from '../crm/http/zaf-adapter'
import type { Services } from '../features/shared/services-context'
import { agentTranslator } from '../i18n/locale'
import type { Translator } from '../i18n/translator'
import { englishMessages } from './english'
import { parseSettings } from '../settings/app-settings'
import type { SettingProblem } from '../settings/setting-problem'
import type { AppLocation } from '../zendesk/context-paths'
import { customerPage, parseCustomerContext } from '../zendesk/read-customer-context'
import type { ZafClient, ZafMetadata } from '../zendesk/zaf-client'
import { createZafCustomerPort } from '../zendesk/zaf-customer-port'
import { readyToLookUp } from './locations/ready-to-look-up'

/**
 * How long a lookup is reused without asking the CRM again. A match for 5 minutes; a "no match" is
 * not kept at all: it may be a CRM's passing 404, or the account may be created while the agent
 * looks, and a reload or Refresh must then ask again. Errors never reach the cache.
 */
export const LOOKUP_TTLS = { found: 5 * 60_000, ambiguous: 5 * 60_000, 'not-found': 0 } as const
/** CRM owners (CSM names) change rarely; an hour saves a call per ticket for busy CSMs. */
export const OWNER_TTL_MS = 60 * 60_000

export type Composition =
  | {
      readonly kind: 'ready'
      readonly services: Services
      readonly translator: Translator
      readonly location: AppLocation
    }
  | {
      readonly kind: 'invalid-settings'
      readonly problems: readonly SettingProblem[]
      readonly translator: Translator
    }

/** ZAF answers main.ts asked for before this chunk had loaded, so they are waiting when it runs. */
export interface StartupRequests {
  readonly metadata: Promise<ZafMetadata>
  /** Where Zendesk framed the app (`client.context()`, known from the handshake: no round trip). */
  readonly location: Promise<AppLocation>
  /** A `get` of `startupPaths(location)` (zendesk/context-paths.ts): the customer and the locale. */
  readonly customer: Promise<Record<string, unknown>>
}

/**
 * The composition root: the only place that knows concrete adapters. Everything it needs from
 * Zendesk is asked for at once, so start-up costs one ZAF round trip after the handshake.
 */
export async function compose(client: ZafClient, startup: StartupRequests): Promise<Composition> {
  performance.mark('sb:lookup-loaded')
  const location = await startup.location
  const customer = startup.customer.then((data) => parseCustomerContext(location, data))
  // Swallow here too: an unhandled rejection before the card asks for it would be noise.
  customer.catch(() => undefined)
  const [metadata, user] = await Promise.all([
    startup.metadata,
    startup.customer.catch((): Record<string, unknown> => ({})),
  ])
  performance.mark('sb:registered')
  const translator = await agentTranslator(user['currentUser.locale'], englishMessages)

  const parsed = parseSettings(metadata.settings)
  if (!parsed.ok) return { kind: 'invalid-settings', problems: parsed.problems, translator }
  const settings = parsed.settings

  const now = (): number => Date.now()
  const local = webStorageOrMemory('localStorage')
  const cacheNamespace = `${metadata.installationId}:${settings.provider}:${settings.baseUrl}`
  // Owners outlive the tab (localStorage): a CSM's name is the same on every ticket and for every
  // agent, so a new tab need not pay HubSpot's owner call again within the hour.
  const ownerCache = createStorageOwnerCache(local, cacheNamespace, OWNER_TTL_MS, now)
  // Every request, to the CRM or to Zendesk, passes through here: user and CRM text in it is inert,
  // and a request with a timeout gives up even if Zendesk never answers it.
  const requests = withRequestDeadline(withInertPlaceholders(client))
  const { connector, escalation } = createCrm(settings, zafAdapter(requests), { ownerCache })
  const cache = createStorageLookupCache(webStorageOrMemory('sessionStorage'), LOOKUP_TTLS)

  const deps = { connector, cache, cacheNamespace, now }
  // One lookup per customer on its way; the start-up one below is the card's first answer.
  const { lookup, prime } = sharedLookups((context: CustomerContext, options?: LookupOptions) =>
    lookupAccount(context, deps, options)
  )
  // The customer's Zendesk ticket counts ("Why now"), asked for by the escalation section after the
  // card has painted, kept beside the lookup and for as long; one request set per customer at a time.
  const countsDeps = {
    search: createZafTicketSearch(requests),
    cache: createStorageTicketCountsCache(webStorageOrMemory('sessionStorage'), LOOKUP_TTLS.found),
    cacheNamespace,
    windowDays: settings.signalWindowDays,
    now,
  }
  const countsInFlight = new Map<string, ReturnType<typeof customerTicketCounts>>()
  const ticketCounts: Services['ticketCounts'] = (context) => {
    const key = customerKey(context)
    const pending = countsInFlight.get(key)
    if (pending) return pending
    const result = customerTicketCounts(context, countsDeps)
    countsInFlight.set(key, result)
    const done = (): void => void countsInFlight.delete(key)
    result.then(done, done)
    return result
  }
  const customerNow = await customer.catch(() => null)
  if (customerNow && readyToLookUp(location, customerNow)) {
    performance.mark('sb:crm-start')
    prime(customerNow).then(
      () => performance.mark('sb:crm-end'),
      () => undefined
    )
  }

  const services: Services = {
    settings,
    viewer: { isAdmin: user['currentUser.role'] === 'admin' },
    page: customerPage(location),
    ticket: createZafCustomerPort(client, location, customer),
    lookup,
    now,
    ticketCounts,
    choices: createStorageAccountChoices(local, cacheNamespace),
    // Per ticket like the draft: "Not now" is about this ticket, whichever CRM is installed.
    dismissals: createStorageRecommendationDismissals(local),
    escalation: createEscalationService({
      client: requests,
      crm: escalation,
      settings,
      now,
      locale: translator.locale,
      forgetLookup: (context) => cache.remove(`${cacheNamespace}|${customerKey(context)}`),
      fallbackName: translator.t('ui.escalation.fallbackName'),
      ticketCounts,
    }),
  }
  return { kind: 'ready', services, translator, location }
}
