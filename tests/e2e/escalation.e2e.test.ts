import type { FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAgentSession } from '../support/agent-session'
import { launchAgentBrowser } from '../support/browser'

// One-click escalation end to end: the real app and SDK in Chromium, the CRM emulator recording
// tasks, the emulated Zendesk recording internal notes and tags.
const session = useAgentSession()

async function openTicket(id: number): Promise<FrameLocator> {
  await session.page.goto(session.stack.zendesk.ticketUrl(id))
  const frame = session.page.frameLocator('[data-testid="app-iframe"]')
  await frame.getByTestId('csm-name').or(frame.getByText('No CSM assigned')).waitFor({ timeout: 15_000 })
  return frame
}

const today = (): string => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

describe('escalation to the CSM', () => {
  it('creates one task for the CSM with the context note, an internal note and the tag', async () => {
    const frame = await openTicket(102)
    await frame.getByLabel('Reason').selectOption({ label: 'Churn risk' })
    await frame.getByLabel('What the CSM should know').fill('Threatening to leave if not fixed today.')
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()

    const result = frame.getByTestId('escalation-result')
    await result.waitFor()
    expect(await result.innerText()).toContain('Escalated to Marcus Oyelaran')
    const tasks = session.stack.crm.tasks()
    expect(tasks).toHaveLength(1)
    const task: Record<string, unknown> = tasks[0] ?? {}
    expect(task).toMatchObject({
      OwnerId: '005000000000002AAA',
      WhatId: '001000000000002AAA',
      WhoId: '003000000000002AAA',
      Subject: '[Escalation] #102 Outage: API returning 500 for all requests',
      Priority: 'High',
      Status: 'Not Started',
      ActivityDate: today(),
    })
    const description = String(task['Description'])
    for (const line of [
      'https://successbridge-demo.zendesk.com/agent/tickets/102',
      'Priority: urgent · Status: open',
      'Reason: Churn risk',
      'Escalated by: Alex Rivera',
      'Threatening to leave if not fixed today.',
      'Requester: Hank Scorpio <hank@globex.example>',
      'Tickets from this organization in the last 30 days: 1',
      'Health: 38 (At risk)',
      'Renewal: ',
    ]) {
      expect(description).toContain(line)
    }
    expect(await frame.getByRole('link', { name: 'Open task' }).getAttribute('href')).toBe(
      `${session.stack.crm.url}/lightning/r/Task/${String(task['Id'])}/view`
    )

    const notes = session.stack.zendesk.comments(102)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ public: false })
    expect(notes[0]?.body).toContain('Escalated to Marcus Oyelaran (Customer Success) by Alex Rivera.')
    expect(notes[0]?.body).toContain(`/lightning/r/Task/${String(task['Id'])}/view`)
    expect(session.stack.zendesk.tags(102)).toContain('csm_escalated')
    await session.page.getByTestId('internal-notes').getByText('Escalated to Marcus Oyelaran').waitFor()
  })

  it('acts on the first click even when Zendesk grows the frame late (the button waits to be shown)', async () => {
    // The button used to appear while the frame was still too short to show it: a click then
    // scrolled the frame, the frame grew, the button moved and the click landed on nothing.
    await session.page.goto(`${session.stack.zendesk.ticketUrl(102)}?resizeDelayMs=800`)
    const frame = session.app()
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor({ timeout: 10_000 })
    expect(session.stack.crm.tasks()).toHaveLength(1)
  })

  it('can be done with the keyboard alone', async () => {
    const frame = await openTicket(103)
    await frame.getByLabel('Reason').focus()
    await session.page.keyboard.press('ArrowDown')
    await session.page.keyboard.press('Tab')
    await session.page.keyboard.type('SSO is blocking their rollout')
    await session.page.keyboard.press('Tab')
    expect(await frame.locator(':focus').innerText()).toBe('Escalate to Priya Raman')
    await session.page.keyboard.press('Enter')

    await frame.getByTestId('escalation-result').waitFor()
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(String(session.stack.crm.tasks()[0]?.['Description'])).toContain('Reason: Critical bug or outage')
    expect(String(session.stack.crm.tasks()[0]?.['Description'])).toContain('SSO is blocking their rollout')
  })

  it('sends once however fast the button is clicked', async () => {
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).dblclick()
    await frame.getByTestId('escalation-result').waitFor()
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
  })

  it('shows the existing escalation when the ticket is opened again, and takes a follow-up instead of a second one', async () => {
    let frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    frame = await openTicket(102)
    const result = frame.getByTestId('escalation-result')
    await result.waitFor()
    expect(await result.innerText()).toContain('Escalated to Marcus Oyelaran by Alex Rivera')
    expect(await frame.getByRole('button', { name: /Escalate to/ }).count()).toBe(0)

    await frame.getByRole('button', { name: 'Add a follow-up note' }).click()
    const followUp = frame.getByLabel('Follow-up for the CSM')
    // The form puts the keyboard in the field it opened; an empty follow-up says why it was not sent.
    expect(await followUp.evaluate((el) => el === document.activeElement)).toBe(true)
    session.stack.crm.clearRequests()
    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByText('Write the follow-up before sending it.').waitFor()
    expect(await followUp.getAttribute('aria-invalid')).toBe('true')
    expect(await followUp.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(session.stack.crm.requests()).toEqual([])

    await followUp.fill('They called again: now two regions down.')
    expect(await frame.getByText('Write the follow-up before sending it.').count()).toBe(0)
    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByTestId('follow-up-sent').waitFor()

    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(String(session.stack.crm.tasks()[0]?.['Description'])).toMatch(
      /Follow-up from Alex Rivera on \d{4}-\d{2}-\d{2}:\nThey called again: now two regions down\.$/
    )
    const notes = session.stack.zendesk.comments(102).filter((comment) => !comment.public)
    expect(notes.map((note) => note.body.split('\n')[0])).toEqual([
      'Escalated to Marcus Oyelaran (Customer Success) by Alex Rivera.',
      expect.stringContaining('Follow-up sent to Marcus Oyelaran on the CRM task'),
    ])
  })

  it('keeps the note through a CRM failure and creates one task on retry', async () => {
    const frame = await openTicket(102)
    await frame.getByLabel('What the CSM should know').fill('Keep me')
    // The dedupe query and its two automatic retries fail; the create is never sent.
    session.stack.crm.setFaults({ mode: 'server-error', remaining: 3 })
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()

    const failure = frame.getByTestId('escalation-failed')
    await failure.waitFor()
    expect(await failure.innerText()).toContain('The CRM task was not created')
    expect(await frame.getByLabel('What the CSM should know').inputValue()).toBe('Keep me')
    expect(session.stack.crm.tasks()).toHaveLength(0)

    await frame.getByRole('button', { name: 'Try again' }).click()
    await frame.getByTestId('escalation-result').waitFor()
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(String(session.stack.crm.tasks()[0]?.['Description'])).toContain('Keep me')
  })

  it('gives up on a CRM create Zendesk never answers, keeps the note, and Try again escalates once', async () => {
    const frame = await openTicket(102)
    await frame.getByLabel('What the CSM should know').fill('Keep me too')
    // The task's create (the only POST) is taken by the proxy and never answered, nor sent on.
    session.stack.zendesk.setProxyFaults({ mode: 'no-answer', method: 'POST', remaining: 1 })
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()

    const failure = frame.getByTestId('escalation-failed')
    await failure.waitFor({ timeout: 30_000 })
    // The create may have reached the CRM: the card must not say it was not made.
    expect(await failure.innerText()).toContain(
      'The CRM did not confirm the task, so it may have been created.'
    )
    expect(await frame.getByLabel('What the CSM should know').inputValue()).toBe('Keep me too')
    expect(session.stack.crm.tasks()).toHaveLength(0)
    expect(session.stack.zendesk.comments(102)).toHaveLength(0)

    await frame.getByRole('button', { name: 'Try again' }).click()
    await frame.getByTestId('escalation-result').waitFor({ timeout: 15_000 })
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(String(session.stack.crm.tasks()[0]?.['Description'])).toContain('Keep me too')
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
    expect(session.stack.zendesk.tags(102)).toContain('csm_escalated')
  })

  it('says a follow-up whose answer was lost may be on the task, and sending it again adds it once', async () => {
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()
    await frame.getByRole('button', { name: 'Add a follow-up note' }).click()
    await frame.getByLabel('Follow-up for the CSM').fill('Third call today.')
    // The CRM appends the follow-up, and its answer never reaches the app.
    session.stack.crm.setWriteFault({ kind: 'lose-answer', remaining: 1 })
    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame
      .getByText('The CRM did not confirm the follow-up, so it may have been added to the task.')
      .waitFor({ timeout: 15_000 })
    expect(String(session.stack.crm.tasks()[0]?.['Description']).split('Third call today.')).toHaveLength(2)

    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByTestId('follow-up-sent').waitFor({ timeout: 15_000 })
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(String(session.stack.crm.tasks()[0]?.['Description']).split('Third call today.')).toHaveLength(2)
    const followUpNotes = session.stack.zendesk
      .comments(102)
      .filter((comment) => comment.body.includes('Follow-up sent to Marcus Oyelaran'))
    expect(followUpNotes).toHaveLength(1)
  })

  it('restores the draft after a reload', async () => {
    let frame = await openTicket(103)
    await frame.getByLabel('Reason').selectOption({ label: 'Feature gap' })
    await frame.getByLabel('What the CSM should know').fill('Needs SCIM before renewal')

    await session.page.reload()
    frame = session.page.frameLocator('[data-testid="app-iframe"]')
    await frame.getByTestId('csm-name').waitFor()
    expect(await frame.getByLabel('What the CSM should know').inputValue()).toBe('Needs SCIM before renewal')
    expect(await frame.getByLabel('Reason').inputValue()).toBe('feature-gap')
  })

  it('explains instead of offering escalation when the account has no CSM', async () => {
    const frame = await openTicket(104)
    const section = frame.getByTestId('escalation')
    await section.waitFor()
    expect(await section.innerText()).toContain('This account has no CSM in the CRM')
    expect(await frame.getByRole('button', { name: /Escalate/ }).count()).toBe(0)
  })
})

