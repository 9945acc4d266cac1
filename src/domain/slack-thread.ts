import type { SlackOutcome } from './slack-step'

/** A Slack message that follow-ups reply to: its conversation and its `ts`, the thread's `thread_ts`. */
export interface SlackThread {
  readonly channel: string
  readonly ts: string
}

type Sent = Extract<SlackOutcome, { state: 'sent' }>

const SENT_PREFIX: Record<Sent['to'], string> = {
  dm: 'Slack message to the CSM',
  channel: 'Slack message in the escalation channel',
  fallback: 'Slack message in the escalation channel',
}

/**
 * The internal note's line for a sent message. It is also where the app finds the thread again
 * after a reload, or for another agent: the permalink names the conversation and the message
 * (`/archives/D…/p<ts without its dot>`), and without a permalink the line names both.
 */
export function sentMessageLine(sent: Sent): string {
  const where = SENT_PREFIX[sent.to]
  return sent.permalink
    ? `${where}: ${sent.permalink}`
    : `${where} sent (conversation ${sent.channel}, message ${sent.ts}).`
}

export function threadOf(slack: SlackOutcome | null | undefined): SlackThread | null {
  return slack?.state === 'sent' ? { channel: slack.channel, ts: slack.ts } : null
}

// Slack ids are upper-case letters and digits; a `ts` is seconds, a dot and six digits.
const PERMALINK = /\/archives\/([A-Z0-9]{2,30})\/p(\d{1,12})(\d{6})(?=$|[?#\s])/
const NAMED = /\(conversation ([A-Z0-9]{2,30}), message (\d{1,12}\.\d{6})\)\.$/

/**
 * The Slack message of the escalation whose CRM task is `taskMarker`, read from the ticket's
 * internal notes (newest first): the newest note that names the task and a sent message. Only the
 * lines the app wrote count, those before the note's first blank line; the agent's own words come
 * after it, so a note that quotes a Slack link cannot redirect the thread.
 */
export function threadInNotes(notes: readonly string[], taskMarker: string): SlackThread | null {
  for (const note of notes) {
    const lines = note.split(/\r?\n/)
    const blank = lines.findIndex((line) => line.trim() === '')
    const header = blank === -1 ? lines : lines.slice(0, blank)
    if (!header.includes(`CRM task: ${taskMarker}`)) continue
    // The last such line: the app writes its Slack line last, after any CRM-derived names.
    const thread =
      [...header]
        .reverse()
        .map(threadInLine)
        .find((found) => found !== null) ?? null
    if (thread) return thread
    // The escalation's own note ends the search: an older note naming the same marker belongs to
    // an earlier escalation (a HubSpot task links to its company, the same for every escalation).
    if (header[0]?.startsWith('Escalated to ')) return null
  }
  return null
}

function threadInLine(line: string): SlackThread | null {
  const prefix = Object.values(SENT_PREFIX).find((p) => line.startsWith(p))
  if (!prefix) return null
  const rest = line.slice(prefix.length)
  const linked = rest.startsWith(': ') ? PERMALINK.exec(rest) : null
  if (linked?.[1] && linked[2] && linked[3]) return { channel: linked[1], ts: `${linked[2]}.${linked[3]}` }
  const named = NAMED.exec(rest)
  return named?.[1] && named[2] ? { channel: named[1], ts: named[2] } : null
}
