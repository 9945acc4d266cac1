/** The REST API version every Salesforce call uses; v62.0 has everything we need (composite, upsert `created`). */
export const SALESFORCE_API_VERSION = 'v62.0'
export const API_ROOT = `/services/data/${SALESFORCE_API_VERSION}`

/** The record page in Lightning Experience, for the card's account link. */
export function accountRecordUrl(baseUrl: string, accountId: string): string {
  return `${baseUrl}/lightning/r/Account/${encodeURIComponent(accountId.toWellFormed())}/view`
}
