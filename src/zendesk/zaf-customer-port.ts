import type { CustomerContext } from '../domain/customer'
import type { TicketPort } from '../domain/ports'
import type { AppLocation } from './context-paths'
import { customerChangeEvents, readCustomerContext } from './read-customer-context'
import type { ZafClient } from './zaf-client'

/**
 * The customer of the page the app sits on (ticket, new ticket, user or organization), through
 * ZAF. `prefetched` lets start-up read the customer in parallel with the app metadata; the first
 * `readCustomer` uses it, later ones (after a change event) read afresh.
 */
export function createZafCustomerPort(
  client: ZafClient,
  location: AppLocation,
  prefetched?: Promise<CustomerContext>
): TicketPort {
  let pending = prefetched
  const events = customerChangeEvents(location)
  return {
    readCustomer() {
      const first = pending
      pending = undefined
      return first ?? readCustomerContext(client, location)
    },
    onCustomerChange(handler) {
      const listener = (): void => handler()
      for (const event of events) client.on(event, listener)
      return () => {
        for (const event of events) client.off(event, listener)
      }
    },
  }
}
