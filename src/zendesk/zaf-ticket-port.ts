import type { CustomerContext } from '../domain/customer'
import type { TicketPort } from '../domain/ports'
import { CUSTOMER_CHANGE_EVENTS, readCustomerContext } from './read-customer-context'
import type { ZafClient } from './zaf-client'

/**
 * The ticket, through ZAF. `prefetched` lets start-up read the customer in parallel with the app
 * metadata; the first `readCustomer` uses it, later ones (after a change event) read afresh.
 */
export function createZafTicketPort(client: ZafClient, prefetched?: Promise<CustomerContext>): TicketPort {
  let pending = prefetched
  return {
    readCustomer() {
      const first = pending
      pending = undefined
      return first ?? readCustomerContext(client)
    },
    onCustomerChange(handler) {
      const listener = (): void => handler()
      for (const event of CUSTOMER_CHANGE_EVENTS) client.on(event, listener)
      return () => {
        for (const event of CUSTOMER_CHANGE_EVENTS) client.off(event, listener)
      }
    },
  }
}
