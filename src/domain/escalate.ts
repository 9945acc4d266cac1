import type { AccountSummary } from './account'
import { CrmError } from './crm-error'
import {
  dueInDays,
  taskPriority,
  taskSubject,
  type AttemptProgress,
  type EscalationDraft,
} from './escalation'
import {
  completedEscalations,
  ESCALATED_TAG,
  escalationKey,
  isStale,
  newClaim,
  readClaim,
  tagsWhenEscalated,
  tagsWithClaim,
  tagsWithoutClaims,
  type Claim,
} from './escalation-claim'
import { buildEscalationNote } from './escalation-note'
import { buildFollowUpNote, buildInternalNote } from './internal-note'
import type { EscalationCrm, EscalationStore, TicketDetails, TicketState, TicketWriter } from './ports'
import { localDate } from './renewal'
import {
  sendSlackMessage,
  sendSlackReply,
  type SlackDeps,
  type SlackDelivery,
  type SlackReplyDelivery,
} from './send-slack-message'
import type { FollowerOutcome, SlackOutcome, SlackReplyOutcome } from './slack-step'
import { sentMessageLine, threadInNotes, type SlackThread } from './slack-thread'
import {
  recommendEscalation,
  whyNowSignals,
  type TrendSignal,
  type WhyNowSettings,
  type WhyNowSignal,
} from './why-now'

export { ESCALATED_TAG }

export interface EscalateDeps {
  readonly crm: EscalationCrm
  readonly zendesk: TicketWriter
  readonly store: EscalationStore
  readonly now: () => number
  /** Waits between attempts at a guarded write that met another update. */
  readonly sleep: (ms: number) => Promise<void>
  /** A short random string: tells two tabs of one agent apart in a claim. */
  readonly nonce: () => string
  /**
   * Runs `task` unless another tab of this browser is running an escalation of this ticket
   * (they share the saved progress); null when one is. Released when the tab closes.
   */
  readonly exclusive: <T>(task: () => Promise<T>) => Promise<T | null>
  readonly healthRiskBelow: number
  /** The "Why now" thresholds, for the context note's block of signals; absent = no block. */
  readonly whyNow?: WhyNowSettings
  /** The customer's other tickets as the card listed them ("Why now"); absent = none in the note. */
  readonly trend?: () => Promise<readonly TrendSignal[]>
  readonly fallbackOwner: string | null
  readonly formatArr: (amount: number) => string
  /** The Slack message on escalation (ADR 0012); absent = none. */
  readonly slack?: SlackDeps
  /** Add the CSM, when a Zendesk agent, as a follower in the escalation's ticket update. */
  readonly followAsCsm?: boolean
}

export interface EscalationRequest {
  readonly account: AccountSummary
  readonly draft: EscalationDraft
  /**
   * Completed escalations the agent saw on this ticket: 0 for a first escalation, n for
   * "Escalate again" after the n-th was closed. Anything else on the ticket means someone else
   * escalated meanwhile.
   */
  readonly priorEscalations: number
}

/** Someone else's escalation of this ticket, under way. */
export interface ClaimHolder {
  /** Null when another tab of this browser is only starting (its claim is not on the ticket yet). */
  readonly claim: Claim | null
  /** The same agent, in another tab or window. */
  readonly byMe: boolean
  readonly agentName: string | null
  /** Zendesk's clock minus this browser's when the claim was read, so its age is told by Zendesk's clock. */
  readonly clockOffsetMs: number
}

export type EscalationResult =
  | {
      readonly kind: 'done'
      readonly ownerName: string
      readonly taskId: string
      readonly taskUrl: string | null
      readonly slack: SlackOutcome
      /** What "Send again" sends, when the message was not sent (or may not have been). */
      readonly slackRetry: SlackDelivery | null
      readonly follower: FollowerOutcome
    }
  /** Another agent (or tab) completed an escalation first; nothing of ours was written. */
  | { readonly kind: 'already-escalated'; readonly escalations: number }
  /** Another agent (or tab) is escalating right now; nothing of ours was written. */
  | { readonly kind: 'claimed'; readonly holder: ClaimHolder }

