import type { AttemptProgress, EscalationDraft, ExistingEscalation } from './escalation'
import type { CustomerContext, TicketRef } from './customer'
import type { DismissedKinds } from './recommendation-dismissal'
import type { LookupOutcome } from './match'
import type { SlackMessage } from './slack-blocks'
import type { TicketFacts } from './why-now'

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

/**
 * The account an agent picked when several matched, per `choiceScope` (domain/match.ts), so the
 * next ticket from the same organization opens on it.
 */
export interface AccountChoices {
  /** False where the browser refuses storage: picks then last only as long as the app's page. */
  readonly persistent: boolean
  read(scope: string): string | null
  write(scope: string, accountId: string): void
  clear(scope: string): void
}

/**
 * The agent's "Not now" on a ticket's escalation recommendation, per ticket, in the agent's browser
 * like the escalation draft (memory for the iframe's life where the browser blocks storage).
 */
export interface RecommendationDismissals {
  /** The kinds of signal the dismissed recommendation had; null when the agent has not dismissed it. */
  read(ticket: TicketRef): DismissedKinds | null
  write(ticket: TicketRef, kinds: DismissedKinds): void
  /** "Show recommendation": the banner is back, also after a reload. */
  clear(ticket: TicketRef): void
}

/** The ticket the app sits on, as far as the account card needs it. */
export interface TicketPort {
  readCustomer(): Promise<CustomerContext>
  /** Calls `handler` when the ticket's requester or organization changes; returns an unsubscribe. */
  onCustomerChange(handler: () => void): () => void
}

/** The CRM task for an escalation. `exists` means a task with this ticket's key was already open. */
export type EscalationTaskResult =
  | { readonly kind: 'created'; readonly taskId: string; readonly taskUrl: string | null }
  | { readonly kind: 'exists'; readonly existing: ExistingEscalation }

export interface EscalationTaskInput {
  readonly key: string
  readonly ticketId: number
  readonly subject: string
  readonly description: string
  readonly ownerId: string
  readonly accountId: string
  readonly contactId: string | null
  readonly priority: 'High' | 'Normal' | 'Low'
  /** `YYYY-MM-DD`. */
  readonly dueDate: string
  /**
   * An earlier create for this key may have succeeded without our hearing of it (a lost answer, a
   * closed tab): look for the task in a way that sees the CRM's latest writes before creating.
   */
  readonly afterUnknownOutcome: boolean
}

/** The CRM side of an escalation. Implementations make `createTask` safe to call twice for one key. */
export interface EscalationCrm {
  createTask(input: EscalationTaskInput): Promise<EscalationTaskResult>
  /** Appends a dated follow-up to the task's note, so the CSM reads it where the escalation is. */
  appendToTask(taskId: string, text: string): Promise<void>
  /**
   * The ticket's escalation task, for CRMs whose account lookup cannot include it (Salesforce's
   * composite lookup does, so it has none). Null when there is none; absent when the CRM cannot search.
   */
  findExisting?(ref: EscalationRef): Promise<ExistingEscalation | null>
}

/** What identifies a ticket's escalation task before anything else about it is known. */
export interface EscalationRef {
  readonly key: string
  readonly ticketId: number
  readonly accountId: string
}

/** What the escalation needs from the Zendesk ticket, read when the agent escalates (not on load). */
export interface TicketDetails {
  readonly id: number
  readonly subdomain: string
  readonly subject: string
  readonly priority: string | null
  readonly status: string
  readonly requester: { readonly name: string; readonly email: string | null } | null
  readonly organization: { readonly id: number; readonly name: string } | null
  readonly agentId: number
  readonly agentName: string
  /** For the "Why now" block of the context note; absent where not read. */
  readonly facts?: TicketFacts
}

/** The ticket as Zendesk holds it now (not as the agent's view loaded it): what a guarded write needs. */
export interface TicketState {
  readonly tags: readonly string[]
  /** Zendesk's `updated_at`, sent back as `updated_stamp`. */
  readonly updatedAt: string
  /**
   * Zendesk's clock when it answered (epoch ms, from the answer's `Date`), null when unknown.
   * Claims are stamped and judged stale by this one clock, so agents' clocks need not agree.
   */
  readonly serverTime: number | null
}

/** Writes to the Zendesk ticket through the agent's session. */
export interface TicketWriter {
  details(): Promise<TicketDetails>
  /** Tickets from the organization in the last 30 days, or null when it cannot be counted. */
  recentTicketCount(organizationId: number, since: string): Promise<number | null>
  readState(ticketId: number): Promise<TicketState>
  /**
   * One update with collision protection (`safe_update`): sets the tags, and adds a private
   * internal note when given, only if the ticket is unchanged since `state` was read. `conflict`
   * when it changed (Zendesk's 409): nothing was written.
   */
  writeIfUnchanged(
    ticketId: number,
    state: TicketState,
    change: {
      readonly tags: readonly string[]
      readonly internalNote?: string
      /** Zendesk users to add as followers in the same update (`followers` with `action: "put"`). */
      readonly followerIds?: readonly number[]
    }
  ): Promise<'written' | 'conflict'>
  /**
   * The Zendesk user with this email who can follow tickets (an agent, light agent or admin); null
   * when there is none (an end user, or nobody). One read per email for the life of the frame.
   */
  followerByEmail(email: string): Promise<number | null>
  /** One update: a private internal note and the tag, so both land or neither does (follow-ups). */
  addInternalNoteAndTag(ticketId: number, note: string, tag: string): Promise<void>
  /** Whether an internal note containing `marker` is already on the ticket (a retry after a lost answer). */
  hasInternalNoteContaining(ticketId: number, marker: string): Promise<boolean>
  /** The bodies of the ticket's internal notes, newest first (one read: Zendesk's first page). */
  internalNotes(ticketId: number): Promise<readonly string[]>
  /** An agent's name, for "Sam is escalating this ticket"; null when it cannot be read. */
  agentName(userId: number): Promise<string | null>
}

/**
 * Per-ticket storage in the agent's browser: the draft, and each attempt's progress under its own
 * id, so two tabs of one agent never overwrite each other's progress.
 */
export interface EscalationStore {
  loadDraft(): EscalationDraft | null
  saveDraft(draft: EscalationDraft): void
  loadAttempt(attemptId: string): AttemptProgress | null
  saveAttempt(progress: AttemptProgress): void
  /** Drops one attempt's progress (it lost its claim before writing anything); the draft stays. */
  forgetAttempt(attemptId: string): void
  /** The attempt this browser is completing: written once its claim is on the ticket. */
  currentAttempt(): string | null
  setCurrentAttempt(attemptId: string | null): void
  /** Drops the attempt and, when it is the current one, the pointer and the draft. */
  finish(attemptId: string): void
}

/**
 * Slack's Web API through the Zendesk proxy, with the bot token. Implementations throw only
 * `SlackError` (domain/slack-error.ts).
 */
export interface SlackPort {
  /** The Slack user with this email (`users.lookupByEmail`); null when Slack has none (`users_not_found`). */
  userIdByEmail(email: string): Promise<string | null>
  /**
   * `chat.postMessage`; `channel` may be a user id, which Slack answers with the DM's `D…` channel.
   * With `threadTs` (the first message's `ts`), a reply in that message's thread.
   */
  postMessage(
    channel: string,
    message: SlackMessage,
    threadTs?: string
  ): Promise<{ readonly channel: string; readonly ts: string }>
  /** `chat.getPermalink`; null when Slack will not give one. */
  permalink(channel: string, ts: string): Promise<string | null>
}
