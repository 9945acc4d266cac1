import { describe, expect, it } from 'vitest'
import { appFrame, axeViolations } from '../support/axe'
import { useAgentSession } from '../support/agent-session'

// "Why now" in the real app in Chromium against the emulated Zendesk and the Salesforce emulator:
// the demo's ticket #102 (urgent outage, "we will look at other vendors", Globex at risk and
// renewing soon) gets the recommendation; a quiet ticket of a healthy account shows nothing.

const session = useAgentSession()

async function open(id: number) {
  await session.page.goto(session.stack.zendesk.ticketUrl(id))
  const frame = session.app()
  await frame.locator('section[data-state]:not([data-state="loading"])').waitFor({ timeout: 15_000 })
  return frame
}

describe('why now', () => {
  it('#102 recommends escalating, says why in words, and preselects churn risk', async () => {
    const frame = await open(102)
    const banner = frame.getByTestId('why-now-recommended')
    await banner.waitFor({ timeout: 15_000 })
    expect(await banner.getAttribute('role')).toBe('status')
    expect(await frame.getByRole('heading', { name: 'Escalation recommended', level: 4 }).count()).toBe(1)
    const reasons = (await banner.locator('li').allInnerTexts()).map((text) => text.replace(/^\S+\s*/, ''))
    expect(reasons).toEqual([
      'Urgent ticket',
      'Mentions “other vendors”',
      expect.stringMatching(/^Renews in \d+ days?$/),
      'Health 38, at risk (below 50)',
    ])
    expect(await frame.getByLabel('Reason').inputValue()).toBe('churn-risk')
    expect(
      await axeViolations(await appFrame(session.page), { disableRules: ['page-has-heading-one'] })
    ).toEqual([])
  })

  it('#102: the CRM task’s note carries the same reasons, so the CSM sees what the agent saw', async () => {
    const frame = await open(102)
    await frame.getByTestId('why-now-recommended').waitFor({ timeout: 15_000 })
    await frame.getByRole('button', { name: /^Escalate to / }).click()
    await frame.getByTestId('escalation-result').waitFor({ timeout: 30_000 })
    const note = String(session.stack.crm.tasks()[0]?.['Description'])
    expect(note).toContain('Reason: Churn risk')
    expect(note.split('\n').slice(-5)).toEqual([
      'Why now (Success Bridge recommended escalating)',
      '- Urgent ticket',
      '- Mentions "other vendors"',
      expect.stringMatching(/^- Renews in \d+ days?$/),
      '- Health 38, at risk (below 50)',
    ])
  })

  it('a healthy account with a routine ticket shows no "Why now" at all', async () => {
    const frame = await open(101)
    await frame.getByLabel('What the CSM should know').waitFor({ timeout: 15_000 })
    expect(await frame.getByTestId('why-now-recommended').count()).toBe(0)
    expect(await frame.getByTestId('why-now').count()).toBe(0)
    expect(await frame.getByLabel('Reason').inputValue()).toBe('churn-risk')
  })

  it('lists account signals without recommending when the ticket itself is not critical', async () => {
    // #103: an account on watch that renews soon, and a low-priority question.
    const frame = await open(103)
    await frame.getByLabel('What the CSM should know').waitFor({ timeout: 15_000 })
    expect(await frame.getByTestId('why-now-recommended').count()).toBe(0)
    const list = frame.getByTestId('why-now')
    expect(await list.count()).toBe(1)
    expect(await list.innerText()).toMatch(/Renews in \d+ days?/)
  })
})