/** Which step failed, so the card can say what is saved and what a retry will do. */
export class EscalationError extends Error {
  override readonly name = 'EscalationError'
  constructor(
    /** `claim`: nothing was written anywhere; `crm`: no task; `zendesk`: the task exists, the note does not. */
    readonly step: 'claim' | 'crm' | 'zendesk',
    override readonly cause: unknown
  ) {
    super(`Escalation failed at the ${step} step`)
  }
}

// A guarded write that meets an unrelated update (a customer reply, a trigger) reads again and
// retries; this many times, with a growing, jittered pause, before it gives up with an error.
const GUARDED_WRITE_ROUNDS = 6
// Zendesk's `updated_at` has whole seconds; a claim is confirmed once the second has turned.
const CONFIRM_AFTER_MS = 1100

/** Who gets the task: the CSM, else the admin's fallback owner, else nobody (escalation not offered). */
export function escalationOwner(
  account: AccountSummary,
  fallbackOwner: string | null
): { id: string; name: string | null; isFallback: boolean } | null {
  if (account.csm?.id) return { id: account.csm.id, name: account.csm.name, isFallback: false }
  return fallbackOwner ? { id: fallbackOwner, name: null, isFallback: true } : null
}

/**
 * This browser's unfinished attempt on the ticket, which any load or click must finish before
 * anything else: the attempt named by the claim on the ticket, or the last one this browser
 * claimed when its final update may have landed unheard (ADR 0010).
 */
export function resumableAttempt(tags: readonly string[], store: EscalationStore): AttemptProgress | null {
  const claim = readClaim(tags)
  const claimed = claim ? store.loadAttempt(claim.attemptId) : null
  if (claimed) return claimed
  const current = store.currentAttempt()
  const last = current ? store.loadAttempt(current) : null
  return last?.zendeskAttempted ? last : null
}

/**
 * One escalation, exactly once (ADR 0010): claim the ticket in Zendesk with collision protection,
 * create the CRM task (idempotent by the escalation's key), then one guarded Zendesk update with
 * the internal note and tag that also releases the claim. Progress is saved before every step, so
 * a retry or a reload finishes what is missing, and the draft is dropped only at the end.
 */
export async function escalate(
  request: EscalationRequest,
  deps: EscalateDeps,
  fallbackName: string
): Promise<EscalationResult> {
  const result = await deps.exclusive(() => escalateHere(request, deps, fallbackName))
  if (result) return result
  // Another tab of this browser is on it: say whose claim it is, if it is on the ticket yet.
  const ticket = await zendeskStep(() => deps.zendesk.details(), 'claim')
  const state = await zendeskStep(() => deps.zendesk.readState(ticket.id), 'claim')
  const claim = readClaim(state.tags)
  return {
    kind: 'claimed',
    holder: claim
      ? await holder(claim, ticket, state, deps)
      : { claim: null, byMe: true, agentName: ticket.agentName, clockOffsetMs: 0 },
  }
}

async function escalateHere(
  request: EscalationRequest,
  deps: EscalateDeps,
  fallbackName: string
): Promise<EscalationResult> {
  const owner = escalationOwner(request.account, deps.fallbackOwner)
  if (!owner)
    throw new EscalationError(
      'crm',
      new CrmError('rejected', 'The account has no CSM and no fallback owner is set')
    )
  // Which step a failed read is reported as: nothing is written yet, unless this browser has a task.
  const currentId = deps.store.currentAttempt()
  const readStep = currentId && deps.store.loadAttempt(currentId)?.task ? 'zendesk' : 'claim'
  const ticket = await zendeskStep(() => deps.zendesk.details(), readStep)
  const state = await zendeskStep(() => deps.zendesk.readState(ticket.id), readStep)
  const resumed = resumableAttempt(state.tags, deps.store)
  if (resumed) return complete(resumed, request.account, ticket, deps, owner.name ?? fallbackName, owner)

  const claimed = await claimTicket(request, ticket, state, deps)
  if ('kind' in claimed) return claimed
  return complete(claimed.attempt, request.account, ticket, deps, owner.name ?? fallbackName, owner)
}

