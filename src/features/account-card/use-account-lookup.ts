import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountSummary } from '../../domain/account'
import { CrmError, isCrmError } from '../../domain/crm-error'
import { applyChoice, choiceScope, type LookupOutcome, type MatchAttempt } from '../../domain/match'
import type { MatchStrategy } from '../../domain/match-strategy'
import type { CustomerContext } from '../../domain/customer'
import type { ExistingEscalation } from '../../domain/escalation'
import type { AccountChoices } from '../../domain/ports'
import { useServices } from '../shared/services-context'

export type CardState =
  | { readonly status: 'loading' }
  /** The page has no requester yet (a new ticket): nothing is worth a CRM call. */
  | { readonly status: 'no-requester' }
  | {
      readonly status: 'found'
      readonly account: AccountSummary
      readonly fetchedAt: number
      readonly refreshing: boolean
      /** The customer (and ticket) the account was found for; escalation needs it. */
      readonly customer: CustomerContext
      /** The ticket's open escalation; undefined when the lookup could not include it (HubSpot, custom). */
      readonly escalation: ExistingEscalation | null | undefined
      /** Picked by an agent among several matches; the card then offers "Not this account?". */
      readonly chosenByAgent: boolean
    }
  | {
      readonly status: 'ambiguous'
      readonly strategy: MatchStrategy
      readonly candidates: readonly AccountSummary[]
      readonly refreshing: boolean
      /** Whom the agent's pick is remembered for: the organization, or the requester when there is none. */
      readonly pickedFor: 'organization' | 'requester'
    }
  | { readonly status: 'not-found'; readonly tried: readonly MatchAttempt[]; readonly refreshing: boolean }
  | { readonly status: 'error'; readonly error: CrmError; readonly refreshing: boolean }

export interface AccountLookup {
  readonly state: CardState
  /** Fetch again from the CRM, bypassing the cache (Refresh and Retry). */
  readonly reload: () => void
  /** Remember `accountId` for this organization and show it (costs no CRM call). */
  readonly choose: (accountId: string) => void
  /** Forget the pick and show the list of matches again. */
  readonly forgetChoice: () => void
}

interface Loaded {
  readonly outcome: LookupOutcome
  readonly fetchedAt: number
  readonly customer: CustomerContext
}

function toState({ outcome, fetchedAt, customer }: Loaded, choices: AccountChoices): CardState {
  const scope = choiceScope(customer)
  const resolved = applyChoice(outcome, scope ? choices.read(scope) : null)
  switch (resolved.kind) {
    case 'found':
      return {
        status: 'found',
        account: resolved.account,
        fetchedAt,
        refreshing: false,
        customer,
        escalation: resolved.escalation,
        chosenByAgent: resolved.chosenByAgent === true,
      }
    case 'ambiguous':
      return {
        status: 'ambiguous',
        strategy: resolved.strategy,
        candidates: resolved.candidates,
        refreshing: false,
        pickedFor: customer.organization ? 'organization' : 'requester',
      }
    case 'not-found':
      return { status: 'not-found', tried: resolved.tried, refreshing: false }
  }
}

const ALWAYS_READY = (): boolean => true

/**
 * Loads the card for the ticket's current customer and follows requester/organization changes.
 * Only the latest load may update the state, so a slow answer for the previous requester never
 * overwrites the current one. `ready` says whether a customer is worth a lookup at all (a new
 * ticket waits for its requester); the same read of the customer answers both. Pass a stable
 * function (module level): a new one restarts the lookup.
 */
export function useAccountLookup(
  ready: (customer: CustomerContext) => boolean = ALWAYS_READY
): AccountLookup {
  const services = useServices()
  const [state, setState] = useState<CardState>({ status: 'loading' })
  const latest = useRef(0)
  const loaded = useRef<Loaded | null>(null)

  // Sets state only after the CRM answers; callers set the in-between state themselves.
  const load = useCallback(
    async (fresh: boolean) => {
      const run = ++latest.current
      try {
        const customer = await services.ticket.readCustomer()
        const result = ready(customer) ? await services.lookup(customer, { fresh }) : null
        if (run !== latest.current) return
        loaded.current = result && { outcome: result.outcome, fetchedAt: result.fetchedAt, customer }
        setState(loaded.current ? toState(loaded.current, services.choices) : { status: 'no-requester' })
      } catch (error) {
        if (run !== latest.current) return
        const crmError = isCrmError(error)
          ? error
          : new CrmError('unavailable', 'Unexpected failure while loading the account')
        setState({ status: 'error', error: crmError, refreshing: false })
      }
    },
    [services, ready]
  )

  const customerChanged = useCallback(() => {
    setState({ status: 'loading' })
    void load(false)
  }, [load])

  useEffect(() => {
    void load(false)
    return services.ticket.onCustomerChange(customerChanged)
  }, [load, customerChanged, services])

  // Keep showing what we have while refreshing, so the card does not flash back to a skeleton.
  const reload = useCallback(() => {
    setState((current) =>
      current.status === 'loading' || current.status === 'no-requester'
        ? current
        : { ...current, refreshing: true }
    )
    void load(true)
  }, [load])

  const remember = useCallback(
    (accountId: string | null) => {
      const current = loaded.current
      const scope = current ? choiceScope(current.customer) : null
      if (!current || !scope) return
      if (accountId) services.choices.write(scope, accountId)
      else services.choices.clear(scope)
      setState(toState(current, services.choices))
    },
    [services]
  )
  const choose = useCallback((accountId: string) => remember(accountId), [remember])
  const forgetChoice = useCallback(() => remember(null), [remember])

  return { state, reload, choose, forgetChoice }
}
