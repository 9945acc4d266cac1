import type { Frame, FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appFrame } from '../support/axe'
import { useAgentSession } from '../support/agent-session'

// A keyboard-only agent with a screen reader, in the real app in Chromium: after every action the
// keyboard stays on a control that remains or moves to the result (never to <body>, where the next
// Tab would start again at the top), and progress and results are announced by live regions that
// were in the page before their text changed.

const session = useAgentSession()

async function openTicket(id: number): Promise<{ frame: FrameLocator; doc: Frame }> {
  await session.page.goto(session.stack.zendesk.ticketUrl(id))
  const frame = session.page.frameLocator('[data-testid="app-iframe"]')
  await frame.locator('section[data-state]:not([data-state="loading"])').waitFor({ timeout: 15_000 })
  return { frame, doc: await appFrame(session.page) }
}

/** What has the keyboard in the app's document: its test id, heading text, or tag. */
function focused(doc: Frame): Promise<string> {
  return doc.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    const id = el.getAttribute('data-testid')
    if (id) return `testid:${id}`
    if (/^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading')
      return `heading:${el.textContent?.trim() ?? ''}`
    return `${el.tagName.toLowerCase()}:${el.textContent?.trim() ?? ''}`
  })
}

/**
 * Records every text the live region with this test id takes from now on, and marks the node, so
 * a later check can tell that the same region (not a new one) carried the announcements.
 */
async function recordRegion(doc: Frame, testId: string): Promise<void> {
  await doc.evaluate((id) => {
    const region = document.querySelector(`[data-testid="${id}"]`)
    if (!region) throw new Error(`no live region ${id}`)
    const store = window as unknown as Record<string, string[]>
    store[id] = [region.textContent ?? '']
    region.setAttribute('data-recorded', 'yes')
    new MutationObserver(() => store[id]?.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    })
  }, testId)
}

async function regionTexts(doc: Frame, testId: string): Promise<{ sameNode: boolean; texts: string[] }> {
  return doc.evaluate((id) => {
    const region = document.querySelector(`[data-testid="${id}"]`)
    const texts = (window as unknown as Record<string, string[]>)[id] ?? []
    return {
      sameNode: region?.getAttribute('data-recorded') === 'yes' && region.getAttribute('role') === 'status',
      texts: texts.filter((text, i) => text !== texts[i - 1]),
    }
  }, testId)
}

async function pressOn(frame: FrameLocator, name: string | RegExp, key = 'Enter'): Promise<void> {
  await frame.getByRole('button', { name }).focus()
  await session.page.keyboard.press(key)
}

