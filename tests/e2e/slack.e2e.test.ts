import type { FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAgentSession } from '../support/agent-session'
import { appFrame, axeViolations } from '../support/axe'

// The Slack handoff end to end (ADR 0012): the real app and SDK in Chromium, the emulated Zendesk
// proxy inserting the bot token and sending slack.com to the Slack emulator, which records every
// message. Slack is installed as `npm start` installs it: a bot token, slack_notify dm.
const session = useAgentSession({ slack: true })
const NOT_A_PAGE = ['page-has-heading-one']

async function openTicket(id: number): Promise<FrameLocator> {
  await session.page.goto(session.stack.zendesk.ticketUrl(id))
  const frame = session.app()
  await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
  return frame
}

const messages = () => session.stack.slack.messages()

describe('Slack message and follower on escalation', () => {
  it('sends exactly one DM on a double click, links it in the note, and makes the CSM a follower', async () => {
    const frame = await openTicket(102)
    await frame.getByLabel('What the CSM should know').fill('CTO <!channel> on the phone & angry')
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).dblclick()

    const slack = frame.getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 15_000 })
    expect(await slack.innerText()).toContain('Slack message sent to Marcus Oyelaran.')
    expect(messages()).toHaveLength(1)
    const [message] = messages()
    expect(message?.channel).toBe('D0MARCUS1')
    const body = JSON.stringify(message?.blocks)
    expect(body).toContain('CTO &lt;!channel&gt; on the phone &amp; angry')
    expect(body).toContain('<https://successbridge-demo.zendesk.com/agent/tickets/102|Open ticket #102>')
    expect(body).toContain('Open the CRM task')
    expect(body).toContain('*Why now* (recommended)')
    const permalink = `${session.stack.slack.url}/archives/D0MARCUS1/p${message?.ts.replace('.', '')}`
    expect(await frame.getByRole('link', { name: 'Open in Slack' }).getAttribute('href')).toBe(permalink)

    expect(await frame.getByTestId('escalation-follower').innerText()).toBe(
      'Marcus Oyelaran now follows this ticket in Zendesk.'
    )
    const notes = session.stack.zendesk.comments(102)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.body).toContain(`Slack message to the CSM: ${permalink}`)
    expect(session.stack.crm.tasks()).toHaveLength(1)
    await session.page.getByTestId('ticket-followers').getByText('Marcus Oyelaran').waitFor()
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])
  })

  it('finishes when Slack fails, says why, and "Send again" sends one message', async () => {
    session.stack.slack.addFault({ kind: 'error', error: 'service_unavailable', method: 'chat.postMessage' })
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    const slack = frame.getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 15_000 })
    expect(await slack.innerText()).toContain(
      'Task created, Slack message not sent: Slack could not be reached. Send again in a moment.'
    )
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])
    expect(messages()).toHaveLength(0)
    expect(session.stack.zendesk.comments(102)[0]?.body).toContain(
      'Slack message not sent (service_unavailable).'
    )

    await frame.getByTestId('slack-send-again').dblclick()
    await frame.getByText('Slack message sent to Marcus Oyelaran.').waitFor()
    expect(messages()).toHaveLength(1)
    expect(session.stack.crm.tasks()).toHaveLength(1)
    // A short note links the message sent again, so follow-ups find its thread after a reload.
    await expect.poll(() => session.stack.zendesk.comments(102).length).toBe(2)
    const notes = session.stack.zendesk.comments(102)
    const permalink = `${session.stack.slack.url}/archives/D0MARCUS1/p${messages()[0]?.ts.replace('.', '')}`
    expect(notes[1]?.body).toContain(`Slack message to the CSM: ${permalink}`)
    expect(notes[1]?.public).toBe(false)
    expect(await frame.getByTestId('slack-send-again').count()).toBe(0)
  })

  it('after a reload between the CRM task and the Slack message: one task, one message, one note', async () => {
    // The lookup of the CSM in Slack never answers: the page is reloaded while it waits.
    session.stack.slack.addFault({ kind: 'hang', method: 'users.lookupByEmail' })
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await expect
      .poll(() => session.stack.slack.calls().map((call) => call.outcome), { timeout: 15_000 })
      .toEqual(['hang'])
    expect(session.stack.crm.tasks()).toHaveLength(1)
    await session.page.reload()
    await session.app().getByTestId('escalation-slack').waitFor({ timeout: 15_000 })
    expect(messages()).toHaveLength(1)
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
  })

  it('after a reload while the message was on its way: one message, and the card says it may have arrived', async () => {
    // Slack posts the message and never answers: the page is reloaded while the app waits.
    session.stack.slack.addFault({ kind: 'act-then-hang', method: 'chat.postMessage' })
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await expect.poll(() => messages().length, { timeout: 15_000 }).toBe(1)
    await session.page.reload()
    const slack = session.app().getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 15_000 })
    expect(await slack.getAttribute('data-state')).toBe('unknown')
    expect(messages()).toHaveLength(1)
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
  })

  it('does not resend a message whose answer was lost, and says why', async () => {
    session.stack.slack.addFault({ kind: 'lose-answer', method: 'chat.postMessage' })
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    const slack = frame.getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 15_000 })
    expect(await slack.innerText()).toContain("Slack's answer was lost, so the message may have arrived.")
    expect(await slack.getAttribute('data-state')).toBe('unknown')
    expect(messages()).toHaveLength(1)
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
  })

  it('gives up on a Slack post Zendesk never answers: the task and note are done, the message may have arrived', async () => {
    session.stack.zendesk.setProxyFaults({
      mode: 'no-answer',
      host: 'slack.com',
      method: 'POST',
      remaining: 1,
    })
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    const slack = frame.getByTestId('escalation-slack')
    await slack.waitFor({ timeout: 30_000 })
    expect(await slack.getAttribute('data-state')).toBe('unknown')
    // Nothing reached Slack, and nothing was sent again by itself.
    expect(messages()).toHaveLength(0)
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
    await frame.getByRole('button', { name: 'Send again' }).click()
    await expect.poll(() => messages().length, { timeout: 15_000 }).toBe(1)
    await expect.poll(() => slack.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent')
  })

  it('says the CSM was not added as a follower when they are not a Zendesk user', async () => {
    const frame = await openTicket(101)
    await frame.getByRole('button', { name: 'Escalate to Dana Whitfield' }).click()
    const follower = frame.getByTestId('escalation-follower')
    await follower.waitFor({ timeout: 15_000 })
    expect(await follower.innerText()).toBe(
      'Dana Whitfield was not added as a follower: no Zendesk agent has their email.'
    )
    expect(messages().map((m) => m.channel)).toEqual(['D0DANA001'])
    expect(await session.page.getByTestId('ticket-followers').innerText()).toBe('-')
  })
})

