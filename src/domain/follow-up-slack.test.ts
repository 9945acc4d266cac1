import { describe, expect, it } from 'vitest'
import { account as globex, MemorySlack, setup } from '../test-support/memory-escalation'
import { escalate, followUp, FollowUpError, type EscalateDeps } from './escalate'
import { sendSlackReply } from './send-slack-message'
import type { SlackRouting } from './send-slack-message'

// Follow-ups reach the same places as the escalation (ADR 0012): the CRM task, a reply in the
// thread of the escalation's Slack message, and an internal note. Over the in-memory ports of
// escalate.test.ts: what reached the CRM, the ticket and Slack after each sequence.
const account = { ...globex, csm: { id: '005M', name: 'Marcus', email: 'marcus@globex-vendor.example' } }
const DM: SlackRouting = { notify: 'dm', channel: null }
const draft = { reason: 'churn-risk' as const, note: 'Call them today' }
const task = { taskId: 'T1', taskUrl: 'https://crm/T1', ownerName: 'Marcus' }
const FIRST = { channel: 'D0MARCUS1', ts: '1700000000.000001' }

async function escalated(routing: SlackRouting = DM) {
  const world = setup()
  const slack = new MemorySlack()
  const deps: EscalateDeps = { ...world.alex.deps, slack: { port: slack, routing } }
  const result = await escalate({ account, draft, priorEscalations: 0 }, deps, 'the CS team')
  return { ...world, slack, deps, result }
}

describe('followUp with Slack', () => {
  it('replies in the thread of the escalation’s message, and the note links the reply', async () => {
    const { ticket, crm, slack, deps } = await escalated()
    const sent = await followUp(task, 'They called again', deps, { thread: FIRST })
    expect(sent).toMatchObject({ slack: { state: 'sent', channel: 'D0MARCUS1' }, slackRetry: null })
    expect(slack.posted.map((post) => [post.channel, post.threadTs])).toEqual([
      ['U0MARCUS1', null],
      ['D0MARCUS1', '1700000000.000001'],
    ])
    expect(slack.posted[1]?.message.text).toBe('Follow-up from Alex on ticket #102: They called again')
    expect(crm.appended).toEqual(['T1: Follow-up from Alex on 2026-11-25:\nThey called again'])
    expect(ticket.notes[1]?.split('\n')).toEqual([
      'Follow-up sent to Marcus on the CRM task https://crm/T1:',
      'Slack thread reply: https://demo.slack.com/archives/D0MARCUS1/p1700000000000002',
      '',
      'They called again',
    ])
  })

  it('finds the thread in the ticket’s notes when the card does not know it (after a reload)', async () => {
    const { slack, deps } = await escalated()
    expect(await followUp(task, 'Again', deps)).toMatchObject({ slack: { state: 'sent' } })
    expect(slack.posted[1]).toMatchObject({ channel: 'D0MARCUS1', threadTs: '1700000000.000001' })
  })

  it('replies in the channel’s thread when the escalation went to the channel', async () => {
    const { slack, deps } = await escalated({ notify: 'channel', channel: 'C0CSESCAL1' })
    await followUp(task, 'Again', deps)
    expect(slack.posted[1]).toMatchObject({ channel: 'C0CSESCAL1', threadTs: '1700000000.000001' })
  })

  it('posts nothing when the escalation has no Slack message, and says so in the note', async () => {
    const { ticket, slack, deps } = await escalated()
    slack.posted = []
    ticket.notes = [
      'Escalated to Marcus (Customer Success) by Alex.\nCRM task: https://crm/T1\nReason: Churn risk',
    ]
    expect(await followUp(task, 'Again', deps)).toEqual({
      slack: { state: 'no-thread', unreadable: false },
      slackRetry: null,
    })
    expect(slack.posted).toEqual([])
    expect(ticket.notes[1]).toContain('No Slack thread to reply to')
  })

  it('still sends the follow-up when the ticket’s notes cannot be read to find the thread', async () => {
    const { crm, ticket, slack, deps } = await escalated()
    const zendesk = { ...deps.zendesk, internalNotes: () => Promise.reject(new Error('zendesk down')) }
    expect(await followUp(task, 'Again', { ...deps, zendesk })).toMatchObject({
      slack: { state: 'no-thread', unreadable: true },
    })
    expect(slack.posted).toHaveLength(1)
    expect(crm.appended).toHaveLength(1)
    expect(ticket.notes).toHaveLength(2)
  })

  it('says when Slack refused the reply, and "Send again" posts it once in the same thread', async () => {
    const { ticket, slack, deps } = await escalated()
    slack.script = ['refuse']
    const sent = await followUp(task, 'Again', deps, { thread: FIRST })
    expect(sent.slack).toMatchObject({ state: 'not-sent', kind: 'not-in-channel' })
    expect(ticket.notes[1]).toContain('Slack thread reply not sent (not_in_channel).')
    if (!sent.slackRetry || !deps.slack) throw new Error('expected a reply to send again')
    expect(await sendSlackReply(sent.slackRetry, deps.slack)).toMatchObject({ state: 'sent' })
    expect(slack.posted.map((post) => post.threadTs)).toEqual([null, '1700000000.000001'])
  })

  it('a retry after the internal note failed sends neither the CRM text nor the reply again', async () => {
    const { crm, ticket, slack, deps } = await escalated()
    const down = { ...deps.zendesk, addInternalNoteAndTag: () => Promise.reject(new Error('zendesk down')) }
    const failure = await followUp(task, 'Again', { ...deps, zendesk: down }, { thread: FIRST }).catch(
      (error: unknown) => error
    )
    if (!(failure instanceof FollowUpError)) throw new Error('expected a FollowUpError')
    expect(failure.step).toBe('zendesk')
    expect(failure.progress).toMatchObject({ crmDone: true, slack: { state: 'sent' }, thread: FIRST })
    await followUp(task, 'Again', deps, { thread: FIRST, progress: failure.progress })
    expect(crm.appended).toHaveLength(1)
    expect(slack.posted).toHaveLength(2)
    expect(ticket.notes[1]).toContain('Slack thread reply: https://demo.slack.com/')
  })

  it('a reply whose answer was lost is not posted again by a retry; the agent may send it again', async () => {
    const { slack, deps } = await escalated()
    slack.script = ['lost']
    const sent = await followUp(task, 'Again', deps, { thread: FIRST })
    expect(sent).toMatchObject({ slack: { state: 'unknown' }, slackRetry: { thread: FIRST } })
    expect(slack.posted).toHaveLength(2)
  })

  it('with Slack off, reads no notes and posts nothing', async () => {
    const { ticket, crm, alex } = setup()
    const deps = alex.deps
    let reads = 0
    const zendesk = {
      ...deps.zendesk,
      internalNotes: () => {
        reads += 1
        return Promise.resolve([])
      },
    }
    expect(await followUp(task, 'Again', { ...deps, zendesk })).toEqual({
      slack: { state: 'off' },
      slackRetry: null,
    })
    expect(reads).toBe(0)
    expect(ticket.notes).toEqual(['Follow-up sent to Marcus on the CRM task https://crm/T1:\n\nAgain'])
    expect(crm.appended).toHaveLength(1)
  })
})
