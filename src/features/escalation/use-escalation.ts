import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountSummary } from '../../domain/account'
import type { CustomerContext } from '../../domain/customer'
import { isCrmError, type CrmError } from '../../domain/crm-error'
import type { EscalationDraft, EscalationReason, ExistingEscalation } from '../../domain/escalation'
import { EscalationError, type ClaimHolder, type EscalationResult } from '../../domain/escalate'
import { completedEscalations, readClaim } from '../../domain/escalation-claim'
import type { SlackDelivery } from '../../domain/send-slack-message'
import type { FollowerOutcome, SlackOutcome } from '../../domain/slack-step'
import { useServices } from '../shared/services-context'

export type EscalationState =
  | { readonly status: 'checking' }
  /** The form. `prior`: completed escalations the agent has seen (more than 0 means "again"). */
  | { readonly status: 'idle'; readonly prior: number }
  /** Escalated before, but its task could not be read: a second escalation is not offered. */
  | { readonly status: 'unverified'; readonly prior: number }
  | { readonly status: 'sending'; readonly resuming: boolean }
  | {
      readonly status: 'done'
      readonly ownerName: string
      readonly taskId: string
      readonly taskUrl: string | null
      readonly slack: SlackOutcome
      /** What "Send again" sends; null when there is nothing to send again. */
      readonly slackRetry: SlackDelivery | null
      /** "Send again" is on its way. */
      readonly resending: boolean
      readonly follower: FollowerOutcome
    }
  /** `pendingNote`: the agent's own note, when another agent's escalation came first. */
  | {
      readonly status: 'existing'
      readonly existing: ExistingEscalation
      readonly prior: number
      readonly pendingNote: string | null
    }
  /** Someone else's escalation is under way; `holder` is null until Zendesk has said whose. */
  | {
      readonly status: 'claimed'
      readonly holder: ClaimHolder | null
      readonly stale: boolean
      readonly prior: number
    }
  | {
      readonly status: 'failed'
      readonly step: 'claim' | 'crm' | 'zendesk' | 'unknown'
      readonly error: CrmError | null
      readonly prior: number
    }

const NO_TAGS: readonly string[] = []

/**
 * The form, unless the ticket has been escalated before: then only a closed escalation, seen in
 * the CRM, may lead to another ("Escalate again"), never a task the app could not read.
 */
function formFor(prior: number): EscalationState {
  return prior > 0 ? { status: 'unverified', prior } : { status: 'idle', prior }
}
const EMPTY_DRAFT: EscalationDraft = { reason: 'churn-risk', note: '' }
/** How often a card waiting for another agent's escalation reads the ticket again. */
export const CLAIM_POLL_MS = 2500
// How long to wait for the CRM to show another agent's finished task (its search may lag): 60 s.
const MAX_TASK_MISSES = 24

/**
 * The escalation section's state (ADR 0010). On load, this browser's unfinished attempt wins over
 * everything else and is finished at once; then the CRM's task; then another agent's claim, which
 * the card follows until it completes or goes stale; then the form. The draft is saved on every
 * change and never dropped before an escalation carries it. One submit at a time, whatever the clicks.
 * `existing` is undefined when the lookup could not include the ticket's task (HubSpot, custom).
 */
