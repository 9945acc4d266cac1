import { loadDefaultSeed, type ZendeskSeed } from '../zendesk/state'
import customDemoSettings from './custom/demo-settings.json' with { type: 'json' }
import hubspotSeed from './seed/hubspot.json' with { type: 'json' }
import type { DialectName } from './server/dialect'

export type DemoSettings = Record<string, string | number | boolean>

/** The token every demo installation is set up with; the emulator is started with the same one. */
export const DEMO_TOKEN = 'demo-token'

/**
 * The Zendesk installation settings that point the app at a CRM emulator in each dialect: what
 * `npm start -- --crm <provider>` installs. The custom provider's mapping settings are written with
 * the custom connector (custom/demo-settings.json); the URL and token are added here.
 */
export function demoSettings(provider: DialectName, crmUrl: string): DemoSettings {
  const common = { crm_base_url: crmUrl, crm_api_token: DEMO_TOKEN }
  switch (provider) {
    case 'salesforce':
      return { crm_provider: 'salesforce', ...common }
    case 'hubspot':
      return {
        crm_provider: 'hubspot',
        ...common,
        field_csm: 'hubspot_owner_id',
        field_health_score: 'health_score',
        field_renewal_date: 'renewal_date',
        field_arr: 'arr',
        // The portal's custom task property the app searches on before creating (no duplicates).
        field_escalation_external_id: 'zendesk_escalation_key',
        // The emulated portal's id: without it the card and the escalation have no HubSpot links.
        hubspot_portal_id: String(hubspotSeed.portalId),
      }
    case 'custom':
      return { ...(customDemoSettings as DemoSettings), crm_provider: 'custom', ...common }
  }
}

/**
 * The emulated Zendesk account for a demo against `provider`. An organization's external ID is the
 * CRM's own account id, so it differs per CRM: the Zendesk seed holds the Salesforce ids (which the
 * Northwind seed keeps as legacy ids too), and HubSpot's seed says which company each organization is.
 */
export function demoZendeskSeed(provider: DialectName): ZendeskSeed {
  const seed = loadDefaultSeed()
  if (provider !== 'hubspot') return seed
  const companyOf: Readonly<Record<string, string>> = hubspotSeed.zendeskOrganizationExternalIds
  return {
    ...seed,
    organizations: seed.organizations.map((org) =>
      org.external_id === null ? org : { ...org, external_id: companyOf[String(org.id)] ?? null }
    ),
  }
}
