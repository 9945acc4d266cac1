import { CrmError } from '../../domain/crm-error'

/** HubSpot CRM v3 paths and constants (see ../shared/research/crm-apis.md §3). */
export const OBJECTS = '/crm/v3/objects'
export const OWNERS = '/crm/v3/owners'

/** HUBSPOT_DEFINED association type ids for a task's links. */
export const TASK_TO_COMPANY = 192
export const TASK_TO_CONTACT = 204

/** The task property holding the escalation key when the admin has not named another one. */
export const DEFAULT_ESCALATION_KEY_PROPERTY = 'zendesk_escalation_key'

/** A company's page in HubSpot, when the admin told us the portal (account) id. */
export function companyRecordUrl(portalId: string | null, companyId: string): string | null {
  return portalId
    ? `https://app.hubspot.com/contacts/${portalId}/record/0-2/${encodeURIComponent(companyId)}`
    : null
}

/** HubSpot record ids are numeric; anything else (e.g. a Salesforce id in external_id) cannot be one. */
export function isHubSpotId(value: string): boolean {
  return /^\d{1,20}$/.test(value)
}

/** HubSpot answered something we cannot read (`what`: "company", "task search", …). */
export function unreadable(what: string): CrmError {
  return new CrmError('invalid-response', `HubSpot returned an unreadable ${what}`)
}
