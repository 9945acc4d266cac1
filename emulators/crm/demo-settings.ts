import customDemoSettings from './custom/demo-settings.json' with { type: 'json' }
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
      }
    case 'custom':
      return { ...(customDemoSettings as DemoSettings), crm_provider: 'custom', ...common }
  }
}