async function claimTicket(
  request: EscalationRequest,
  ticket: TicketDetails,
  firstState: TicketState,
  deps: EscalateDeps
): Promise<{ readonly attempt: AttemptProgress } | EscalationResult> {
  const claim = newClaim(ticket.agentId, zendeskNow(firstState, deps), deps.nonce())
  let state = firstState
  for (let round = 0; round < GUARDED_WRITE_ROUNDS; round++) {
    if (round > 0) {
      await deps.sleep(backoff(round))
      state = await zendeskStep(() => deps.zendesk.readState(ticket.id), 'claim')
    }
    const escalations = completedEscalations(state.tags)
    if (escalations > request.priorEscalations) return { kind: 'already-escalated', escalations }
    const other = readClaim(state.tags)
    const takingOver = other !== null && isStale(other, zendeskNow(state, deps))
    if (other && !takingOver) return { kind: 'claimed', holder: await holder(other, ticket, state, deps) }
    // An earlier attempt of this browser for the same escalation may have reached the CRM before
    // its claim was lost (removed by a trigger, taken over): carry what it did over.
    const previousId = deps.store.currentAttempt()
    const previous = previousId ? deps.store.loadAttempt(previousId) : null
    const carried = previous?.sequence === request.priorEscalations + 1 ? previous : null
    // Saved before the write, under its own id: if the answer is lost, the claim we then find on
    // the ticket names this attempt, and this browser resumes it.
    const attempt: AttemptProgress = {
      attemptId: claim.attemptId,
      sequence: request.priorEscalations + 1,
      draft: request.draft,
      accountId: carried?.accountId ?? request.account.id,
      // A stale claim's attempt may have created the task before its tab closed: ask the CRM.
      crmAttempted: takingOver || carried?.crmAttempted === true,
      task: carried?.task ?? null,
      // What this browser's earlier attempt did in Slack, so a new claim does not post it again.
      ...(carried?.slack ? { slack: carried.slack } : {}),
      ...(takingOver || carried?.tookOver ? { tookOver: true } : {}),
      zendeskAttempted: false,
    }
    deps.store.saveAttempt(attempt)
    const outcome = await zendeskStep(
      () => deps.zendesk.writeIfUnchanged(ticket.id, state, { tags: tagsWithClaim(state.tags, claim) }),
      'claim'
    )
    if (outcome === 'written') {
      // Zendesk's stamp has whole seconds: a second claim written in the same second with the
      // same stamp may still land after ours. Once the second has turned, the last claim written
      // is the one on the ticket; only its owner goes on.
      await deps.sleep(CONFIRM_AFTER_MS)
      const confirmed = await zendeskStep(() => deps.zendesk.readState(ticket.id), 'claim')
      const holding = readClaim(confirmed.tags)
      if (holding?.attemptId !== claim.attemptId) {
        deps.store.forgetAttempt(claim.attemptId)
        if (completedEscalations(confirmed.tags) > request.priorEscalations)
          return { kind: 'already-escalated', escalations: completedEscalations(confirmed.tags) }
        if (holding) return { kind: 'claimed', holder: await holder(holding, ticket, confirmed, deps) }
        state = confirmed
        continue
      }
      deps.store.setCurrentAttempt(claim.attemptId)
      return { attempt }
    }
  }
  throw new EscalationError('claim', new CrmError('unavailable', 'The ticket kept changing during the claim'))
}