/** Sam (agent 2) claimed ticket #102 a moment ago, by Zendesk's clock, and is still escalating it. */
function claimedBySamJustNow(): void {
  const startedAt = Math.floor(Date.now() / 1000)
  session.stack.zendesk.setTags(102, [
    ...session.stack.zendesk.tags(102),
    'csm_escalation_pending',
    `csm_escalation_claim_2_${startedAt}_busy`,
  ])
}

/** How often the card has read ticket #102 from Zendesk. */
const ticketReads = (): number =>
  session.stack.zendesk.apiRequests().filter((request) => request === 'GET /api/v2/tickets/102.json').length

describe('waiting on another agent’s escalation', () => {
  it('names the agent who is escalating, and reads that name once, not on every poll', async () => {
    claimedBySamJustNow()
    const frame = await openTicket(102)
    const claimed = frame.getByTestId('escalation-claimed')
    await claimed.waitFor({ timeout: 15_000 })
    await expect
      .poll(() => claimed.innerText(), { timeout: 10_000 })
      .toContain('Sam Okafor started escalating')
    // The card re-reads the ticket every 2.5 s: wait for at least three more reads, then count.
    const before = ticketReads()
    await expect.poll(ticketReads, { timeout: 15_000, interval: 500 }).toBeGreaterThanOrEqual(before + 3)
    expect(
      session.stack.zendesk.apiRequests().filter((request) => request === 'GET /api/v2/users/2.json')
    ).toEqual(['GET /api/v2/users/2.json'])
  })
})

