import { customerKey, type CustomerContext } from '../domain/customer'
import type { LookupOptions } from '../domain/lookup-account'

export type Lookup<T> = (context: CustomerContext, options?: LookupOptions) => Promise<T>

/**
 * One CRM lookup per customer, however many parts of the app ask:
 * - calls for a customer whose lookup is on its way share it (Zendesk's requester and organization
 *   change events, which arrive together, cost one lookup, not two);
 * - `prime` starts the start-up lookup before React has rendered, and its answer, whether an
 *   account, no match or an error, is the card's first answer even if it settled before the card
 *   asked: a CRM that refuses or has no match costs one call per ticket view, not two;
 * - a fresh lookup (Refresh, Retry) never joins one on its way, which may have left before the CRM
 *   recovered; it takes that customer's place, and later callers share it instead.
 */
export function sharedLookups<T>(run: Lookup<T>): { readonly lookup: Lookup<T>; readonly prime: Lookup<T> } {
  const inFlight = new Map<string, Promise<T>>()
  const primed = new Map<string, Promise<T>>()

  const lookup: Lookup<T> = (context, options) => {
    const key = customerKey(context)
    if (!options?.fresh) {
      const first = primed.get(key)
      if (first) {
        primed.delete(key)
        return first
      }
      const pending = inFlight.get(key)
      if (pending) return pending
    } else primed.delete(key)
    const result = run(context, options)
    inFlight.set(key, result)
    // Only its own entry: a fresh lookup that took the place of this one stays shared.
    const done = (): void => {
      if (inFlight.get(key) === result) inFlight.delete(key)
    }
    result.then(done, done)
    return result
  }

  const prime: Lookup<T> = (context) => {
    const result = lookup(context)
    primed.set(customerKey(context), result)
    // Kept for the card, not a failure nobody handles.
    result.catch(() => undefined)
    return result
  }

  return { lookup, prime }
}
