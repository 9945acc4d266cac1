import type { EscalationReason } from './escalation-note'

/** An open escalation task already in the CRM for this ticket. */
export interface ExistingEscalation {
  readonly taskId: string
  readonly taskUrl: string | null
  readonly ownerName: string | null
  /** The agent who escalated, as written in the task's note; null when unknown. */
  readonly escalatedBy: string | null
  /** ISO timestamp. */
  readonly createdAt: string | null
}

/** What the agent has typed, kept per ticket until the whole escalation has succeeded. */
export interface EscalationDraft {
  readonly reason: EscalationReason
  readonly note: string
}

/**
 * How far an escalation got, stored with the draft so a retry (or a reload) completes only the
 * missing steps. `crmAttempted` is set before the CRM call: if a retry then finds the task
 * already there, it is ours (a timeout whose request succeeded), not another agent's.
 */
export interface EscalationProgress {
  readonly crmAttempted: boolean
  readonly task: { readonly id: string; readonly url: string | null; readonly ownerName: string } | null
  readonly zendeskAttempted: boolean
}

export interface StoredEscalation {
  readonly draft: EscalationDraft
  readonly progress: EscalationProgress
}

export const NO_PROGRESS: EscalationProgress = { crmAttempted: false, task: null, zendeskAttempted: false }

/** Salesforce-style task priority from the Zendesk ticket priority. */
export function taskPriority(ticketPriority: string | null): 'High' | 'Normal' | 'Low' {
  if (ticketPriority === 'urgent' || ticketPriority === 'high') return 'High'
  if (ticketPriority === 'low') return 'Low'
  return 'Normal'
}

/** Days until the task is due: urgent today, high tomorrow, normal in 3 days, low within a week. */
export function dueInDays(ticketPriority: string | null): number {
  switch (ticketPriority) {
    case 'urgent':
      return 0
    case 'high':
      return 1
    case 'low':
      return 7
    default:
      return 3
  }
}

/** `[Escalation] #102 Subject`, cut to Salesforce's 255-character Subject. */
export function taskSubject(ticketId: number, subject: string): string {
  return `[Escalation] #${ticketId} ${subject}`.slice(0, 255)
}

/** The escalating agent's name, read back from a note written by buildEscalationNote. */
export function escalatedByFromNote(note: string | null | undefined): string | null {
  return /^Escalated by: (.+)$/m.exec(note ?? '')?.[1]?.trim() || null
}
