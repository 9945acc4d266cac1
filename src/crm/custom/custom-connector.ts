import type { AccountSummary } from '../../domain/account'
import { CrmError, isNotFound } from '../../domain/crm-error'
import { isPublicEmailDomain } from '../../domain/customer'
import { decideStep, type MatchAttempt } from '../../domain/match'
import type { MatchStrategy } from '../../domain/match-strategy'
import type { CrmConnector } from '../../domain/ports'
import type { CustomLookupRequest, CustomRestSettings } from '../../settings/custom-rest-settings'
import type { CrmHttp } from '../http/create-crm-http'
import { buildRequest, requestVariables, variableValue } from './build-request'
import { lookupScope, type LookupScope } from './lookup-scope'
import { mapAccount } from './map-account'
import { readPath } from '../../mapping/json-path'

type StepResult =
  | { readonly kind: 'skipped'; readonly attempt: MatchAttempt }
  | { readonly kind: 'accounts'; readonly value: string; readonly accounts: readonly AccountSummary[] }

/**
 * The custom-REST connector: the admin's lookup requests, in match_order, one at a time until one
 * finds an account. Sequential on purpose: an arbitrary REST API has no composite call, and
 * sending every request at once would spend the CRM's rate limit on answers we throw away.
 */
export function createCustomConnector(
  http: CrmHttp,
  settings: CustomRestSettings,
  matchOrder: readonly MatchStrategy[]
): CrmConnector {
  const plan = orderedLookups(settings.lookups, matchOrder)

  const runStep = async (
    request: CustomLookupRequest,
    scope: LookupScope,
    requesterEmail: string | null
  ): Promise<StepResult> => {
    const variables = requestVariables(request)
    const value = variables[0] === undefined ? '' : variableValue(scope, variables[0])
    const built = buildRequest(request, scope)
    if (!built || value === null)
      return {
        kind: 'skipped',
        attempt: { strategy: request.match, value, result: 'skipped', reason: 'no-value' },
      }
    // Thousands of unrelated customers share gmail.com: a "match" there would be a wrong account.
    if (request.match === 'email-domain' && isPublicEmailDomain(value)) {
      return {
        kind: 'skipped',
        attempt: { strategy: request.match, value, result: 'skipped', reason: 'public-email-domain' },
      }
    }
    let body: unknown
    try {
      // Lookups only read, so a POST search may be retried like a GET.
      const response = await http.send({
        method: built.method,
        url: built.url,
        data: built.data,
        idempotent: true,
      })
      body = response.data
    } catch (error) {
      if (isNotFound(error)) return { kind: 'accounts', value, accounts: [] }
      throw error
    }
    const records = resultRecords(body, request)
    return {
      kind: 'accounts',
      value,
      accounts: records.map((record) => mapAccount(record, settings.fieldMap, request.match, requesterEmail)),
    }
  }

  return {
    async findAccount(context) {
      const tried: MatchAttempt[] = []
      const scope = lookupScope(context)
      for (const request of plan) {
        const step = await runStep(request, scope, context.requester?.email ?? null)
        if (step.kind === 'skipped') {
          tried.push(step.attempt)
          continue
        }
        const match = decideStep(step.accounts)
        if (match.kind === 'found')
          return { kind: 'found', account: match.account, tried: perStrategy(tried, request.match) }
        if (match.kind === 'ambiguous')
          return {
            kind: 'ambiguous',
            strategy: request.match,
            candidates: match.candidates,
            tried: perStrategy(tried, request.match),
          }
        tried.push({ strategy: request.match, value: step.value, result: 'no-match' })
      }
      return { kind: 'not-found', tried: perStrategy(tried) }
    },
  }
}

/** The requests match_order allows, in its order; requests sharing a strategy keep the admin's order. */
export function orderedLookups(
  lookups: readonly CustomLookupRequest[],
  matchOrder: readonly MatchStrategy[]
): CustomLookupRequest[] {
  return matchOrder.flatMap((strategy) => lookups.filter((lookup) => lookup.match === strategy))
}

/**
 * The card lists each way it tried. Requests sharing a strategy are alternatives (the requester's
 * email domain, else the organization's), so one that could not be sent is not listed when another
 * of its strategy was (or found the account), and a strategy none could send is listed once.
 */
function perStrategy(tried: readonly MatchAttempt[], matched?: MatchStrategy): MatchAttempt[] {
  const sent = new Set(tried.flatMap((attempt) => (attempt.result === 'skipped' ? [] : [attempt.strategy])))
  if (matched) sent.add(matched)
  const listedSkip = new Set<MatchStrategy>()
  return tried.filter((attempt) => {
    if (attempt.result !== 'skipped') return true
    if (sent.has(attempt.strategy) || listedSkip.has(attempt.strategy)) return false
    listedSkip.add(attempt.strategy)
    return true
  })
}

/** The records at the result path: a list (0, 1 or several) or a single record; null means none. */
function resultRecords(body: unknown, request: CustomLookupRequest): readonly unknown[] {
  const result = readPath(body, request.result)
  if (result === null) return []
  if (Array.isArray(result)) return result
  if (typeof result === 'object') return [result]
  throw new CrmError(
    'invalid-response',
    'The CRM answer has no record list where custom_lookup_requests points'
  )
}