async function complete(
  start: AttemptProgress,
  account: AccountSummary,
  ticket: TicketDetails,
  deps: EscalateDeps,
  ownerName: string,
  owner: { id: string; isFallback: boolean }
): Promise<EscalationResult> {
  let progress = start
  const save = (next: AttemptProgress): void => {
    progress = next
    deps.store.saveAttempt(next)
  }
  const key = escalationKey(ticket.subdomain, ticket.id, progress.sequence)

  if (!progress.task) {
    const description = await contextNote(progress.draft, account, ticket, deps, owner.isFallback)
    const unknownOutcome = progress.crmAttempted
    save({ ...progress, crmAttempted: true })
    let result
    try {
      result = await deps.crm.createTask({
        key,
        ticketId: ticket.id,
        subject: taskSubject(ticket.id, ticket.subject),
        description,
        ownerId: owner.id,
        // The account the attempt began with, even if the agent picked another since.
        accountId: progress.accountId,
        contactId: progress.accountId === account.id ? (account.contactId ?? null) : null,
        priority: taskPriority(ticket.priority),
        dueDate: localDate(new Date(deps.now() + dueInDays(ticket.priority) * 86_400_000)),
        afterUnknownOutcome: unknownOutcome,
      })
    } catch (error) {
      if (!unknownOutcome && isDefiniteRefusal(error)) await releaseClaim(progress, ticket, deps)
      throw new EscalationError('crm', error)
    }
    // With the claim held, a task that already has this escalation's key is this escalation's:
    // ours after a lost answer, or a stale claim's that we took over. Either way, finish it.
    const task =
      result.kind === 'created'
        ? { id: result.taskId, url: result.taskUrl }
        : { id: result.existing.taskId, url: result.existing.taskUrl }
    // A task made by the attempt we took over: that attempt may have sent the Slack message too,
    // and Slack cannot be asked. As after a lost answer, the agent decides (the card says why).
    const maybePosted =
      result.kind === 'exists' && progress.tookOver === true && !progress.slack && deps.slack !== undefined
    save({
      ...progress,
      task: { ...task, ownerName },
      ...(maybePosted ? { slack: { state: 'unknown' } } : {}),
    })
  }

  const task = progress.task
  if (!task) throw new EscalationError('crm', new CrmError('invalid-response', 'No task after the CRM step'))
  const marker = task.url ?? task.id
  const csmEmail = owner.isFallback ? null : (account.csm?.email ?? null)

  // Before the final update, so the internal note can link the Slack message and the same update
  // can add the CSM as a follower: one ticket write, as before (ADR 0012).
  const follower = await followerFor(csmEmail, owner.isFallback, deps)
  const delivery: SlackDelivery = {
    csmEmail,
    message: {
      ticket,
      account,
      agentName: ticket.agentName,
      csmName: task.ownerName,
      reason: progress.draft.reason,
      agentNote: progress.draft.note,
      whyNow: signalsSeen(account, ticket, deps),
      healthRiskBelow: deps.healthRiskBelow,
      arrText: account.arr === null ? null : deps.formatArr(account.arr),
      today: localDate(new Date(deps.now())),
      task: { id: task.id, url: task.url },
      formatArr: deps.formatArr,
    },
  }
  const slack = deps.slack
  if (progress.slack?.state === 'posting') {
    // Saved just before chat.postMessage left, and no answer saved since: it may be in Slack.
    // Sending again could tell the CSM twice; the agent decides (the card says why).
    save({ ...progress, slack: { state: 'unknown' } })
  } else if (!progress.slack && slack && !progress.zendeskAttempted) {
    const outcome = await sendSlackMessage(delivery, slack, () =>
      save({ ...progress, slack: { state: 'posting' } })
    )
    save({ ...progress, slack: outcome })
  }
  const slackOutcome: SlackOutcome =
    progress.slack && progress.slack.state !== 'posting' ? progress.slack : { state: 'off' }
  const done: EscalationResult = {
    kind: 'done',
    ownerName: task.ownerName,
    taskId: task.id,
    taskUrl: task.url,
    slack: slackOutcome,
    slackRetry: slackOutcome.state === 'not-sent' || slackOutcome.state === 'unknown' ? delivery : null,
    follower: follower.outcome,
  }
  for (let round = 0; round < GUARDED_WRITE_ROUNDS; round++) {
    if (round > 0) await deps.sleep(backoff(round))
    const state = await zendeskStep(() => deps.zendesk.readState(ticket.id))
    if (readClaim(state.tags)?.attemptId !== progress.attemptId) {
      // Our claim is gone. Either our final update landed and its answer was lost (its note names
      // our task), or another agent took the claim over as abandoned and finished the escalation.
      const escalations = completedEscalations(state.tags)
      if (escalations >= progress.sequence) {
        const ours = await zendeskStep(() => deps.zendesk.hasInternalNoteContaining(ticket.id, marker))
        deps.store.finish(progress.attemptId)
        return ours ? done : { kind: 'already-escalated', escalations }
      }
      const other = readClaim(state.tags)
      if (other) return { kind: 'claimed', holder: await holder(other, ticket, state, deps) }
      // Removed by something else (a trigger, a macro): the next try claims again and carries
      // this attempt's task over (claimTicket), so nothing is created twice.
      throw new EscalationError(
        'zendesk',
        new CrmError('rejected', 'The escalation claim was removed from the ticket')
      )
    }
    save({ ...progress, zendeskAttempted: true })
    const internalNote = buildInternalNote({
      ownerName: task.ownerName,
      agentName: ticket.agentName,
      task: marker,
      reason: progress.draft.reason,
      agentNote: progress.draft.note,
      recommendation: recommendEscalation(signalsSeen(account, ticket, deps)),
      formatArr: deps.formatArr,
      slack: slackOutcome,
    })
    const outcome = await zendeskStep(() =>
      deps.zendesk.writeIfUnchanged(ticket.id, state, {
        tags: tagsWhenEscalated(state.tags, progress.sequence),
        internalNote,
        ...(follower.id === null ? {} : { followerIds: [follower.id] }),
      })
    )
    if (outcome === 'written') {
      deps.store.finish(progress.attemptId)
      return done
    }
  }
  throw new EscalationError(
    'zendesk',
    new CrmError('unavailable', 'The ticket kept changing during the update')
  )
}

