import type { EscalationReason } from './escalation'
import { REASON_LABEL, whyNowSignalLine } from './escalation-note'
import type { SlackOutcome, SlackReplyOutcome } from './slack-step'
import { sentMessageLine } from './slack-thread'
import type { EscalationRecommendation } from './why-now'

/** What the Zendesk internal note of an escalation says. */
export interface InternalNoteInput {
  readonly ownerName: string
  readonly agentName: string
  /** The CRM task's link, or its id when the CRM has no link. */
  readonly task: string
  readonly reason: EscalationReason
  readonly agentNote: string
  /** Success Bridge's "Why now" recommendation when the ticket had one; null when it did not. */
  readonly recommendation: EscalationRecommendation | null
  readonly formatArr?: (amount: number) => string
  /** How the Slack message went; absent or `off` = no line. */
  readonly slack?: SlackOutcome
}

/**
 * The private note left on the Zendesk ticket, for the agents who read the ticket later: who has it
 * now, where the task is, why. When the card recommended escalating, the note names that and its
 * reasons (the same lines as the CRM task's "Why now" block), so a reviewer can tell an escalation
 * the app prompted from one the agent started alone, and the suggested reason when the agent chose
 * another. Plain English, as the rest of this note and the CRM task (REASON_LABEL).
 */
export function buildInternalNote(input: InternalNoteInput): string {
  const lines = [
    `Escalated to ${input.ownerName} (Customer Success) by ${input.agentName}.`,
    `CRM task: ${input.task}`,
    `Reason: ${REASON_LABEL[input.reason]}`,
  ]
  const recommendation = input.recommendation
  if (recommendation) {
    const suggested =
      recommendation.reason === input.reason
        ? ''
        : ` (suggested reason: ${REASON_LABEL[recommendation.reason]})`
    lines.push(`Success Bridge recommended this escalation${suggested}:`)
    for (const signal of recommendation.because) lines.push(`- ${whyNowSignalLine(signal, input.formatArr)}`)
  }
  const slack = slackLine(input.slack)
  if (slack) lines.push(slack)
  const note = input.agentNote.trim()
  if (note) lines.push('', note)
  return lines.join('\n')
}

/** Where the Slack message is, so agents reading the ticket later can open the conversation. */
function slackLine(slack: SlackOutcome | undefined): string | null {
  switch (slack?.state) {
    case 'sent':
      return sentMessageLine(slack)
    case 'not-sent':
      return `Slack message not sent${slack.detail ? ` (${slack.detail})` : ''}.`
    case 'unknown':
      return "Slack message: Slack's answer was lost; it may not have been sent."
    default:
      return null
  }
}

/** The internal note of a follow-up: where it went, then the agent's words after a blank line. */
export function buildFollowUpNote(input: {
  readonly ownerName: string
  readonly task: string
  readonly note: string
  readonly slack: SlackReplyOutcome
}): string {
  const lines = [`Follow-up sent to ${input.ownerName} on the CRM task ${input.task}:`]
  const slack = replyLine(input.slack)
  if (slack) lines.push(slack)
  lines.push('', input.note.trim())
  return lines.join('\n')
}

function replyLine(slack: SlackReplyOutcome): string | null {
  switch (slack.state) {
    case 'sent':
      return slack.permalink ? `Slack thread reply: ${slack.permalink}` : 'Slack thread reply sent.'
    case 'not-sent':
      return `Slack thread reply not sent${slack.detail ? ` (${slack.detail})` : ''}.`
    case 'unknown':
      return "Slack thread reply: Slack's answer was lost; it may not have been sent."
    case 'no-thread':
      return slack.unreadable
        ? "Slack thread reply not sent: the escalation's Slack message could not be looked up."
        : "No Slack thread to reply to: the escalation's Slack message was not sent, or its answer was lost."
    default:
      return null
  }
}
