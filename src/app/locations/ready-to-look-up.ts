import type { CustomerContext } from '../../domain/customer'
import type { AppLocation } from '../../zendesk/context-paths'

/**
 * Whether the customer of `location` is worth a CRM lookup yet. A new ticket starts with nobody on
 * it: until the agent sets a requester the sidebar explains that instead of reporting "no match".
 * Everywhere else the page's customer is what it is, and an empty one is a real "nothing to try".
 */
export function readyToLookUp(location: AppLocation, customer: CustomerContext): boolean {
  return location !== 'new_ticket_sidebar' || customer.requester !== null
}