/**
 * The CSM's Zendesk user, to follow the ticket: one read (cached by the writer). A CSM who is not
 * a Zendesk agent, or a read that fails, costs nothing but the card's line saying so.
 */
async function followerFor(
  csmEmail: string | null,
  isFallback: boolean,
  deps: Pick<EscalateDeps, 'zendesk' | 'followAsCsm'>
): Promise<{ readonly id: number | null; readonly outcome: FollowerOutcome }> {
  if (!deps.followAsCsm || isFallback) return { id: null, outcome: 'off' }
  if (!csmEmail) return { id: null, outcome: 'not-a-user' }
  try {
    const id = await deps.zendesk.followerByEmail(csmEmail)
    return id === null ? { id: null, outcome: 'not-a-user' } : { id, outcome: 'added' }
  } catch {
    return { id: null, outcome: 'not-checked' }
  }
}

/**
 * "Send again" after the escalation: the same message, once. Once sent, a short internal note
 * links it, so that follow-ups find its thread after a reload or from another agent's card. The
 * note is best effort: the message is in Slack whatever happens to it.
 */
export async function sendSlackAgain(
  delivery: SlackDelivery,
  deps: { readonly slack: SlackDeps; readonly zendesk: TicketWriter }
): Promise<SlackOutcome> {
  const outcome = await sendSlackMessage(delivery, deps.slack)
  if (outcome.state !== 'sent') return outcome
  const { ticket, task, agentName, csmName } = delivery.message
  const note = [
    `Slack message sent again by ${agentName} for the escalation to ${csmName}.`,
    `CRM task: ${task.url ?? task.id}`,
    sentMessageLine(outcome),
  ].join('\n')
  // Not awaited: the card says "sent" as soon as Slack has it, even if Zendesk is slow to answer.
  void deps.zendesk.addInternalNoteAndTag(ticket.id, note, ESCALATED_TAG).catch(() => undefined)
  return outcome
}

// Answers after which no task can exist: the CRM refused the request itself.
const REFUSALS: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'rejected', 'field-missing'])
function isDefiniteRefusal(error: unknown): boolean {
  return error instanceof CrmError && REFUSALS.has(error.kind)
}

/**
 * Takes our claim off the ticket after the CRM refused the task, so other agents need not wait
 * for it to go stale. Best effort: if it fails, the claim goes stale as any other. The draft stays.
 */
