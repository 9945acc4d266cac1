import type { SlackStep } from './slack-step'

/** Why an agent escalates; the section offers them in this order. */
export const ESCALATION_REASONS = [
  'churn-risk',
  'critical-bug',
  'renewal-risk',
  'feature-gap',
  'other',
] as const
export type EscalationReason = (typeof ESCALATION_REASONS)[number]

/** An open escalation task already in the CRM for this ticket. */
export interface ExistingEscalation {
  readonly taskId: string
  readonly taskUrl: string | null
  readonly ownerName: string | null
  /** The agent who escalated, as written in the task's note; null when unknown. */
  readonly escalatedBy: string | null
  /** ISO timestamp. */
  readonly createdAt: string | null
  /** The CSM completed (or otherwise closed) the task: the ticket may be escalated again. */
  readonly closed: boolean
}

/** What the agent has typed, kept per ticket until the whole escalation has succeeded. */
export interface EscalationDraft {
  readonly reason: EscalationReason
  readonly note: string
}

/**
 * How far one escalation attempt got, saved before every step under its attempt id so that a
 * retry, a reload or a reopened tab completes only the missing steps (ADR 0010). The claim on the
 * ticket names the attempt; only the browser that holds the attempt's progress resumes it.
 * `crmAttempted` is set before the CRM call: a task found for the key afterwards is ours (a lost
 * answer), and the CRM is asked in a way that sees its own latest writes.
 */
export interface AttemptProgress {
  readonly attemptId: string
  /** Which escalation of this ticket this is: 1, or n after n − 1 were closed. */
  readonly sequence: number
  readonly draft: EscalationDraft
  /** The account the attempt escalates, kept so a resume never writes to another one. */
  readonly accountId: string
  readonly crmAttempted: boolean
  readonly task: { readonly id: string; readonly url: string | null; readonly ownerName: string } | null
  readonly zendeskAttempted: boolean
  /** The Slack message (ADR 0012); absent before its step, and in progress saved by older versions. */
  readonly slack?: SlackStep
  /**
   * This attempt took over a stale claim of another tab or browser, which may have posted the Slack
   * message before it stopped: when the CRM already has the task, the message is not sent again.
   */
  readonly tookOver?: boolean
}

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
