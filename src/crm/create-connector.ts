import type { AxiosAdapter } from 'axios'
import type { CrmConnector, EscalationCrm } from '../domain/ports'
import type { AppSettings } from '../settings/app-settings'
import { createCrmHttp } from './http/create-crm-http'
import { readSalesforceError } from './salesforce/read-salesforce-error'
import { createSalesforceConnector } from './salesforce/salesforce-connector'
import { createSalesforceEscalation } from './salesforce/salesforce-escalation'

export interface Crm {
  readonly connector: CrmConnector
  readonly escalation: EscalationCrm
}

/**
 * The CRM adapters for the configured provider. Settings validation already refused providers that
 * have no connector yet, so reaching the other branches is a programming error.
 */
export function createCrm(settings: AppSettings, adapter: AxiosAdapter): Crm {
  switch (settings.provider) {
    case 'salesforce': {
      const http = createCrmHttp({ baseUrl: settings.baseUrl, adapter, readVendorError: readSalesforceError })
      return { connector: createSalesforceConnector(http, settings), escalation: createSalesforceEscalation(http, settings) }
    }
    case 'hubspot':
    case 'custom':
      throw new Error(`No connector for ${settings.provider} in this build`)
  }
}