async function releaseClaim(
  progress: AttemptProgress,
  ticket: TicketDetails,
  deps: EscalateDeps
): Promise<void> {
  try {
    for (let round = 0; round < GUARDED_WRITE_ROUNDS; round++) {
      const state = await deps.zendesk.readState(ticket.id)
      if (readClaim(state.tags)?.attemptId !== progress.attemptId) break
      const outcome = await deps.zendesk.writeIfUnchanged(ticket.id, state, {
        tags: tagsWithoutClaims(state.tags),
      })
      if (outcome === 'written') break
    }
  } catch {
    // The claim goes stale on its own.
  }
  deps.store.forgetAttempt(progress.attemptId)
  deps.store.setCurrentAttempt(null)
}

async function contextNote(
  draft: EscalationDraft,
  account: AccountSummary,
  ticket: TicketDetails,
  deps: EscalateDeps,
  isFallback: boolean
): Promise<string> {
  const since = localDate(new Date(deps.now() - 30 * 86_400_000))
  const recent = ticket.organization
    ? await deps.zendesk.recentTicketCount(ticket.organization.id, since).catch(() => null)
    : null
  const trend = deps.trend ? await deps.trend().catch(() => []) : []
  const note = buildEscalationNote({
    ticket,
    requester: ticket.requester,
    organizationName: ticket.organization?.name ?? null,
    agentName: ticket.agentName,
    reason: draft.reason,
    agentNote: draft.note,
    account,
    recentTicketCount: recent,
    today: localDate(new Date(deps.now())),
    healthRiskBelow: deps.healthRiskBelow,
    arrText: account.arr === null ? null : deps.formatArr(account.arr),
    // What the agent saw on the card, so the CSM sees it in the task too.
    whyNow: signalsSeen(account, ticket, deps, trend),
    formatArr: deps.formatArr,
  })
  return isFallback
    ? `${note}\n\nThis account has no CSM; assigned to the Customer Success team (fallback owner).`
    : note
}

/** The "Why now" signals the card showed for this ticket; none when the thresholds are not wired. */
function signalsSeen(
  account: AccountSummary,
  ticket: TicketDetails,
  deps: Pick<EscalateDeps, 'whyNow' | 'now'>,
  trend: readonly TrendSignal[] = []
): WhyNowSignal[] {
  return deps.whyNow
    ? whyNowSignals(
        account,
        ticket.facts ?? null,
        deps.whyNow,
        localDate(new Date(deps.now())),
        deps.now(),
        trend
      )
    : []
}

async function holder(
  claim: Claim,
  ticket: TicketDetails,
  state: TicketState,
  deps: Pick<EscalateDeps, 'zendesk' | 'now'>
): Promise<ClaimHolder> {
  const byMe = claim.agentId === ticket.agentId
  const agentName = byMe ? ticket.agentName : await deps.zendesk.agentName(claim.agentId).catch(() => null)
  return { claim, byMe, agentName, clockOffsetMs: zendeskNow(state, deps) - deps.now() }
}

function backoff(round: number): number {
  return 150 * round + Math.floor(Math.random() * 150)
}

async function zendeskStep<T>(step: () => Promise<T>, name: 'claim' | 'zendesk' = 'zendesk'): Promise<T> {
  try {
    return await step()
  } catch (error) {
    throw new EscalationError(name, error)
  }
}

/** What a waiting card needs to know about the ticket's escalation, read from Zendesk now. */
export async function inspectEscalation(
  deps: Pick<EscalateDeps, 'zendesk' | 'now'>
): Promise<{ readonly escalations: number; readonly holder: ClaimHolder | null; readonly stale: boolean }> {
  const ticket = await deps.zendesk.details()
  const state = await deps.zendesk.readState(ticket.id)
  const claim = readClaim(state.tags)
  return {
    escalations: completedEscalations(state.tags),
    holder: claim ? await holder(claim, ticket, state, deps) : null,
    stale: claim !== null && isStale(claim, zendeskNow(state, deps)),
  }
}

/**
 * The time by Zendesk's clock, which stamps every claim and judges it stale: an agent whose own
 * clock runs minutes ahead must not take over a claim that is seconds old. Only when Zendesk's
 * answer had no readable `Date` does the browser's clock stand in.
 */
function zendeskNow(state: TicketState, deps: Pick<EscalateDeps, 'now'>): number {
  return state.serverTime ?? deps.now()
}

