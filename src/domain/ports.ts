import type { CustomerContext } from './customer'
import type { LookupOutcome } from './match'

/** A CRM, seen from the app. Implementations throw only `CrmError`. */
export interface CrmConnector {
  /** Finds the account for the ticket's customer, trying the match cascade in order. */
  findAccount(context: CustomerContext): Promise<LookupOutcome>
}

/** A cached lookup, with the time it was fetched so the card can say "as of". */
export interface CachedOutcome {
  readonly outcome: LookupOutcome
  readonly fetchedAt: number
}

/** Short-lived memory of lookups, so reopening a ticket costs no CRM call. */
export interface LookupCache {
  read(key: string, now: number): CachedOutcome | null
  write(key: string, entry: CachedOutcome): void
  remove(key: string): void
}

/** The ticket the app sits on, as far as the account card needs it. */
export interface TicketPort {
  readCustomer(): Promise<CustomerContext>
  /** Calls `handler` when the ticket's requester or organization changes; returns an unsubscribe. */
  onCustomerChange(handler: () => void): () => void
}
