import type { FrameLocator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appFrame } from '../support/axe'
import { launchAgentBrowser } from '../support/browser'
import { frameFitsContent, quietDocument } from '../support/layout'
import { startLocalStack, type LocalStack } from '../support/local-stack'
import { pressTogether } from '../support/press-together'

// Chromium itself blocking third-party storage, as with "Block third-party cookies" or in an
// incognito window: the app's iframe (third-party to the agent view) gets a SecurityError from
// localStorage, sessionStorage and the Web Locks API. The card and the escalation must still work.
let stack: LocalStack
let browser: Awaited<ReturnType<typeof launchAgentBrowser>>
beforeAll(async () => {
  stack = await startLocalStack({ slack: true })
  browser = await launchAgentBrowser({ blockThirdPartyStorage: true })
})
afterAll(async () => {
  await browser?.dispose()
  await stack?.close()
})

describe('when Chromium blocks the app’s third-party storage', () => {
  it('escalates exactly once, with its Slack message, and the app really has no storage or locks', async () => {
    const page = await browser.newPage()
    await page.goto(stack.zendesk.ticketUrl(102))
    const frame = page.frameLocator('[data-testid="app-iframe"]')
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    const blocked = await frame.locator('html').evaluate(async () => {
      const storage = (() => {
        try {
          return window.localStorage.length >= 0 ? 'open' : 'open'
        } catch (error) {
          return (error as DOMException).name
        }
      })()
      const locks = await navigator.locks
        .request('probe', () => 'open')
        .catch((error: DOMException) => error.name)
      return { storage, locks }
    })
    expect(blocked).toEqual({ storage: 'SecurityError', locks: 'SecurityError' })

    await frame.getByLabel('What the CSM should know').fill('Incognito agent')
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).dblclick()
    await frame.getByTestId('escalation-slack').waitFor({ timeout: 15_000 })
    expect(await frame.getByTestId('escalation-result').innerText()).toContain('Escalated to Marcus Oyelaran')
    expect(stack.crm.tasks()).toHaveLength(1)
    expect(stack.zendesk.comments(102).filter((c) => c.body.startsWith('Escalated to '))).toHaveLength(1)
    expect(stack.slack.messages()).toHaveLength(1)
    await page.close()
  })

  it('a reload in the middle: the card shows the escalation under way, not done (its progress went with the page)', async () => {
    stack.crm.reset()
    stack.zendesk.reset()
    stack.slack.reset()
    // The CRM creates the task and never answers: the page is reloaded while the app waits.
    stack.crm.setWriteFault({ kind: 'hang', remaining: 1 })
    const page = await browser.newPage()
    await page.goto(stack.zendesk.ticketUrl(102))
    const frame = page.frameLocator('[data-testid="app-iframe"]')
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await expect.poll(() => stack.crm.tasks().length, { timeout: 15_000 }).toBe(1)
    await page.reload()
    const claimed = page.frameLocator('[data-testid="app-iframe"]').getByTestId('escalation-claimed')
    await claimed.waitFor({ timeout: 15_000 })
    // Whose claim it is comes with the first read of the ticket; until then the card says neither.
    await expect
      .poll(() => claimed.innerText(), { timeout: 10_000 })
      .toContain('You are escalating this ticket in another tab or window.')
    expect(stack.crm.tasks()).toHaveLength(1)
    expect(stack.zendesk.comments(102)).toHaveLength(0)
    stack.crm.setWriteFault(null)
    await page.close()
  })

  it('two tabs escalating at once still make one escalation: the claim on the ticket keeps them apart', async () => {
    stack.crm.reset()
    stack.zendesk.reset()
    stack.slack.reset()
    const pages = await Promise.all([browser.newPage(), browser.newPage()])
    const frames = pages.map((page) => page.frameLocator('[data-testid="app-iframe"]'))
    for (const [index, page] of pages.entries()) {
      await page.goto(stack.zendesk.ticketUrl(102))
      // The "Why now" block and the ticket counts arrive after the card and move the button down:
      // press once the card has stopped changing, as a person would.
      await frames[index]?.getByTestId('why-now-recommended').waitFor({ timeout: 15_000 })
      await quietDocument(await appFrame(page))
      await frames[index]?.getByLabel('What the CSM should know').fill(`Tab ${index + 1}`)
    }
    // And once Zendesk has grown each frame to its content, so that neither button moves.
    for (const page of pages) await frameFitsContent(await appFrame(page))
    await pressTogether(
      pages.map((page, index) => ({ page, frame: frames[index] as FrameLocator })),
      'Escalate to Marcus Oyelaran'
    )
    // One card escalates; the other shows that escalation, with its note ready as a follow-up.
    // Any other state is named by what the card shows, so a failure says where a card stopped.
    const shown = async (frame: FrameLocator): Promise<string> => {
      for (const [testId, name] of [
        ['escalation-came-first', 'came first'],
        ['escalation-result', 'escalated'],
        ['escalation-claimed', 'claimed'],
        ['escalation-failed', 'failed'],
        ['escalation-checking', 'checking'],
        ['escalation-unverified', 'unverified'],
      ] as const)
        if ((await frame.getByTestId(testId).count()) > 0) return name
      const button = frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' })
      if ((await button.count()) === 0) return 'no button'
      return (await button.getAttribute('aria-busy')) === 'true' ? 'escalating' : 'form'
    }
    const settled = async () => (await Promise.all(frames.map(shown))).join(' + ')
    await expect
      .poll(settled, { timeout: 30_000 })
      .toBeOneOf(['came first + escalated', 'escalated + came first'])
    await expect.poll(() => stack.crm.tasks().length, { timeout: 10_000 }).toBe(1)
    const escalationNotes = () =>
      stack.zendesk.comments(102).filter((c) => c.body.startsWith('Escalated to '))
    expect(escalationNotes()).toHaveLength(1)
    expect(stack.slack.messages()).toHaveLength(1)
    await Promise.all(pages.map((page) => page.close()))
  })
})
