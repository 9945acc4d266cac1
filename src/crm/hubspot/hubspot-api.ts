import { CrmError } from '../../domain/crm-error'

/** HubSpot CRM v3 paths and constants (docs/crm-vendor-notes.md §1). */
export const OBJECTS = '/crm/v3/objects'
export const OWNERS = '/crm/v3/owners'

/** HUBSPOT_DEFINED association type ids for a task's links. */
export const TASK_TO_COMPANY = 192
export const TASK_TO_CONTACT = 204

/** The task property holding the escalation key when the admin has not named another one. */
export const DEFAULT_ESCALATION_KEY_PROPERTY = 'zendesk_escalation_key'

const HUBSPOT_APP = 'https://app.hubspot.com'
const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * A company's page in HubSpot, when the admin told us the portal (account) id. An API on this
 * machine is a stand-in for HubSpot (the demo's emulator) that serves the same record paths: a link
 * to the real HubSpot app would leave the machine and end on a login page.
 */
export function companyRecordUrl(portalId: string | null, companyId: string, baseUrl: string): string | null {
  if (!portalId) return null
  return `${hubSpotAppOrigin(baseUrl)}/contacts/${portalId}/record/0-2/${encodeURIComponent(companyId.toWellFormed())}`
}

function hubSpotAppOrigin(baseUrl: string): string {
  try {
    const url = new URL(baseUrl)
    return THIS_MACHINE.has(url.hostname) ? url.origin : HUBSPOT_APP
  } catch {
    return HUBSPOT_APP
  }
}

/** HubSpot record ids are numeric; anything else (e.g. a Salesforce id in external_id) cannot be one. */
export function isHubSpotId(value: string): boolean {
  return /^\d{1,20}$/.test(value)
}

/** HubSpot answered something we cannot read (`what`: "company", "task search", …). */
export function unreadable(what: string): CrmError {
  return new CrmError('invalid-response', `HubSpot returned an unreadable ${what}`)
}