/** How far a follow-up got, so that trying again after a failure repeats nothing that was done. */
export interface FollowUpProgress {
  /** The text appended to the CRM task. */
  readonly crmDone: boolean
  /** How its Slack reply ended, once it was tried; null before. */
  readonly slack: SlackReplyOutcome | null
  /** The thread it was posted in (or tried), for "Send again". */
  readonly thread: SlackThread | null
}

export interface FollowUpResult {
  readonly slack: SlackReplyOutcome
  /** What "Send again" sends, when the reply was not sent (or may not have been). */
  readonly slackRetry: SlackReplyDelivery | null
}

/** A follow-up's failure, with what was done before it (the caller keeps it for the next try). */
export class FollowUpError extends EscalationError {
  constructor(
    readonly progress: FollowUpProgress,
    cause: unknown
  ) {
    super(progress.crmDone ? 'zendesk' : 'crm', cause)
  }
}

/**
 * A follow-up on an existing escalation instead of a second one, to the same places (ADR 0012):
 * appended to the CRM task's note, posted as a reply in the thread of the escalation's Slack
 * message when Slack is on, then an internal note on the ticket that links the reply. `thread`
 * is the escalation's message when the card knows it; otherwise the ticket's notes say where it is.
 */
export async function followUp(
  task: { readonly taskId: string; readonly taskUrl: string | null; readonly ownerName: string | null },
  text: string,
  deps: Pick<EscalateDeps, 'crm' | 'zendesk' | 'now' | 'slack'>,
  options: { readonly progress?: FollowUpProgress; readonly thread?: SlackThread | null } = {}
): Promise<FollowUpResult> {
  let progress: FollowUpProgress = options.progress ?? { crmDone: false, slack: null, thread: null }
  const ticket = await deps.zendesk.details().catch((error: unknown) => {
    throw new FollowUpError(progress, error)
  })
  const note = text.trim()
  const marker = task.taskUrl ?? task.taskId
  if (!progress.crmDone) {
    const entry = `Follow-up from ${ticket.agentName} on ${localDate(new Date(deps.now()))}:\n${note}`
    await deps.crm.appendToTask(task.taskId, entry).catch((error: unknown) => {
      throw new FollowUpError(progress, error)
    })
    progress = { ...progress, crmDone: true }
  }
  const reply = { ticket, agentName: ticket.agentName, note }
  if (!progress.slack) {
    const found = deps.slack ? await findThread(ticket.id, marker, options.thread, deps.zendesk) : null
    if (!deps.slack || !found) progress = { ...progress, slack: { state: 'off' } }
    else if ('unreadable' in found)
      progress = { ...progress, slack: { state: 'no-thread', unreadable: found.unreadable } }
    else
      progress = {
        ...progress,
        slack: await sendSlackReply({ thread: found, reply }, deps.slack),
        thread: found,
      }
  }
  const slack = progress.slack ?? { state: 'off' }
  const again = slack.state === 'not-sent' || slack.state === 'unknown'
  const retry = again && progress.thread ? { thread: progress.thread, reply } : null
  const internalNote = buildFollowUpNote({
    ownerName: task.ownerName ?? 'Customer Success',
    task: marker,
    note,
    slack,
  })
  await deps.zendesk.addInternalNoteAndTag(ticket.id, internalNote, ESCALATED_TAG).catch((error: unknown) => {
    throw new FollowUpError(progress, error)
  })
  return { slack, slackRetry: retry }
}

/**
 * The escalation's Slack message, for the reply's thread: the one the card knows, else the newest
 * of the ticket's notes that names the task and a sent message. `unreadable` when there is none.
 */
async function findThread(
  ticketId: number,
  marker: string,
  known: SlackThread | null | undefined,
  zendesk: TicketWriter
): Promise<SlackThread | { readonly unreadable: boolean }> {
  if (known) return known
  if (known === null) return { unreadable: false }
  try {
    return threadInNotes(await zendesk.internalNotes(ticketId), marker) ?? { unreadable: false }
  } catch {
    return { unreadable: true }
  }
}
