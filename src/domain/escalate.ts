import type { AccountSummary } from './account'
import { CrmError } from './crm-error'
import {
  NO_PROGRESS,
  dueInDays,
  taskPriority,
  taskSubject,
  type EscalationDraft,
  type ExistingEscalation,
  type StoredEscalation,
} from './escalation'
import { buildEscalationNote, escalationKey, REASON_LABEL } from './escalation-note'
import type { EscalationCrm, EscalationStore, TicketWriter } from './ports'
import { localDate } from './renewal'

export const ESCALATED_TAG = 'csm_escalated'

export interface EscalateDeps {
  readonly crm: EscalationCrm
  readonly zendesk: TicketWriter
  readonly store: EscalationStore
  readonly now: () => number
  readonly healthRiskBelow: number
  readonly fallbackOwner: string | null
  readonly formatArr: (amount: number) => string
}

export type EscalationResult =
  | {
      readonly kind: 'done'
      readonly ownerName: string
      readonly taskId: string
      readonly taskUrl: string | null
    }
  | { readonly kind: 'already-escalated'; readonly existing: ExistingEscalation }

/** Which step failed, so the card can say what is saved and what a retry will do. */
export class EscalationError extends Error {
  override readonly name = 'EscalationError'
  constructor(
    readonly step: 'crm' | 'zendesk',
    override readonly cause: unknown
  ) {
    super(`Escalation failed at the ${step} step`)
  }
}

/** Who gets the task: the CSM, else the admin's fallback owner, else nobody (escalation not offered). */
export function escalationOwner(
  account: AccountSummary,
  fallbackOwner: string | null
): { id: string; name: string | null; isFallback: boolean } | null {
  if (account.csm?.id) return { id: account.csm.id, name: account.csm.name, isFallback: false }
  return fallbackOwner ? { id: fallbackOwner, name: null, isFallback: true } : null
}

/**
 * One escalation, exactly once: CRM task (idempotent by the ticket's key), then one Zendesk update
 * with the internal note and tag. Progress is saved after every step, so a retry or a reload only
 * does what is missing, and the draft is dropped only when everything has succeeded.
 */
export async function escalate(
  account: AccountSummary,
  draft: EscalationDraft,
  deps: EscalateDeps,
  fallbackName: string
): Promise<EscalationResult> {
  const owner = escalationOwner(account, deps.fallbackOwner)
  if (!owner)
    throw new EscalationError(
      'crm',
      new CrmError('rejected', 'The account has no CSM and no fallback owner is set')
    )
  const ownerName = owner.name ?? fallbackName
  const stored = deps.store.load()
  let progress = stored?.progress ?? NO_PROGRESS
  const save = (next: typeof progress): void => {
    progress = next
    deps.store.save({ draft, progress } satisfies StoredEscalation)
  }

  const ticket = await deps.zendesk.details().catch((error: unknown) => {
    throw new EscalationError('zendesk', error)
  })
  const key = escalationKey(ticket.subdomain, ticket.id)
  const today = localDate(new Date(deps.now()))

  if (!progress.task) {
    const since = localDate(new Date(deps.now() - 30 * 86_400_000))
    const recent = ticket.organization
      ? await deps.zendesk.recentTicketCount(ticket.organization.id, since).catch(() => null)
      : null
    const description = buildEscalationNote({
      ticket,
      requester: ticket.requester,
      organizationName: ticket.organization?.name ?? null,
      agentName: ticket.agentName,
      reason: draft.reason,
      agentNote: draft.note,
      account,
      recentTicketCount: recent,
      today,
      healthRiskBelow: deps.healthRiskBelow,
      arrText: account.arr === null ? null : deps.formatArr(account.arr),
    })
    const fallbackLine = owner.isFallback
      ? '\n\nThis account has no CSM; assigned to the Customer Success team (fallback owner).'
      : ''
    const attemptedBefore = progress.crmAttempted
    save({ ...progress, crmAttempted: true })
    let result
    try {
      result = await deps.crm.createTask({
        key,
        ticketId: ticket.id,
        subject: taskSubject(ticket.id, ticket.subject),
        description: description + fallbackLine,
        ownerId: owner.id,
        accountId: account.id,
        contactId: account.contactId ?? null,
        priority: taskPriority(ticket.priority),
        dueDate: localDate(new Date(deps.now() + dueInDays(ticket.priority) * 86_400_000)),
      })
    } catch (error) {
      throw new EscalationError('crm', error)
    }
    if (result.kind === 'exists' && !attemptedBefore) {
      // Someone else escalated this ticket first: show theirs, add nothing of ours.
      deps.store.clear()
      return { kind: 'already-escalated', existing: result.existing }
    }
    const task =
      result.kind === 'created'
        ? { id: result.taskId, url: result.taskUrl }
        : { id: result.existing.taskId, url: result.existing.taskUrl }
    save({ ...progress, task: { ...task, ownerName } })
  }

  const task = progress.task
  if (!task) throw new EscalationError('crm', new CrmError('invalid-response', 'No task after the CRM step'))
  const marker = task.url ?? task.id
  try {
    const alreadyNoted =
      progress.zendeskAttempted && (await deps.zendesk.hasInternalNoteContaining(ticket.id, marker))
    if (!alreadyNoted) {
      save({ ...progress, zendeskAttempted: true })
      const lines = [
        `Escalated to ${task.ownerName} (Customer Success) by ${ticket.agentName}.`,
        `CRM task: ${marker}`,
        `Reason: ${REASON_LABEL[draft.reason]}`,
      ]
      if (draft.note.trim()) lines.push('', draft.note.trim())
      await deps.zendesk.addInternalNoteAndTag(ticket.id, lines.join('\n'), ESCALATED_TAG)
    }
  } catch (error) {
    throw new EscalationError('zendesk', error)
  }
  deps.store.clear()
  return { kind: 'done', ownerName: task.ownerName, taskId: task.id, taskUrl: task.url }
}

/**
 * A follow-up on an existing escalation instead of a second one: appended to the CRM task's note
 * and posted as an internal note on the ticket.
 */
export async function followUp(
  task: { readonly taskId: string; readonly taskUrl: string | null; readonly ownerName: string | null },
  text: string,
  deps: Pick<EscalateDeps, 'crm' | 'zendesk' | 'now'>
): Promise<void> {
  const ticket = await deps.zendesk.details().catch((error: unknown) => {
    throw new EscalationError('zendesk', error)
  })
  const note = text.trim()
  const entry = `Follow-up from ${ticket.agentName} on ${localDate(new Date(deps.now()))}:\n${note}`
  await deps.crm.appendToTask(task.taskId, entry).catch((error: unknown) => {
    throw new EscalationError('crm', error)
  })
  const lines = [
    `Follow-up sent to ${task.ownerName ?? 'Customer Success'} on the CRM task ${task.taskUrl ?? task.taskId}:`,
    '',
    note,
  ]
  await deps.zendesk
    .addInternalNoteAndTag(ticket.id, lines.join('\n'), ESCALATED_TAG)
    .catch((error: unknown) => {
      throw new EscalationError('zendesk', error)
    })
}
