import type { HealthChange } from './health-history'
import type { MatchStrategy } from './match-strategy'

/** The Customer Success Manager assigned to an account in the CRM. */
export interface Csm {
  readonly id: string | null
  readonly name: string
  readonly email: string | null
}

/** What the card shows: one account, already normalised from the provider's wire format. */
export interface AccountSummary {
  readonly id: string
  readonly name: string
  /** Link to the record in the CRM's own UI; null when the provider cannot build one. */
  readonly recordUrl: string | null
  readonly csm: Csm | null
  /** 0–100, or null when the CRM has no score for the account. */
  readonly healthScore: number | null
  /**
   * The health score's changes the CRM keeps (field history), newest or oldest first; absent when
   * the connector read none (no history tracking, or a custom API without the mapping).
   */
  readonly healthHistory?: readonly HealthChange[]
  /** Calendar date `YYYY-MM-DD`, or null. */
  readonly renewalDate: string | null
  readonly arr: number | null
  readonly matchedBy: MatchStrategy
  /** The CRM contact of the requester, when the match went through one (becomes the task's contact). */
  readonly contactId?: string | null
}
