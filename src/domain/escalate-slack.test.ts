import { describe, expect, it } from 'vitest'
import { account as globex, MemorySlack, setup, START } from '../test-support/memory-escalation'
import { escalate, sendSlackAgain, type EscalateDeps } from './escalate'
import { CLAIM_STALE_AFTER_MS, claimTag, newClaim, PENDING_TAG } from './escalation-claim'
import type { SlackRouting } from './send-slack-message'

// The escalation with its Slack step and the CSM as follower (ADR 0012), over the same in-memory
// ports as escalate.test.ts: what reached the CRM, the ticket and Slack after each sequence.
const account = { ...globex, csm: { id: '005M', name: 'Marcus', email: 'marcus@globex-vendor.example' } }
const DM: SlackRouting = { notify: 'dm', channel: null }
const draft = { reason: 'churn-risk' as const, note: 'Call them today' }

function withSlack(routing: SlackRouting = DM) {
  const world = setup()
  const slack = new MemorySlack()
  world.ticket.agents.set('marcus@globex-vendor.example', 7)
  const deps: EscalateDeps = { ...world.alex.deps, slack: { port: slack, routing }, followAsCsm: true }
  const run = () => escalate({ account, draft, priorEscalations: 0 }, deps, 'the CS team')
  return { ...world, slack, deps, run }
}

