import type { AccountSummary } from './account'
import type { CustomerContext } from './customer'
import type { ExistingEscalation } from './escalation'
import type { MatchStrategy } from './match-strategy'

/** Why a strategy was not even attempted. */
export const SKIP_REASONS = ['no-value', 'not-an-account-id', 'public-email-domain'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** One step of the cascade, kept so the card can say what was tried. */
export type MatchAttempt =
  | { readonly strategy: MatchStrategy; readonly value: string; readonly result: 'no-match' }
  | {
      readonly strategy: MatchStrategy
      readonly value: string | null
      readonly result: 'skipped'
      readonly reason: SkipReason
    }

/** The outcome of looking up a ticket's customer. Errors are thrown as `CrmError` instead. */
export type LookupOutcome =
  | {
      readonly kind: 'found'
      readonly account: AccountSummary
      readonly tried: readonly MatchAttempt[]
      /** The ticket's open escalation, read in the same CRM call; absent when not looked up. */
      readonly escalation?: ExistingEscalation | null
      /** Several accounts matched and an agent picked this one (see `applyChoice`). */
      readonly chosenByAgent?: boolean
    }
  | {
      readonly kind: 'ambiguous'
      readonly strategy: MatchStrategy
      readonly candidates: readonly AccountSummary[]
      readonly tried: readonly MatchAttempt[]
    }
  | { readonly kind: 'not-found'; readonly tried: readonly MatchAttempt[] }

/**
 * Where an agent's pick among several matching accounts is remembered: the organization (every
 * ticket from it is about the same account), else the requester's email. Null when neither exists.
 */
export function choiceScope(context: CustomerContext): string | null {
  if (context.organization) return `org:${context.organization.id}`
  const email = context.requester?.email?.toLowerCase()
  return email ? `email:${email}` : null
}

/**
 * An ambiguous outcome resolved by the remembered pick, when that account is still among the
 * candidates. A unique match always wins over a remembered pick: the CRM data has been fixed.
 */
export function applyChoice(outcome: LookupOutcome, chosenAccountId: string | null): LookupOutcome {
  if (outcome.kind !== 'ambiguous' || !chosenAccountId) return outcome
  const account = outcome.candidates.find((candidate) => candidate.id === chosenAccountId)
  return account ? { kind: 'found', account, tried: outcome.tried, chosenByAgent: true } : outcome
}

/** How many accounts the picker offers: enough to tell "one" from "several" and to choose among a few. */
export const MAX_CANDIDATES = 5

/** What the accounts one step of the cascade found mean for the card. */
export type StepMatch =
  | { readonly kind: 'found'; readonly account: AccountSummary }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly AccountSummary[] }
  | { readonly kind: 'no-match' }

/**
 * One step's decision, the same for every CRM: the same account listed twice (a contact with a
 * labelled and an unlabelled association, two contacts of one account) is one account; exactly one
 * is found; several are ambiguous, offering at most MAX_CANDIDATES in the CRM's order.
 */
export function decideStep(accounts: readonly AccountSummary[]): StepMatch {
  const distinct = distinctById(accounts)
  const [first] = distinct
  if (!first) return { kind: 'no-match' }
  if (distinct.length === 1) return { kind: 'found', account: first }
  return { kind: 'ambiguous', candidates: distinct.slice(0, MAX_CANDIDATES) }
}

/** The accounts with each id once, the first of each kept (it carries the contact that matched). */
export function distinctById(accounts: readonly AccountSummary[]): AccountSummary[] {
  const seen = new Map<string, AccountSummary>()
  for (const account of accounts) if (!seen.has(account.id)) seen.set(account.id, account)
  return [...seen.values()]
}
