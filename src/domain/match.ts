import type { AccountSummary } from './account'
import type { ExistingEscalation } from './escalation'

/** The ways a ticket's customer can be matched to a CRM account, in the default cascade order. */
export const MATCH_STRATEGIES = ['organization-external-id', 'requester-email', 'email-domain'] as const
export type MatchStrategy = (typeof MATCH_STRATEGIES)[number]

/** Why a strategy was not even attempted. */
export const SKIP_REASONS = ['no-value', 'not-an-account-id', 'public-email-domain'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** One step of the cascade, kept so the card can say what was tried. */
export type MatchAttempt =
  | { readonly strategy: MatchStrategy; readonly value: string; readonly result: 'no-match' }
  | { readonly strategy: MatchStrategy; readonly value: string | null; readonly result: 'skipped'; readonly reason: SkipReason }

/** The outcome of looking up a ticket's customer. Errors are thrown as `CrmError` instead. */
export type LookupOutcome =
  | {
      readonly kind: 'found'
      readonly account: AccountSummary
      readonly tried: readonly MatchAttempt[]
      /** The ticket's open escalation, read in the same CRM call; absent when not looked up. */
      readonly escalation?: ExistingEscalation | null
    }
  | {
      readonly kind: 'ambiguous'
      readonly strategy: MatchStrategy
      readonly candidates: readonly AccountSummary[]
      readonly tried: readonly MatchAttempt[]
    }
  | { readonly kind: 'not-found'; readonly tried: readonly MatchAttempt[] }
