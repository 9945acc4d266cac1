import type { AxiosAdapter } from 'axios'
import type { CrmConnector, EscalationCrm } from '../domain/ports'
import { OAUTH_SETTING, TOKEN_SETTING, type AppSettings } from '../settings/app-settings'
import { createCustomRestCrm } from './custom/create-custom-rest-crm'
import { readCustomError } from './custom/read-custom-error'
import { createCrmHttp, type CrmHttpTuning } from './http/create-crm-http'
import { createHubSpotConnector } from './hubspot/hubspot-connector'
import { createHubSpotEscalation } from './hubspot/hubspot-escalation'
import { createOwnerDirectory, memoryOwnerCache, type OwnerCache } from './hubspot/owner-directory'
import { readHubSpotError } from './hubspot/read-hubspot-error'
import { readSalesforceError } from './salesforce/read-salesforce-error'
import { createSalesforceConnector } from './salesforce/salesforce-connector'
import { createSalesforceEscalation } from './salesforce/salesforce-escalation'

export interface Crm {
  readonly connector: CrmConnector
  readonly escalation: EscalationCrm
}

/**
 * The CRM adapters for the configured provider.
 */
export interface CrmOptions {
  /** Where CRM owners are remembered between views (HubSpot); memory only when absent. */
  readonly ownerCache?: OwnerCache
  /** Timeouts, retries, sleep and jitter; the defaults are the app's. Tests shorten them here. */
  readonly http?: CrmHttpTuning
}

export function createCrm(settings: AppSettings, adapter: AxiosAdapter, options: CrmOptions = {}): Crm {
  switch (settings.provider) {
    case 'salesforce': {
      const http = createCrmHttp({
        ...options.http,
        baseUrl: settings.baseUrl,
        adapter,
        readVendorError: readSalesforceError,
        tokenSetting: settings.auth === 'oauth' ? OAUTH_SETTING : TOKEN_SETTING,
      })
      return {
        connector: createSalesforceConnector(http, settings),
        escalation: createSalesforceEscalation(http, settings),
      }
    }
    case 'hubspot': {
      const http = createCrmHttp({
        ...options.http,
        baseUrl: settings.baseUrl,
        adapter,
        readVendorError: readHubSpotError,
      })
      // One directory for both: an owner read for the card is not read again for the escalation.
      const resolveOwner = createOwnerDirectory(http, options.ownerCache ?? memoryOwnerCache())
      return {
        connector: createHubSpotConnector(http, settings, resolveOwner),
        escalation: createHubSpotEscalation(http, settings, resolveOwner),
      }
    }
    case 'custom': {
      // parseSettings fills `custom` whenever the provider is custom; null here is a programming error.
      if (!settings.custom) throw new Error('Custom CRM settings were not parsed')
      const http = createCrmHttp({
        ...options.http,
        baseUrl: settings.baseUrl,
        adapter,
        readVendorError: readCustomError,
      })
      return createCustomRestCrm(http, settings.custom, settings.matchOrder)
    }
  }
}
