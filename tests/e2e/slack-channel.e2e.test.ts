import { describe, expect, it } from 'vitest'
import { useAgentSession } from '../support/agent-session'

// Channel mode (slack_notify = channel): the escalation is posted in #cs-escalations, mentioning
// the CSM by their Slack id, so the team sees it too; the internal note links that post.
const session = useAgentSession({
  slack: true,
  settings: { slack_notify: 'channel', slack_channel: 'C0CSESCAL1' },
})

describe('Slack channel post on escalation', () => {
  it('posts once in the channel, mentioning the CSM, and links the post in the note', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(102))
    const frame = session.app()
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    const slack = frame.getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 15_000 })
    expect(await slack.innerText()).toContain('Posted in the Slack channel for Marcus Oyelaran.')

    const messages = session.stack.slack.messages()
    expect(messages.map((message) => message.channel)).toEqual(['C0CSESCAL1'])
    expect(messages[0]?.text.startsWith('<@U0MARCUS1> Escalation: Globex')).toBe(true)
    expect(JSON.stringify(messages[0]?.blocks)).toContain(
      '<@U0MARCUS1>, you have a new escalation from Alex Rivera.'
    )
    const permalink = `${session.stack.slack.url}/archives/C0CSESCAL1/p${messages[0]?.ts.replace('.', '')}`
    expect(session.stack.zendesk.comments(102)[0]?.body).toContain(
      `Slack message in the escalation channel: ${permalink}`
    )
  })

  it('says who can fix it when the app is not in the channel', async () => {
    session.stack.slack.addFault({ kind: 'error', error: 'not_in_channel', method: 'chat.postMessage' })
    await session.page.goto(session.stack.zendesk.ticketUrl(102))
    const frame = session.app()
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    const slack = frame.getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 15_000 })
    expect(await slack.innerText()).toContain(
      'Task created, Slack message not sent: the Slack app is not in the escalation channel. Anyone in that channel can add it.'
    )
    expect(session.stack.slack.messages()).toEqual([])
    expect(session.stack.crm.tasks()).toHaveLength(1)
  })
})
