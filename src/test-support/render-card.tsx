import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import en from '../../translations/en.json'
import type { CustomerContext } from '../domain/customer'
import { lookupAccount } from '../domain/lookup-account'
import type { CrmConnector, TicketPort } from '../domain/ports'
import { createStorageLookupCache, webStorageOrMemory } from '../cache/storage-lookup-cache'
import { ServicesProvider, type Services } from '../features/shared/services-context'
import { createTranslator, type Translator } from '../i18n/translator'
import { MATCH_STRATEGIES } from '../domain/match-strategy'
import { DEFAULT_CHURN_PHRASES, DEFAULT_FIELDS, type AppSettings } from '../settings/app-settings'
import { createStorageAccountChoices } from '../cache/storage-account-choices'
import { createStorageRecommendationDismissals } from '../cache/storage-recommendation-dismissals'
import { LOOKUP_TTLS } from '../app/compose'
import { AppShell } from '../ui/app-shell'
import type { AppLocation } from '../zendesk/context-paths'
import { customerPage } from '../zendesk/read-customer-context'

export const NOW = Date.parse('2026-11-25T10:00:00Z')

export const settings: AppSettings = {
  provider: 'salesforce',
  baseUrl: 'https://acme.my.salesforce.com',
  fields: DEFAULT_FIELDS.salesforce,
  healthRiskBelow: 50,
  renewalSoonDays: 90,
  healthDropPoints: 10,
  signalWindowDays: 30,
  arrCurrency: 'USD',
  escalationKeyField: null,
  escalationFallbackOwner: null,
  matchOrder: MATCH_STRATEGIES,
  hubspotPortalId: null,
  custom: null,
  majorAccountArr: null,
  criticalTags: [],
  churnPhrases: [...DEFAULT_CHURN_PHRASES],
  auth: 'token',
  slack: { notify: 'dm', channel: null },
  followAsCsm: true,
}

/** A ticket whose customer a test can change, firing the same notification ZAF events would. */
export class TestTicket implements TicketPort {
  private handlers = new Set<() => void>()
  constructor(public customer: CustomerContext) {}
  readCustomer(): Promise<CustomerContext> {
    return Promise.resolve(this.customer)
  }
  onCustomerChange(handler: () => void): () => void {
    this.handlers.add(handler)
    return () => this.handlers.delete(handler)
  }
  changeCustomer(customer: CustomerContext): void {
    this.customer = customer
    for (const handler of this.handlers) handler()
  }
}

/**
 * Renders a component inside the real shell and services, wired exactly as compose() wires them
 * except for the connector, which the test supplies (the CRM is the outside world here).
 */
export function renderWithServices(
  ui: ReactElement,
  connector: CrmConnector,
  ticket: TicketPort,
  options: {
    keepChoices?: boolean
    keepSession?: boolean
    /** Where Zendesk framed the app; the ticket sidebar unless a test says otherwise. */
    location?: AppLocation
    /** The agent's translator; US English unless a test says otherwise. */
    translator?: Translator
    /** An admin looks at the card (currentUser.role); an agent unless a test says otherwise. */
    admin?: boolean
    /** How the installation reaches the CRM; the token setting unless a test says otherwise. */
    auth?: AppSettings['auth']
  } = {}
) {
  // The tab's lookup cache; a test of "the same tab, opened again" keeps it.
  if (!options.keepSession) window.sessionStorage.clear()
  // Agents' account picks live in localStorage; a test of "remembered next time" keeps them.
  if (!options.keepChoices) window.localStorage.clear()
  const cache = createStorageLookupCache(window.sessionStorage, LOOKUP_TTLS)
  const now = (): number => NOW
  const services: Services = {
    settings: { ...settings, auth: options.auth ?? settings.auth },
    viewer: { isAdmin: options.admin === true },
    page: customerPage(options.location ?? 'ticket_sidebar'),
    ticket,
    lookup: (context, options) =>
      lookupAccount(context, { connector, cache, cacheNamespace: 'test', now }, options),
    now,
    // Card tests see no Zendesk ticket counts (the escalation section's tests hand in their own).
    ticketCounts: () => Promise.resolve(null),
    choices: createStorageAccountChoices(webStorageOrMemory('localStorage'), 'test'),
    dismissals: createStorageRecommendationDismissals(webStorageOrMemory('localStorage')),
    // The card's own tests render no escalation section; any call here is a test bug.
    escalation: {
      fallbackOwner: null,
      loadDraft: () => null,
      saveDraft: () => undefined,
      resumable: () => null,
      escalate: () => Promise.reject(new Error('escalation is not rendered in card tests')),
      inspect: () => Promise.reject(new Error('escalation is not rendered in card tests')),
      checksExisting: () => false,
      findExisting: () => Promise.reject(new Error('escalation is not rendered in card tests')),
      followUp: () => Promise.reject(new Error('escalation is not rendered in card tests')),
      sendSlackAgain: () => Promise.reject(new Error('escalation is not rendered in card tests')),
      sendSlackReplyAgain: () => Promise.reject(new Error('escalation is not rendered in card tests')),
    },
  }
  return render(
    <AppShell translator={options.translator ?? createTranslator('en-US', en)}>
      <ServicesProvider services={services}>{ui}</ServicesProvider>
    </AppShell>
  )
}