describe('keyboard focus and announcements', () => {
  it('Escalate: the keyboard stays on the button while sending, then moves to the result; both are announced', async () => {
    const { frame, doc } = await openTicket(102)
    await frame.getByLabel('What the CSM should know').fill('Outage for a key account.')
    await recordRegion(doc, 'escalation-status')
    await pressOn(frame, 'Escalate to Marcus Oyelaran')
    await frame.getByRole('button', { name: 'Escalating…' }).waitFor()
    expect(await focused(doc)).toBe('testid:escalate-button')
    await frame.getByTestId('escalation-result').waitFor({ timeout: 30_000 })
    expect(await focused(doc)).toBe('testid:escalation-result')
    expect(await regionTexts(doc, 'escalation-status')).toEqual({
      sameNode: true,
      texts: ['', 'Escalating…', 'Escalated to Marcus Oyelaran'],
    })

    // Follow-up by keyboard: the field takes the keyboard, then the sent message does.
    await recordRegion(doc, 'follow-up-status')
    await pressOn(frame, 'Add a follow-up note')
    expect(await focused(doc)).toBe('textarea:')
    await session.page.keyboard.type('They called again.')
    await session.page.keyboard.press('Tab')
    await session.page.keyboard.press('Enter')
    await frame.getByTestId('follow-up-sent').waitFor({ timeout: 30_000 })
    expect(await focused(doc)).toBe('testid:follow-up-sent')
    expect(await regionTexts(doc, 'follow-up-status')).toEqual({
      sameNode: true,
      texts: ['', 'Sending…', 'Follow-up sent to Marcus Oyelaran.'],
    })
  })

  it('Try again after a CRM failure keeps the keyboard on the button, then moves it to the result', async () => {
    const { frame, doc } = await openTicket(103)
    session.stack.crm.setFaults({ mode: 'server-error', remaining: 3 })
    await pressOn(frame, /^Escalate to /)
    await frame.getByTestId('escalation-failed').waitFor({ timeout: 30_000 })
    expect(await focused(doc)).toBe('testid:escalate-button')
    session.stack.crm.setFaults({ mode: 'none' })
    await session.page.keyboard.press('Enter')
    await frame.getByTestId('escalation-result').waitFor({ timeout: 30_000 })
    expect(await focused(doc)).toBe('testid:escalation-result')
  })

  it('Refresh keeps the keyboard on Refresh', async () => {
    const { frame, doc } = await openTicket(101)
    const before = session.stack.crm.requests().length
    await pressOn(frame, 'Refresh')
    await expect.poll(() => session.stack.crm.requests().length, { timeout: 15_000 }).toBeGreaterThan(before)
    await frame.locator('button[aria-busy="false"]', { hasText: 'Refresh' }).waitFor({ timeout: 15_000 })
    expect(await focused(doc)).toBe('button:Refresh')
  })

  it('Retry after a lookup error moves the keyboard to the account that was found', async () => {
    session.stack.crm.setFaults({ mode: 'server-error' })
    const { frame, doc } = await openTicket(101)
    await frame.locator('section[data-state="error"]').waitFor({ timeout: 30_000 })
    session.stack.crm.setFaults({ mode: 'none' })
    await pressOn(frame, 'Retry')
    await frame.locator('section[data-state="found"]').waitFor({ timeout: 15_000 })
    expect(await focused(doc)).toBe('heading:Northwind Traders')
  })

  it('"Use this account" moves the keyboard to the chosen account, "Not this account?" back to the choice', async () => {
    const { frame, doc } = await openTicket(107)
    await expect
      .poll(() => frame.getByRole('status').filter({ hasText: 'Several accounts match' }).count())
      .toBe(1)
    const first = frame.getByRole('button', { name: /^Use this account: / }).first()
    const name = ((await first.getAttribute('aria-label')) ?? '').replace('Use this account: ', '')
    await first.focus()
    await session.page.keyboard.press('Enter')
    await frame.locator('section[data-state="found"]').waitFor({ timeout: 15_000 })
    expect(await focused(doc)).toBe(`heading:${name}`)
    await pressOn(frame, 'Not this account?')
    await frame.locator('section[data-state="ambiguous"]').waitFor({ timeout: 15_000 })
    expect(await focused(doc)).toBe('heading:Several accounts match')
  })

  it('informational states are statuses, not alerts; a CRM failure is an alert with a heading', async () => {
    let { frame } = await openTicket(106)
    expect(await frame.getByRole('status').filter({ hasText: 'No matching account' }).count()).toBe(1)
    expect(await frame.getByRole('alert').count()).toBe(0)
    expect(await frame.getByRole('heading', { name: 'No matching account', level: 2 }).count()).toBe(1)

    session.stack.crm.setFaults({ mode: 'server-error' })
    ;({ frame } = await openTicket(102))
    await frame.locator('section[data-state="error"]').waitFor({ timeout: 30_000 })
    expect(await frame.getByRole('alert').count()).toBe(1)
    expect(await frame.getByRole('heading', { level: 2 }).count()).toBe(1)
  })

  it('the loading state is announced in words by a status outside any busy region', async () => {
    session.stack.crm.setFaults({ mode: 'none', latencyMs: 20_000 })
    await session.page.goto(session.stack.zendesk.ticketUrl(101))
    const frame = session.page.frameLocator('[data-testid="app-iframe"]')
    await frame.locator('section[data-state="loading"]').waitFor({ timeout: 15_000 })
    const status = frame.getByTestId('card-status')
    expect(await status.getAttribute('role')).toBe('status')
    expect(await status.textContent()).toBe("Looking up the customer's account…")
    expect(await frame.locator('[aria-busy="true"] [data-testid="card-status"]').count()).toBe(0)
  })
})