describe('escalate with Slack and the CSM as follower', () => {
  it('sends one DM before the final update, whose note links it and which adds the CSM as follower', async () => {
    const { ticket, crm, slack, run } = withSlack()
    const result = await run()
    expect(result).toMatchObject({
      kind: 'done',
      slack: {
        state: 'sent',
        to: 'dm',
        channel: 'D0MARCUS1',
        permalink: 'https://demo.slack.com/archives/D0MARCUS1/p1700000000000001',
      },
      slackRetry: null,
      follower: 'added',
    })
    expect(slack.posted.map((post) => post.channel)).toEqual(['U0MARCUS1'])
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect(ticket.notes[0]).toContain(
      'Slack message to the CSM: https://demo.slack.com/archives/D0MARCUS1/p1700000000000001'
    )
    expect(ticket.followers).toEqual([7])
    expect(ticket.tags).toEqual(['outage', 'csm_escalated'])
  })

  it('never sends twice: a second click after the escalation finished sends no second message', async () => {
    const { crm, slack, run } = withSlack()
    await expect(run()).resolves.toMatchObject({ kind: 'done' })
    expect(slack.posted).toHaveLength(1)
    expect(await run()).toMatchObject({ kind: 'already-escalated' })
    expect(slack.posted).toHaveLength(1)
    expect(crm.tasks).toHaveLength(1)
  })

  it('keeps the sent message across a failed final update: the retry writes the note with its link', async () => {
    const { ticket, crm, slack, deps } = withSlack()
    let writes = 0
    const write = ticket.write.bind(ticket)
    ticket.write = (state, change) =>
      ++writes === 2 ? Promise.reject(new Error('zendesk down')) : write(state, change)
    const run = () => escalate({ account, draft, priorEscalations: 0 }, deps, 'the CS team')
    await expect(run()).rejects.toMatchObject({ step: 'zendesk' })
    expect(slack.posted).toHaveLength(1)
    expect(await run()).toMatchObject({ kind: 'done', slack: { state: 'sent' } })
    expect(slack.posted).toHaveLength(1)
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect(ticket.notes[0]).toContain('Slack message to the CSM: https://demo.slack.com/')
  })

  it('finishes the escalation when Slack refuses, and "Send again" then sends exactly one message', async () => {
    const { ticket, crm, slack, deps, run } = withSlack()
    slack.script = ['refuse']
    const result = await run()
    expect(result).toMatchObject({
      kind: 'done',
      slack: { state: 'not-sent', kind: 'not-in-channel', detail: 'not_in_channel' },
    })
    expect(ticket.notes[0]).toContain('Slack message not sent (not_in_channel).')
    expect(ticket.tags).toEqual(['outage', 'csm_escalated'])
    expect(crm.tasks).toHaveLength(1)
    if (result.kind !== 'done' || !result.slackRetry || !deps.slack) throw new Error('expected a retry')
    expect(
      await sendSlackAgain(result.slackRetry, { slack: deps.slack, zendesk: deps.zendesk })
    ).toMatchObject({ state: 'sent', to: 'dm' })
    expect(slack.posted).toHaveLength(1)
    // The message sent again is linked from the ticket, so follow-ups find its thread later.
    expect(ticket.notes).toHaveLength(2)
    expect(ticket.notes[1]).toBe(
      [
        'Slack message sent again by Alex for the escalation to Marcus.',
        'CRM task: https://crm/T1',
        'Slack message to the CSM: https://demo.slack.com/archives/D0MARCUS1/p1700000000000001',
      ].join('\n')
    )
  })

  it('does not resend a message whose answer was lost; it says so and leaves the choice to the agent', async () => {
    const { ticket, slack, run } = withSlack()
    slack.script = ['lost']
    const result = await run()
    expect(result).toMatchObject({
      kind: 'done',
      slack: { state: 'unknown' },
      slackRetry: { csmEmail: account.csm.email },
    })
    expect(slack.posted).toHaveLength(1)
    expect(ticket.notes[0]).toContain("Slack message: Slack's answer was lost; it may not have been sent.")
  })

  it('after a reload while the message was on its way, resumes without sending it again', async () => {
    const { ticket, crm, slack, run } = withSlack()
    slack.script = ['hang']
    void run()
    await expect.poll(() => slack.script.length).toBe(0)
    // The tab is gone; the next load finds the attempt's saved "posting" and finishes the rest.
    expect(await run()).toMatchObject({ kind: 'done', slack: { state: 'unknown' } })
    expect(slack.script).toEqual([])
    expect(slack.posted).toHaveLength(0)
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
  })

  it('posts in the fallback channel when the CSM is not in Slack, and says the CSM is not a Zendesk agent', async () => {
    const { ticket, slack, run } = withSlack({ notify: 'dm', channel: 'C0CSESCAL1' })
    slack.users.clear()
    ticket.agents.clear()
    expect(await run()).toMatchObject({
      slack: { state: 'sent', to: 'fallback', channel: 'C0CSESCAL1' },
      follower: 'not-a-user',
    })
    expect(JSON.stringify(slack.posted[0]?.message)).toContain(
      'New escalation for Marcus (not found in Slack)'
    )
    expect(ticket.followers).toEqual([])
  })

  it('without a fallback channel, a CSM not in Slack means not sent: user-not-found', async () => {
    const { slack, run } = withSlack()
    slack.users.clear()
    expect(await run()).toMatchObject({ slack: { state: 'not-sent', kind: 'user-not-found' } })
    expect(slack.posted).toHaveLength(0)
  })

  it('mentions the CSM in channel mode', async () => {
    const { slack, run } = withSlack({ notify: 'channel', channel: 'C0CSESCAL1' })
    expect(await run()).toMatchObject({ slack: { state: 'sent', to: 'channel' } })
    expect(slack.posted[0]?.channel).toBe('C0CSESCAL1')
    expect(slack.posted[0]?.message.text).toMatch(/^<@U0MARCUS1> /)
  })

  it('says Slack is not set up when the admin chose a Slack mode but Zendesk holds no bot token (not_authed)', async () => {
    const { slack, run } = withSlack({ notify: 'dm', channel: null })
    slack.script = ['not-authed']
    expect(await run()).toMatchObject({ slack: { state: 'not-sent', kind: 'not-configured' } })
    expect(slack.posted).toHaveLength(0)
  })

  it('taking over a stale claim whose attempt made the task: the message may be in Slack, so it is not sent again', async () => {
    const { ticket, crm, slack, deps, run } = withSlack()
    // Sam's tab made the task (and may have posted in Slack) and closed for good.
    const sam = withSlack()
    sam.slack.script = ['hang']
    void sam.run()
    await expect.poll(() => sam.slack.script.length).toBe(0)
    crm.tasks.push(...sam.crm.tasks)
    const abandoned = newClaim(2, START - CLAIM_STALE_AFTER_MS - 1000, 'gone')
    ticket.tags = ['outage', PENDING_TAG, claimTag(abandoned)]
    const result = await run()
    expect(result).toMatchObject({
      kind: 'done',
      slack: { state: 'unknown' },
      slackRetry: { csmEmail: account.csm.email },
    })
    expect(slack.posted).toEqual([])
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes[0]).toContain("Slack message: Slack's answer was lost; it may not have been sent.")
    // The agent decides: Send again posts it once.
    if (result.kind !== 'done' || !result.slackRetry || !deps.slack) throw new Error('expected a retry')
    await sendSlackAgain(result.slackRetry, { slack: deps.slack, zendesk: deps.zendesk })
    expect(slack.posted).toHaveLength(1)
  })

  it('taking over a stale claim that had made no task sends the message: nothing can be in Slack yet', async () => {
    const { ticket, slack, run } = withSlack()
    ticket.tags = ['outage', PENDING_TAG, claimTag(newClaim(2, START - CLAIM_STALE_AFTER_MS - 1000, 'gone'))]
    expect(await run()).toMatchObject({ kind: 'done', slack: { state: 'sent' } })
    expect(slack.posted).toHaveLength(1)
  })

  it('a claim removed by a trigger after the message was sent: the next try carries the message over, not a second one', async () => {
    const { ticket, crm, slack, deps } = withSlack()
    const post = slack.postMessage.bind(slack)
    // A trigger strips the claim tags while the message is being posted.
    slack.postMessage = async (channel, message, threadTs) => {
      const posted = await post(channel, message, threadTs)
      ticket.tags = ['outage']
      ticket.stamp += 1
      return posted
    }
    const run = () => escalate({ account, draft, priorEscalations: 0 }, deps, 'the CS team')
    expect((await run().catch((error: unknown) => error)) as object).toMatchObject({ step: 'zendesk' })
    slack.postMessage = post
    expect(await run()).toMatchObject({ kind: 'done', slack: { state: 'sent' } })
    expect(slack.posted).toHaveLength(1)
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
  })

  it('reads the CSM’s Zendesk user once for an escalation', async () => {
    const { ticket, run } = withSlack()
    await run()
    expect(ticket.userSearches).toBe(1)
  })
})
