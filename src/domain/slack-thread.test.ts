import { describe, expect, it } from 'vitest'
import { buildFollowUpNote, buildInternalNote } from './internal-note'
import { sentMessageLine, threadInNotes, threadOf } from './slack-thread'

// Follow-ups reply in the thread of the escalation's Slack message; after a reload, or on another
// agent's card, the ticket's internal notes are where that message is found again.
const base = {
  ownerName: 'Marcus',
  agentName: 'Alex',
  reason: 'churn-risk' as const,
  agentNote: '',
  recommendation: null,
}
const sent = (permalink: string | null, to: 'dm' | 'channel' | 'fallback' = 'dm') =>
  ({ state: 'sent', channel: 'D0MARCUS1', ts: '1733058000.000100', permalink, to }) as const
const LINK = 'https://acme.slack.com/archives/D0MARCUS1/p1733058000000100'

describe('threadInNotes', () => {
  it('finds the message from the escalation note’s permalink, or from the line naming it', () => {
    for (const permalink of [LINK, null]) {
      const note = buildInternalNote({ ...base, task: 'https://crm/T1', slack: sent(permalink) })
      expect(threadInNotes([note], 'https://crm/T1')).toEqual({
        channel: 'D0MARCUS1',
        ts: '1733058000.000100',
      })
    }
    const channel = buildInternalNote({
      ...base,
      task: 'T9',
      slack: { ...sent(null, 'channel'), channel: 'C0CSESCAL1' },
    })
    expect(threadInNotes([channel], 'T9')).toEqual({ channel: 'C0CSESCAL1', ts: '1733058000.000100' })
  })

  it('takes the newest note of this task, and ignores other escalations’ notes', () => {
    const first = buildInternalNote({ ...base, task: 'T1', slack: sent(LINK) })
    const sentAgain = [
      'Slack message sent again by Alex for the escalation to Marcus.',
      'CRM task: T2',
      'Slack message to the CSM: https://acme.slack.com/archives/D0MARCUS1/p1733099000000200',
    ].join('\n')
    const notSent = buildInternalNote({
      ...base,
      task: 'T2',
      slack: { state: 'not-sent', kind: 'unavailable', detail: null },
    })
    // Newest first, as the writer lists them.
    expect(threadInNotes([sentAgain, notSent, first], 'T2')).toEqual({
      channel: 'D0MARCUS1',
      ts: '1733099000.000200',
    })
    expect(threadInNotes([notSent, first], 'T2')).toBeNull()
    expect(threadInNotes([notSent, first], 'T1')).toEqual({ channel: 'D0MARCUS1', ts: '1733058000.000100' })
  })

  it('stops at the newest escalation’s note: a HubSpot company link is the same for every escalation', () => {
    const company = 'https://app.hubspot.com/contacts/1/record/0-2/5100001'
    const first = buildInternalNote({ ...base, task: company, slack: sent(LINK) })
    const second = buildInternalNote({ ...base, task: company, slack: { state: 'unknown' } })
    expect(threadInNotes([second, first], company)).toBeNull()
    expect(threadInNotes([first], company)).toEqual({ channel: 'D0MARCUS1', ts: '1733058000.000100' })
  })

  it('reads only the app’s own lines: an agent’s note quoting a Slack link cannot redirect the thread', () => {
    const quoted = buildInternalNote({
      ...base,
      task: 'T1',
      agentNote: `CRM task: T1\nSlack message to the CSM: https://x.slack.com/archives/C0EVIL0001/p1700000000000001`,
      slack: { state: 'unknown' },
    })
    expect(threadInNotes([quoted], 'T1')).toBeNull()
    // Nor does a follow-up's reply link stand for the first message.
    const followUp = buildFollowUpNote({ ownerName: 'Marcus', task: 'T1', note: 'x', slack: sent(LINK) })
    expect(threadInNotes([followUp], 'T1')).toBeNull()
  })

  it('refuses what is not a Slack id or ts', () => {
    for (const line of [
      'Slack message to the CSM: https://x.slack.com/archives/d0lower/p1733058000000100',
      'Slack message to the CSM: https://x.slack.com/archives/D0MARCUS1/p12345',
      'Slack message to the CSM sent (conversation D0MARCUS1, message 1733058000).',
      'Slack message to the CSM sent.',
    ])
      expect(threadInNotes([`CRM task: T1\n${line}`], 'T1')).toBeNull()
  })
})

describe('sentMessageLine and threadOf', () => {
  it('name the message in a way the notes can be read back', () => {
    expect(sentMessageLine(sent(LINK))).toBe(`Slack message to the CSM: ${LINK}`)
    expect(sentMessageLine(sent(null, 'fallback'))).toBe(
      'Slack message in the escalation channel sent (conversation D0MARCUS1, message 1733058000.000100).'
    )
    expect(threadOf(sent(LINK))).toEqual({ channel: 'D0MARCUS1', ts: '1733058000.000100' })
    expect(threadOf({ state: 'unknown' })).toBeNull()
    expect(threadOf(null)).toBeNull()
  })
})

describe('buildFollowUpNote', () => {
  it('says where the follow-up went, Slack included, before the agent’s words', () => {
    const note = (slack: Parameters<typeof buildFollowUpNote>[0]['slack']) =>
      buildFollowUpNote({ ownerName: 'Marcus', task: 'T1', note: '  Called again ', slack })
    expect(note({ state: 'off' })).toBe('Follow-up sent to Marcus on the CRM task T1:\n\nCalled again')
    expect(note(sent('https://x.slack.com/archives/D1/p1?thread_ts=1.000100')).split('\n')).toEqual([
      'Follow-up sent to Marcus on the CRM task T1:',
      'Slack thread reply: https://x.slack.com/archives/D1/p1?thread_ts=1.000100',
      '',
      'Called again',
    ])
    expect(note({ state: 'not-sent', kind: 'rate-limited', detail: 'ratelimited' }).split('\n')[1]).toBe(
      'Slack thread reply not sent (ratelimited).'
    )
    expect(note({ state: 'no-thread', unreadable: false }).split('\n')[1]).toBe(
      "No Slack thread to reply to: the escalation's Slack message was not sent, or its answer was lost."
    )
    expect(note({ state: 'no-thread', unreadable: true }).split('\n')[1]).toBe(
      "Slack thread reply not sent: the escalation's Slack message could not be looked up."
    )
  })
})
