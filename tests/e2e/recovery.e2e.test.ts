import type { FrameLocator } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DialectName, FaultMode } from '../../emulators/crm/create-crm-emulator'
import { FAULT_MODES } from '../../emulators/crm/server/fault-modes'
import { useAgentSession } from '../support/agent-session'
import { startLocalStack, type LocalStack } from '../support/local-stack'

// Every fault the CRM emulator can produce, in every dialect, several times each: once the fault
// is lifted, Retry must reach the CRM and show the account, every time.
const session = useAgentSession()
const REPEATS = 3
const faults = FAULT_MODES.filter((mode): mode is Exclude<FaultMode, 'none'> => mode !== 'none')
const DIALECTS: readonly DialectName[] = ['salesforce', 'hubspot', 'custom']
// Hank Scorpio's ticket: Globex in every dialect's seed, CSM Marcus Oyelaran.
const TICKET = 102

describe.each(DIALECTS)('%s: Retry after a fault is lifted', (dialect) => {
  let stack: LocalStack
  beforeAll(async () => {
    stack = dialect === 'salesforce' ? session.stack : await startLocalStack({ crm: { dialect } })
  })
  afterAll(async () => {
    if (stack !== session.stack) await stack.close()
  })
  beforeEach(() => {
    stack.crm.reset()
    stack.zendesk.reset()
  })

  const card = (frame: FrameLocator) => frame.locator('section[data-state]')

  for (const mode of faults) {
    // A CRM that never answers costs the whole timeout each time: once is enough to prove it.
    const repeats = mode === 'hang' ? 1 : REPEATS
    for (let round = 1; round <= repeats; round += 1) {
      it(`recovers from ${mode} (${round} of ${repeats})`, async () => {
        // A Retry-After above what the app waits out: the card says "later" at once.
        stack.crm.setFaults({ mode, retryAfterSeconds: 60 })
        await session.page.goto(stack.zendesk.ticketUrl(TICKET))
        const frame = session.app()
        await frame.locator('section[data-state="error"]').waitFor({ timeout: 20_000 })
        const retry = frame.getByRole('button', { name: 'Retry' })
        expect(await retry.isEnabled()).toBe(true)

        stack.crm.setFaults({ mode: 'none' })
        const before = stack.crm.requests().length
        await retry.click()

        await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
        expect(await card(frame).getAttribute('data-state')).toBe('found')
        expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
        expect(stack.crm.requests().length).toBeGreaterThan(before)
      })
    }
  }

  // A request Zendesk takes and never answers, so nothing reaches the CRM: the SDK's `request` has
  // no timeout of its own, and before the app set a deadline the card stayed loading, or its Retry
  // busy, for good (issue 11's "Retry stayed busy and sent no request").
  it('gives up on a lookup Zendesk never answers, says so, and Retry recovers', async () => {
    stack.zendesk.setProxyFaults({ mode: 'no-answer', remaining: 1 })
    await session.page.goto(stack.zendesk.ticketUrl(TICKET))
    const frame = session.app()
    await frame.locator('section[data-state="error"]').waitFor({ timeout: 30_000 })
    expect(await frame.locator('[data-error-kind]').innerText()).toContain('took too long to answer')
    expect(stack.crm.requests()).toHaveLength(0)
    await frame.getByRole('button', { name: 'Retry' }).click()
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
  })

  it('brings back a Retry Zendesk never answers, and the next Retry recovers', async () => {
    stack.crm.setFaults({ mode: 'malformed' })
    await session.page.goto(stack.zendesk.ticketUrl(TICKET))
    const frame = session.app()
    await frame.locator('section[data-state="error"]').waitFor({ timeout: 20_000 })
    stack.crm.setFaults({ mode: 'none' })
    stack.zendesk.setProxyFaults({ mode: 'no-answer', remaining: 1 })
    const before = stack.crm.requests().length
    const retry = frame.getByRole('button', { name: 'Retry' })
    await retry.click()
    await expect.poll(() => retry.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('true')
    await expect.poll(() => retry.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false')
    expect(await frame.locator('[data-error-kind]').innerText()).toContain('took too long to answer')
    expect(stack.crm.requests().length).toBe(before)
    await retry.click()
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    expect(stack.crm.requests().length).toBeGreaterThan(before)
  })

  // An unreadable answer (issue 11's "Retry stayed busy"): Retry pressed again and again while the
  // CRM still answers badly must ask the CRM each time and come back; a double click once it is fixed recovers.
  for (const mode of ['malformed', 'empty', 'html'] as const) {
    it(`asks again on every Retry while ${mode} answers go on, then recovers`, async () => {
      stack.crm.setFaults({ mode })
      await session.page.goto(stack.zendesk.ticketUrl(TICKET))
      const frame = session.app()
      const failed = frame.locator('section[data-state="error"]')
      await failed.waitFor({ timeout: 20_000 })
      const retry = frame.getByRole('button', { name: 'Retry' })
      for (let press = 0; press < 3; press++) {
        const before = stack.crm.requests().length
        await retry.click()
        await expect.poll(() => stack.crm.requests().length, { timeout: 10_000 }).toBeGreaterThan(before)
        await failed.waitFor({ timeout: 20_000 })
        await expect.poll(() => retry.isEnabled(), { timeout: 10_000 }).toBe(true)
      }
      stack.crm.setFaults({ mode: 'none' })
      await retry.dblclick()
      await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    })
  }
})

describe('looking again', () => {
  it('costs the CRM one lookup per view when it refuses the token or has no match, not two', async () => {
    // The start-up lookup often fails before the card has mounted; the card takes that answer
    // instead of asking again. Salesforce sends each lookup as one composite request.
    session.stack.crm.setFaults({ mode: 'unauthorized' })
    await session.page.goto(session.stack.zendesk.ticketUrl(TICKET))
    await session.app().locator('section[data-state="error"]').waitFor({ timeout: 15_000 })
    // The error on screen is the card's own first answer: a second request, had it asked one, would
    // have left before it.
    expect(session.stack.crm.requests().map((request) => request.status)).toEqual([401])

    session.stack.crm.setFaults({ mode: 'none' })
    session.stack.crm.clearRequests()
    await session.page.goto(session.stack.zendesk.ticketUrl(106))
    await session.app().locator('section[data-state="not-found"]').waitFor({ timeout: 15_000 })
    expect(session.stack.crm.requests()).toHaveLength(1)
  })

  it('asks the CRM again on a reload after "No matching account": a no-match is not kept', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(106))
    const frame = session.app()
    await frame.locator('section[data-state="not-found"]').waitFor({ timeout: 15_000 })
    session.stack.crm.clearRequests()

    await session.page.reload()

    await session.app().locator('section[data-state="not-found"]').waitFor({ timeout: 15_000 })
    expect(session.stack.crm.requests().length).toBeGreaterThan(0)
  })

  it('offers Refresh on "No matching account", by keyboard', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(106))
    const frame = session.app()
    await frame.locator('section[data-state="not-found"]').waitFor({ timeout: 15_000 })
    session.stack.crm.clearRequests()

    await frame.getByRole('button', { name: 'Refresh' }).focus()
    await session.page.keyboard.press('Enter')

    await expect.poll(() => session.stack.crm.requests().length).toBeGreaterThan(0)
    // Settled: the button is no longer busy, offered again, and still has the keyboard.
    const refresh = frame.getByRole('button', { name: 'Refresh' })
    await frame.locator('section[data-state="not-found"] button[aria-busy="false"]').waitFor()
    expect(await refresh.getAttribute('aria-disabled')).toBe('false')
    expect(await refresh.evaluate((button) => document.activeElement === button)).toBe(true)
  })
})
