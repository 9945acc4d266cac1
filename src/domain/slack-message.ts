import type { AccountSummary } from './account'
import type { EscalationReason } from './escalation'
import { REASON_LABEL, renewalWithDistance, ticketUrl, whyNowSignalLine } from './escalation-note'
import { healthBand, type HealthBand } from './health'
import type { TicketDetails } from './ports'
import type { Mrkdwn, SlackBlock, SlackMessage } from './slack-blocks'
import { recommendEscalation, type WhyNowSignal } from './why-now'

export type { SlackBlock, SlackMessage }

/** Everything the Slack message says; all of it is data the escalation already holds. */
export interface SlackMessageInput {
  readonly ticket: Pick<TicketDetails, 'id' | 'subdomain' | 'subject' | 'priority'>
  readonly account: Pick<AccountSummary, 'name' | 'healthScore' | 'renewalDate'>
  readonly agentName: string
  readonly csmName: string
  readonly reason: EscalationReason
  readonly agentNote: string
  readonly whyNow: readonly WhyNowSignal[]
  readonly healthRiskBelow: number
  readonly arrText: string | null
  readonly today: string
  readonly task: { readonly id: string; readonly url: string | null }
  /**
   * `dm`: the CSM reads it in their direct messages. `channel`: posted where others read it,
   * mentioning the CSM (`<@U…>`) when Slack knows them, else naming them.
   */
  readonly audience: { readonly kind: 'dm' } | { readonly kind: 'channel'; readonly csmUserId: string | null }
  readonly formatArr?: (amount: number) => string
}

// Block Kit limits: a header's text 150 characters, a section's 3,000, a field's 2,000.
const HEADER_MAX = 150
const SECTION_MAX = 3000
const BAND_LABEL: Record<HealthBand, string> = { healthy: 'Healthy', watch: 'Watch', 'at-risk': 'At risk' }

/**
 * Text from a customer, an agent or the CRM, made inert for Slack's mrkdwn: `&`, `<` and `>` as
 * the entities Slack asks for, so nobody can write `<!channel>`, `<@U…>` or `<https://…|a link>`
 * into the message. `*`, `_` and `~` stay: at worst they make a word bold.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A link Slack shows with `label`; the URL's own `|` is encoded so it cannot end the URL early. */
function link(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(label)}>`
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * The escalation as a Slack message that reads on a phone: a header with the account, then one
 * short section each for why, the agent's words, the signals that made it urgent, the account's
 * numbers as two-column fields, and links to the ticket and the CRM task (links, not buttons:
 * a URL button also sends Slack an interaction this app would have to answer). English, like the
 * CRM task's note. The fallback text is what a notification shows.
 */
export function buildSlackMessage(input: SlackMessageInput): SlackMessage {
  const { ticket, account } = input
  const ticketLink = ticketUrl(ticket.subdomain, ticket.id)
  const reason = REASON_LABEL[input.reason]
  const who =
    input.audience.kind === 'dm'
      ? 'You have a new escalation'
      : input.audience.csmUserId
        ? `<@${input.audience.csmUserId}>, you have a new escalation`
        : `New escalation for ${escapeMrkdwn(input.csmName)} (not found in Slack)`

  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: cut(`Escalation: ${account.name}`, HEADER_MAX), emoji: false },
    },
    {
      type: 'section',
      text: mrkdwn(
        [
          `${who} from ${escapeMrkdwn(input.agentName)}.`,
          `*Reason:* ${reason}`,
          `*Ticket:* ${link(ticketLink, `#${ticket.id} ${cut(ticket.subject, 200)}`)}`,
        ].join('\n')
      ),
    },
  ]
  const note = input.agentNote.trim()
  if (note)
    blocks.push({
      type: 'section',
      text: mrkdwn(cut(`*Agent's note*\n${quote(escapeMrkdwn(note))}`, SECTION_MAX)),
    })
  const signals = input.whyNow
  if (signals.length > 0) {
    const recommendation = recommendEscalation(signals)
    const lines = (recommendation?.because ?? signals).map(
      (signal) => `• ${escapeMrkdwn(whyNowSignalLine(signal, input.formatArr))}`
    )
    blocks.push({
      type: 'section',
      text: mrkdwn(
        cut([recommendation ? '*Why now* (recommended)' : '*Why now*', ...lines].join('\n'), SECTION_MAX)
      ),
    })
  }
  const health =
    account.healthScore === null
      ? 'No score'
      : `${Math.round(account.healthScore)} · ${BAND_LABEL[healthBand(account.healthScore, input.healthRiskBelow)]}`
  blocks.push({
    type: 'section',
    text: mrkdwn(`*${escapeMrkdwn(account.name)}*`),
    fields: [
      mrkdwn(`*Health*\n${health}`),
      mrkdwn(`*Renewal*\n${renewalText(account.renewalDate, input.today)}`),
      mrkdwn(`*ARR*\n${escapeMrkdwn(input.arrText ?? 'Not set')}`),
      mrkdwn(`*Priority*\n${escapeMrkdwn(ticket.priority ?? 'none')}`),
    ],
  })
  const taskLink = input.task.url
    ? link(input.task.url, 'Open the CRM task')
    : `CRM task ${escapeMrkdwn(input.task.id)}`
  blocks.push({ type: 'divider' })
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(`${link(ticketLink, `Open ticket #${ticket.id}`)} · ${taskLink} · Sent by Success Bridge`),
    ],
  })

  const text = `Escalation: ${escapeMrkdwn(account.name)} (${reason}) from ${escapeMrkdwn(input.agentName)}, ticket #${ticket.id}`
  return {
    text:
      input.audience.kind === 'channel' && input.audience.csmUserId
        ? `<@${input.audience.csmUserId}> ${text}`
        : text,
    blocks,
  }
}

function mrkdwn(text: string): Mrkdwn {
  return { type: 'mrkdwn', text }
}

/** Every line as a block quote, so the agent's words stand apart from the app's. */
function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `>${line ? ` ${line}` : ''}`)
    .join('\n')
}

function renewalText(renewalDate: string | null, today: string): string {
  return renewalDate === null ? 'No date' : renewalWithDistance(renewalDate, today)
}

/** A follow-up on an escalation, as a reply in the thread of its Slack message. */
export interface SlackReplyInput {
  readonly ticket: Pick<TicketDetails, 'id' | 'subdomain'>
  readonly agentName: string
  readonly note: string
}

/**
 * The follow-up as a thread reply: who wrote it and on which ticket, then the agent's words
 * quoted, as in the first message. The account and its numbers are in the message it replies to.
 */
export function buildSlackReply(input: SlackReplyInput): SlackMessage {
  const { ticket } = input
  const ticketLink = ticketUrl(ticket.subdomain, ticket.id)
  const agent = escapeMrkdwn(input.agentName)
  const note = input.note.trim()
  return {
    text: cut(`Follow-up from ${agent} on ticket #${ticket.id}: ${escapeMrkdwn(note)}`, SECTION_MAX),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          cut(
            `*Follow-up* from ${agent} on ${link(ticketLink, `ticket #${ticket.id}`)}\n${quote(escapeMrkdwn(note))}`,
            SECTION_MAX
          )
        ),
      },
    ],
  }
}
