import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountSummary } from '../../domain/account'
import { CrmError, isCrmError } from '../../domain/crm-error'
import type { MatchAttempt, MatchStrategy } from '../../domain/match'
import type { CustomerContext } from '../../domain/customer'
import type { ExistingEscalation } from '../../domain/escalation'
import { useServices } from '../shared/services-context'

export type CardState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'found'
      readonly account: AccountSummary
      readonly fetchedAt: number
      readonly refreshing: boolean
      /** The customer (and ticket) the account was found for; escalation needs it. */
      readonly customer: CustomerContext
      readonly escalation: ExistingEscalation | null
    }
  | {
      readonly status: 'ambiguous'
      readonly strategy: MatchStrategy
      readonly candidates: readonly AccountSummary[]
      readonly refreshing: boolean
    }
  | { readonly status: 'not-found'; readonly tried: readonly MatchAttempt[]; readonly refreshing: boolean }
  | { readonly status: 'error'; readonly error: CrmError; readonly refreshing: boolean }

export interface AccountLookup {
  readonly state: CardState
  /** Fetch again from the CRM, bypassing the cache (Refresh and Retry). */
  readonly reload: () => void
}

/**
 * Loads the card for the ticket's current customer and follows requester/organization changes.
 * Only the latest load may update the state, so a slow answer for the previous requester never
 * overwrites the current one.
 */
export function useAccountLookup(): AccountLookup {
  const services = useServices()
  const [state, setState] = useState<CardState>({ status: 'loading' })
  const latest = useRef(0)

  // Sets state only after the CRM answers; callers set the in-between state themselves.
  const load = useCallback(
    async (fresh: boolean) => {
      const run = ++latest.current
      try {
        const customer = await services.ticket.readCustomer()
        const result = await services.lookup(customer, { fresh })
        if (run !== latest.current) return
        const { outcome } = result
        switch (outcome.kind) {
          case 'found':
            setState({
              status: 'found',
              account: outcome.account,
              fetchedAt: result.fetchedAt,
              refreshing: false,
              customer,
              escalation: outcome.escalation ?? null,
            })
            break
          case 'ambiguous':
            setState({ status: 'ambiguous', strategy: outcome.strategy, candidates: outcome.candidates, refreshing: false })
            break
          case 'not-found':
            setState({ status: 'not-found', tried: outcome.tried, refreshing: false })
            break
        }
      } catch (error) {
        if (run !== latest.current) return
        const crmError = isCrmError(error) ? error : new CrmError('unavailable', 'Unexpected failure while loading the account')
        setState({ status: 'error', error: crmError, refreshing: false })
      }
    },
    [services]
  )

  const customerChanged = useCallback(() => {
    setState({ status: 'loading' })
    void load(false)
  }, [load])

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after awaiting the CRM
    void load(false)
    return services.ticket.onCustomerChange(customerChanged)
  }, [load, customerChanged, services])

  // Keep showing what we have while refreshing, so the card does not flash back to a skeleton.
  const reload = useCallback(() => {
    setState((current) => (current.status === 'loading' ? current : { ...current, refreshing: true }))
    void load(true)
  }, [load])
  return { state, reload }
}