describe('Follow-ups in the Slack thread', () => {
  async function escalate102(): Promise<FrameLocator> {
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-slack').waitFor({ timeout: 15_000 })
    return frame
  }
  async function sendFollowUp(frame: FrameLocator, text: string, click: 'click' | 'dblclick' = 'click') {
    await frame.getByRole('button', { name: 'Add a follow-up note' }).click()
    await frame.getByLabel('Follow-up for the CSM').fill(text)
    await frame.getByRole('button', { name: 'Send follow-up' })[click]()
    await frame.getByTestId('follow-up-sent').waitFor({ timeout: 15_000 })
    return frame.getByTestId('follow-up-slack')
  }

  it('replies once in the thread of the escalation’s DM on a double click, and the note links the reply', async () => {
    const frame = await escalate102()
    const slack = await sendFollowUp(frame, 'They called again <!here>', 'dblclick')
    expect(await slack.innerText()).toContain(
      'Also posted in the Slack thread of the escalation, for Marcus Oyelaran.'
    )
    const [first, reply, ...more] = messages()
    expect(more).toEqual([])
    expect(reply).toMatchObject({ channel: 'D0MARCUS1', threadTs: first?.ts })
    expect(reply?.text).toBe('Follow-up from Alex Rivera on ticket #102: They called again &lt;!here&gt;')
    const replyLink = `${session.stack.slack.url}/archives/D0MARCUS1/p${reply?.ts.replace('.', '')}?thread_ts=${first?.ts}&cid=D0MARCUS1`
    expect(await slack.getByRole('link', { name: /Open in Slack/ }).getAttribute('href')).toBe(replyLink)
    const notes = session.stack.zendesk.comments(102)
    expect(notes).toHaveLength(2)
    expect(notes[1]?.body).toContain(`Slack thread reply: ${replyLink}`)
    expect(session.stack.crm.tasks()).toHaveLength(1)
    // The Slack page shows the reply under the first message, as Slack does.
    const page = await session.page.context().newPage()
    await page.goto(session.stack.slack.url)
    expect(await page.locator('.thread').innerText()).toContain('They called again')
    await page.close()
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])
  })

  it('after a reload, finds the thread from the ticket’s notes and replies in it', async () => {
    await escalate102()
    await session.page.reload()
    const frame = session.app()
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    const slack = await sendFollowUp(frame, 'Update after the reload')
    expect(await slack.getAttribute('data-state')).toBe('sent')
    const [first, reply] = messages()
    expect(reply).toMatchObject({ channel: first?.channel, threadTs: first?.ts })
    expect(messages()).toHaveLength(2)
  })

  it('says when Slack refused the reply, and "Send again" posts it once in the thread', async () => {
    const frame = await escalate102()
    session.stack.slack.addFault({ kind: 'error', error: 'ratelimited', method: 'chat.postMessage' })
    const slack = await sendFollowUp(frame, 'Refund requested')
    expect(await slack.innerText()).toContain('Follow-up saved, Slack reply not sent:')
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])
    expect(messages()).toHaveLength(1)
    expect(session.stack.zendesk.comments(102)[1]?.body).toContain(
      'Slack thread reply not sent (ratelimited).'
    )

    await frame.getByTestId('follow-up-slack-send-again').dblclick()
    await frame.getByText('Also posted in the Slack thread of the escalation').waitFor()
    const [first, reply, ...more] = messages()
    expect(more).toEqual([])
    expect(reply).toMatchObject({ threadTs: first?.ts, text: expect.stringContaining('Refund requested') })
    expect(session.stack.crm.tasks()).toHaveLength(1)
  })

  it('posts nothing when the escalation’s message was never sent, and says why', async () => {
    session.stack.slack.addFault({ kind: 'error', error: 'service_unavailable', method: 'chat.postMessage' })
    const frame = await escalate102()
    const slack = await sendFollowUp(frame, 'Still down')
    expect(await slack.innerText()).toBe(
      "Not posted in Slack: the app knows no Slack message of this escalation to reply to (it was not sent, or Slack's answer was lost)."
    )
    expect(messages()).toEqual([])
  })
})
