import type { CrmConnector } from '../domain/ports'
import type { AppSettings } from '../settings/app-settings'
import { createCrmHttp } from './http/create-crm-http'
import type { AxiosAdapter } from 'axios'
import { readSalesforceError } from './salesforce/read-salesforce-error'
import { createSalesforceConnector } from './salesforce/salesforce-connector'

/**
 * The connector for the configured provider. Settings validation already refused providers that
 * have no connector yet, so reaching the default branch is a programming error.
 */
export function createConnector(settings: AppSettings, adapter: AxiosAdapter): CrmConnector {
  switch (settings.provider) {
    case 'salesforce':
      return createSalesforceConnector(
        createCrmHttp({ baseUrl: settings.baseUrl, adapter, readVendorError: readSalesforceError }),
        settings
      )
    case 'hubspot':
    case 'custom':
      throw new Error(`No connector for ${settings.provider} in this build`)
  }
}