export function useEscalation(
  customer: CustomerContext,
  account: AccountSummary,
  existing: ExistingEscalation | null | undefined,
  /** Preselected in a new draft (the "Why now" recommendation); a saved draft keeps its own. */
  suggestedReason: EscalationReason | null = null
) {
  const { escalation } = useServices()
  const ticket = customer.ticket ?? null
  const tags = ticket?.escalationTags ?? NO_TAGS
  const [resumable] = useState(() => (ticket ? escalation.resumable(ticket) : null))
  const [draft, setDraftState] = useState<EscalationDraft>(
    () =>
      resumable?.draft ??
      (ticket ? escalation.loadDraft(ticket) : null) ??
      (suggestedReason ? { ...EMPTY_DRAFT, reason: suggestedReason } : EMPTY_DRAFT)
  )
  const [state, setState] = useState<EscalationState>(() => {
    const prior = completedEscalations(tags)
    if (resumable) return { status: 'sending', resuming: true }
    const claim = readClaim(tags)
    // A claim on the ticket means an escalation under way, even when the CRM already has its task:
    // its note and tag are still to come. Followed like any claim, so that once it goes stale
    // (its tab closed for good, its browser kept no progress) someone can finish it.
    // Not stale until Zendesk's clock says so (the first look follows at once): this browser's
    // clock may be minutes off, and a claim judged stale offers a takeover.
    if (claim) return { status: 'claimed', holder: null, stale: false, prior }
    if (existing) return { status: 'existing', existing, prior: Math.max(prior, 1), pendingNote: null }
    if (existing === undefined && escalation.checksExisting(customer)) return { status: 'checking' }
    return formFor(prior)
  })
  const inFlight = useRef(false)
  // The latest draft for callbacks that outlive a render (submit, the wait for another agent).
  const draftRef = useRef(draft)
  useEffect(() => {
    draftRef.current = draft
  }, [draft])
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const update = useCallback((next: EscalationState) => {
    if (mounted.current) setState(next)
  }, [])

  // Another agent's escalation came first: show it, and keep our note as a ready follow-up. When
  // the CRM does not show its task yet (HubSpot's search lags its writes), wait for it as for a claim.
  const showTheirs = useCallback(
    async (escalations: number) => {
      const pendingNote = draftRef.current.note.trim() || null
      const found = await escalation.findExisting(customer, account, escalations).catch(() => null)
      update(
        found
          ? { status: 'existing', existing: found, prior: escalations, pendingNote }
          : { status: 'claimed', holder: null, stale: false, prior: escalations - 1 }
      )
    },
    [account, customer, escalation, update]
  )

  const settle = useCallback(
    async (result: EscalationResult, prior: number) => {
      if (result.kind === 'done')
        update({
          status: 'done',
          ownerName: result.ownerName,
          taskId: result.taskId,
          taskUrl: result.taskUrl,
          slack: result.slack,
          slackRetry: result.slackRetry,
          resending: false,
          follower: result.follower,
        })
      else if (result.kind === 'claimed')
        update({ status: 'claimed', holder: result.holder, stale: false, prior })
      else await showTheirs(result.escalations)
    },
    [showTheirs, update]
  )

  const submit = useCallback(async () => {
    // A double click, or Enter held down, must not send twice: the ref changes synchronously.
    if (inFlight.current) return
    inFlight.current = true
    const prior = 'prior' in state ? state.prior : 0
    update({ status: 'sending', resuming: false })
    try {
      await settle(await escalation.escalate(customer, account, draftRef.current, prior), prior)
    } catch (error) {
      const step = error instanceof EscalationError ? error.step : 'unknown'
      const cause = error instanceof EscalationError ? error.cause : error
      update({ status: 'failed', step, error: isCrmError(cause) ? cause : null, prior })
    } finally {
      inFlight.current = false
    }
  }, [account, customer, escalation, settle, state, update])

  // Resuming always wins: an attempt of ours that stopped half-way (a reload, a closed tab) is
  // finished as soon as the section loads. Every step is safe to repeat (ADR 0010).
  const resumed = useRef(false)
  useEffect(() => {
    if (!resumable || resumed.current || !ticket) return
    resumed.current = true
    inFlight.current = true
    const prior = resumable.sequence - 1
    escalation
      .escalate(customer, account, resumable.draft, prior)
      .then((result) => settle(result, prior))
      .catch((error: unknown) => {
        const step = error instanceof EscalationError ? error.step : 'unknown'
        const cause = error instanceof EscalationError ? error.cause : error
        update({ status: 'failed', step, error: isCrmError(cause) ? cause : null, prior })
      })
      .finally(() => {
        inFlight.current = false
      })
  }, [account, customer, escalation, resumable, settle, ticket, update])

  const checking = state.status === 'checking'
  useEffect(() => {
    if (!checking) return
    let current = true
    const prior = completedEscalations(tags)
    escalation.findExisting(customer, account, prior).then(
      (found) =>
        current &&
        setState(
          found
            ? { status: 'existing', existing: found, prior: Math.max(prior, 1), pendingNote: null }
            : formFor(prior)
        ),
      () => current && setState(formFor(prior))
    )
    return () => {
      current = false
    }
  }, [checking, escalation, customer, account, tags])

  // While another agent holds the claim, read the ticket every few seconds: their escalation
  // either completes (show it, once the CRM shows its task), or goes stale (offer to take over),
  // or disappears (the form).
  const waitingFor = state.status === 'claimed' ? state.prior : null
  useEffect(() => {
    if (waitingFor === null || !ticket) return
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let misses = 0
    const again = (): void => {
      timer = setTimeout(() => void look(), CLAIM_POLL_MS)
    }
    const look = async (): Promise<void> => {
      const marks = await escalation.inspect(ticket).catch(() => null)
      if (!current) return
      if (marks && marks.escalations > waitingFor) {
        const found = await escalation.findExisting(customer, account, marks.escalations).catch(() => null)
        if (!current) return
        const pendingNote = draftRef.current.note.trim() || null
        if (found)
          return update({ status: 'existing', existing: found, prior: marks.escalations, pendingNote })
        if (++misses < MAX_TASK_MISSES) return again()
        return update(formFor(marks.escalations))
      }
      // No claim and no other tab of ours at work: the other escalation stopped before claiming.
      if (marks && !marks.holder && !marks.busyHere) return update(formFor(waitingFor))
      if (marks?.holder)
        update({ status: 'claimed', holder: marks.holder, stale: marks.stale, prior: waitingFor })
      again()
    }
    void look()
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [account, customer, escalation, ticket, update, waitingFor])

  const setDraft = useCallback(
    (next: EscalationDraft) => {
      setDraftState(next)
      if (ticket) escalation.saveDraft(ticket, next)
    },
    [escalation, ticket]
  )

  /** "Check again" when an earlier escalation's task could not be read. */
  const checkAgain = useCallback(() => update({ status: 'checking' }), [update])

  /** "Escalate again" on a closed escalation: the form, for escalation number prior + 1. */
  const escalateAgain = useCallback(() => {
    if (state.status === 'existing') update({ status: 'idle', prior: state.prior })
  }, [state, update])

  // "Send again" sends once, whatever the clicks: the ref changes synchronously, like submit's.
  const slackInFlight = useRef(false)
  const sendSlackAgain = useCallback(async () => {
    if (state.status !== 'done' || !state.slackRetry || slackInFlight.current) return
    slackInFlight.current = true
    const before = state
    const delivery = state.slackRetry
    update({ ...before, resending: true })
    const outcome = await escalation.sendSlackAgain(delivery)
    // Sent, or off: nothing more to send. Lost again: the agent may still decide to.
    const again = outcome.state === 'not-sent' || outcome.state === 'unknown'
    update({ ...before, slack: outcome, slackRetry: again ? delivery : null, resending: false })
    slackInFlight.current = false
  }, [escalation, state, update])

  return { state, draft, setDraft, submit, escalateAgain, checkAgain, sendSlackAgain }
}