describe('an agent whose clock is wrong', () => {
  it('does not offer to take over a claim seconds old when the browser’s clock runs ten minutes ahead', async () => {
    claimedBySamJustNow()
    await session.page.clock.setSystemTime(Date.now() + 10 * 60_000)
    const frame = await openTicket(102)
    // The app's own clock is the wrong one…
    expect(await frame.locator('html').evaluate(() => Date.now())).toBeGreaterThan(Date.now() + 9 * 60_000)
    const claimed = frame.getByTestId('escalation-claimed')
    await expect
      .poll(() => claimed.innerText(), { timeout: 10_000 })
      .toContain('Sam Okafor started escalating')
    // …and after more reads of the ticket, the claim is still Sam's, aged by Zendesk's clock.
    const before = ticketReads()
    await expect.poll(ticketReads, { timeout: 15_000, interval: 500 }).toBeGreaterThanOrEqual(before + 2)
    expect(await claimed.innerText()).not.toContain('minutes')
    expect(await frame.getByRole('button', { name: 'Escalate now' }).count()).toBe(0)
    expect(session.stack.crm.tasks()).toEqual([])
  })
})

describe('an escalation abandoned after its CRM task', () => {
  it('another agent finishes it once its claim is stale: the CRM’s task alone does not count as done', async () => {
    // Alex's tab closes for good while the CRM creates the task: a task, a claim, no note.
    session.stack.crm.setWriteFault({ kind: 'hang', remaining: 1 })
    const alex = await openTicket(102)
    await alex.getByLabel('What the CSM should know').fill('Abandoned half-way')
    await alex.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await expect.poll(() => session.stack.crm.tasks().length, { timeout: 15_000 }).toBe(1)
    await session.page.close()
    session.stack.crm.setWriteFault(null)
    // Three minutes later, by the claim's clock.
    const aged = session.stack.zendesk
      .tags(102)
      .map((tag) =>
        tag.replace(
          /^(csm_escalation_claim_\d+_)(\d+)(_.+)$/,
          (_all, head: string, seconds: string, tail: string) => `${head}${Number(seconds) - 180}${tail}`
        )
      )
    session.stack.zendesk.setTags(102, aged)

    // Sam, in his own browser: the card offers to finish the escalation, not a follow-up on it.
    const browser = await launchAgentBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(`${session.stack.zendesk.ticketUrl(102)}?as=2`)
      const sam = page.frameLocator('[data-testid="app-iframe"]')
      await sam.getByRole('button', { name: 'Escalate now' }).click({ timeout: 20_000 })
      await sam.getByTestId('escalation-result').waitFor({ timeout: 20_000 })
      expect(session.stack.crm.tasks()).toHaveLength(1)
      const notes = session.stack.zendesk.comments(102).filter((c) => c.body.startsWith('Escalated to '))
      expect(notes).toHaveLength(1)
      expect(session.stack.zendesk.tags(102).filter((tag) => tag.startsWith('csm_escalation'))).toEqual([])
      expect(session.stack.zendesk.tags(102)).toContain('csm_escalated')
    } finally {
      await browser.dispose()
    }
  })
})
