import { beforeEach, describe, expect, it } from 'vitest'
import { useAgentSession } from '../support/agent-session'

// A browser that blocks third-party storage: the app's iframe (third-party to Zendesk) gets a
// SecurityError from localStorage and sessionStorage, as in Chrome with third-party cookies blocked.
// Only the app's frame: the agent view itself is first-party.
const session = useAgentSession()

beforeEach(async () => {
  await session.page.addInitScript(() => {
    if (window.top === window) return
    for (const name of ['localStorage', 'sessionStorage'] as const) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException(`The ${name} is blocked for this frame`, 'SecurityError')
        },
      })
    }
  })
})

describe('when the browser blocks the app’s storage', () => {
  it('says the pick lasts only for the page, and the pick still works for it', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(107))
    const frame = session.app()
    expect(await frame.locator('html').evaluate(() => Reflect.has(window, 'localStorage'))).toBe(true)
    await expect(frame.locator('html').evaluate(() => window.localStorage.length)).rejects.toThrow(/blocked/)

    const card = frame.locator('section[data-state="ambiguous"]')
    await card.waitFor({ timeout: 15_000 })
    const text = await card.innerText()
    expect(text).toContain('This browser does not let the app keep your choice')
    expect(text).not.toContain('remembered for this organization in this browser')

    await frame.getByRole('button', { name: 'Use this account: Stark Industries (Americas)' }).click()
    await frame.getByTestId('csm-name').waitFor()
    expect(await frame.getByTestId('matched-by').innerText()).toContain('picked from several matches')
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
  })

  it('keeps the escalation draft in memory while the page lives', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(102))
    const frame = session.app()
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    await frame.getByLabel('What the CSM should know').fill('Wants a call before renewal')

    // Another requester (another account: the section goes), then back: the draft is still there.
    await session.page.getByLabel('Requester').selectOption({ label: 'Sam Newcomer' })
    await frame.locator('section[data-state="not-found"]').waitFor({ timeout: 15_000 })
    await session.page.getByLabel('Requester').selectOption({ label: 'Hank Scorpio' })
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })

    expect(await frame.getByLabel('What the CSM should know').inputValue()).toBe(
      'Wants a call before renewal'
    )
  })

  it('keeps "Not now" on the recommendation in memory while the page lives', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(102))
    const frame = session.app()
    await frame.getByTestId('why-now-recommended').waitFor({ timeout: 15_000 })
    await frame.getByRole('button', { name: 'Not now' }).click()
    await frame.getByTestId('why-now-dismissed').waitFor()

    // Another requester (another account: the section goes), then back: still dismissed.
    await session.page.getByLabel('Requester').selectOption({ label: 'Sam Newcomer' })
    await frame.locator('section[data-state="not-found"]').waitFor({ timeout: 15_000 })
    await session.page.getByLabel('Requester').selectOption({ label: 'Hank Scorpio' })
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })

    await frame.getByTestId('why-now-dismissed').waitFor()
    expect(await frame.getByTestId('why-now-recommended').count()).toBe(0)
  })
})
