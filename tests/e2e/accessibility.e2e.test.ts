import type { Frame, FrameLocator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { FAULT_MODES } from '../../emulators/crm/server/faults'
import { appFrame, axeViolations } from '../support/axe'
import { useAgentSession } from '../support/agent-session'
import { startLocalStack } from '../support/local-stack'

// axe-core on every state the sidebar can show, in the real app in Chromium against both
// emulators, plus keyboard-only navigation with a visible focus indicator on every stop.
//
// One axe rule is off everywhere: `page-has-heading-one`. The app is not a page but a fragment of
// Zendesk's agent page (an iframe in the apps panel), whose own headings sit above it; the card's
// title is an h2 and the escalation section an h3 so they nest under that structure for screen
// readers, which read the iframe as part of the page around it. An h1 inside the sidebar would claim
// to be the title of the whole agent workspace.
const NOT_A_PAGE = ['page-has-heading-one']

const session = useAgentSession()

async function openTicket(
  id: number,
  on: Page = session.page,
  url = session.stack.zendesk.ticketUrl(id)
): Promise<FrameLocator> {
  await on.goto(url)
  return on.frameLocator('[data-testid="app-iframe"]')
}

/** The card once the lookup has settled (any state but loading). */
async function settledCard(frame: FrameLocator): Promise<void> {
  await frame.locator('section[data-state]:not([data-state="loading"])').waitFor({ timeout: 15_000 })
}

async function violations(on: Page = session.page): Promise<string[]> {
  return axeViolations(await appFrame(on), { disableRules: NOT_A_PAGE })
}

describe('axe: the account card in every state', () => {
  const tickets = [
    [101, 'a healthy account'],
    [102, 'an at-risk account renewing soon'],
    [103, 'an account on watch'],
    [104, 'an account without a CSM'],
    [105, 'an account with hostile markup in its names'],
    [106, 'no matching account'],
    [107, 'several matching accounts'],
  ] as const
  for (const [id, what] of tickets) {
    it(`ticket ${id}: ${what}`, async () => {
      await settledCard(await openTicket(id))
      expect(await violations()).toEqual([])
    })
  }

  it('the loading skeleton, while the CRM is slow', async () => {
    // Latency only delays this read-only lookup; nothing is written when it finally runs.
    session.stack.crm.setFaults({ mode: 'none', latencyMs: 20_000 })
    const frame = await openTicket(101)
    await frame.locator('section[data-state="loading"]').waitFor({ timeout: 15_000 })
    expect(await violations()).toEqual([])
    expect(
      await frame.getByRole('status').filter({ hasText: "Looking up the customer's account…" }).count()
    ).toBe(1)
  })

  for (const mode of FAULT_MODES.filter((m) => m !== 'none')) {
    it(`the CRM failure "${mode}"`, async () => {
      session.stack.crm.setFaults({ mode })
      const frame = await openTicket(102)
      await frame.locator('section[data-state="error"]').waitFor({ timeout: 30_000 })
      expect(await violations()).toEqual([])
    })
  }

  it('bad settings, listed for the admin', async () => {
    const broken = await startLocalStack({
      settings: { crm_base_url: 'http://crm.example.com', health_risk_below: 'lots' },
    })
    try {
      const frame = await openTicket(101, session.page, broken.zendesk.ticketUrl(101))
      await frame.getByTestId('settings-problems').waitFor({ timeout: 15_000 })
      expect(await violations()).toEqual([])
    } finally {
      await broken.close()
    }
  })
})

describe('axe: the escalation section in every state', () => {
  async function openForm(id: number): Promise<FrameLocator> {
    const frame = await openTicket(id)
    await frame.getByLabel('What the CSM should know').waitFor({ timeout: 15_000 })
    return frame
  }

  it('the form, filled in', async () => {
    const frame = await openForm(102)
    await frame.getByLabel('Reason').selectOption({ label: 'Churn risk' })
    await frame.getByLabel('What the CSM should know').fill('Threatening to leave if not fixed today.')
    expect(await violations()).toEqual([])
  })

  it('the form while the escalation is being sent', async () => {
    const frame = await openForm(102)
    // A CRM that never answers holds the section in "sending"; unlike added latency, a hung request is
    // never carried out later, so no task appears in the middle of the next test.
    session.stack.crm.setFaults({ mode: 'hang' })
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByRole('button', { name: 'Escalating…' }).waitFor()
    expect(await violations()).toEqual([])
  })

  it('done, with the link to the CRM task', async () => {
    const frame = await openForm(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()
    expect(await violations()).toEqual([])
  })

  it('a CRM failure that keeps the note and offers Try again', async () => {
    const frame = await openForm(102)
    await frame.getByLabel('What the CSM should know').fill('Keep me')
    session.stack.crm.setFaults({ mode: 'server-error', remaining: 3 })
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-failed').waitFor()
    expect(await violations()).toEqual([])
  })

  it('an existing escalation, with the follow-up form open, sent empty, then sent', async () => {
    let frame = await openForm(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    frame = await openTicket(102)
    await frame.getByTestId('escalation-result').waitFor({ timeout: 15_000 })
    expect(await violations()).toEqual([])

    await frame.getByRole('button', { name: 'Add a follow-up note' }).click()
    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByText('Write the follow-up before sending it.').waitFor()
    expect(await violations()).toEqual([])

    await frame.getByLabel('Follow-up for the CSM').fill('They called again.')
    expect(await violations()).toEqual([])

    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByTestId('follow-up-sent').waitFor()
    expect(await violations()).toEqual([])
  })

  it('no CSM to escalate to', async () => {
    const frame = await openTicket(104)
    await frame.getByTestId('escalation').waitFor({ timeout: 15_000 })
    expect(await violations()).toEqual([])
  })
})

/** What shows focus on an element: its own outline and shadow, and its wrapper's (Garden rings a select's wrapper). */
function focusSignature(frame: Frame, index: number): Promise<string> {
  return frame.evaluate(async (i) => {
    // Garden fades focus rings in and out; compare the settled looks, not a frame mid-fade.
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))
    const element = [...document.querySelectorAll('[data-tab-stop]')][i]
    if (!element) return 'missing'
    const look = (el: Element | null): string => {
      if (!el) return ''
      const style = getComputedStyle(el)
      return [
        style.outlineStyle,
        style.outlineWidth,
        style.outlineColor,
        style.boxShadow,
        style.borderColor,
      ].join(' ')
    }
    return `${look(element)} | ${look(element.parentElement)}`
  }, index)
}

describe('keyboard', () => {
  it('reaches every control of the card and the escalation form in reading order, each with a visible focus indicator', async () => {
    const frameLocator = await openTicket(101)
    await frameLocator.getByLabel('What the CSM should know').waitFor({ timeout: 15_000 })
    const frame = await appFrame(session.page)
    // Every element the browser would put in the tab order, in document order, marked so each stop can be found again.
    const expected = await frame.evaluate(() => {
      const selector = 'a[href], button, select, textarea, input, [tabindex]'
      const stops = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0
      )
      stops.forEach((el, i) => el.setAttribute('data-tab-stop', String(i)))
      return stops.length
    })

    // Start from the top of the app's document, as when Tab moves into the sidebar.
    await frame.evaluate(() => {
      ;(document.activeElement as HTMLElement | null)?.blur()
      window.focus()
    })
    const visited: { stop: string | null; name: string; focused: string }[] = []
    for (let i = 0; i < expected; i++) {
      await session.page.keyboard.press('Tab')
      const stop = await frame.evaluate(() => {
        const el = document.activeElement
        const label = el?.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null
        return {
          stop: el?.getAttribute('data-tab-stop') ?? null,
          name: (label ?? el?.textContent ?? '').trim(),
        }
      })
      visited.push({
        ...stop,
        focused: stop.stop === null ? '' : await focusSignature(frame, Number(stop.stop)),
      })
    }

    expect(visited.map((v) => v.name)).toEqual([
      'Northwind Traders',
      'dana.whitfield@successbridge.example',
      'Copy email',
      // ARR is a button that shows the exact amount: reachable without a mouse.
      '$240K',
      'Refresh',
      'Reason',
      'What the CSM should know',
      'Escalate to Dana Whitfield',
    ])
    expect(visited.map((v) => v.stop)).toEqual([...Array(expected).keys()].map(String))

    // Focus leaves the app: now compare each control's look unfocused with how it looked focused.
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    for (const [i, v] of visited.entries()) {
      expect({ control: v.name, changes: v.focused !== (await focusSignature(frame, i)) }).toEqual({
        control: v.name,
        changes: true,
      })
    }
  })
})

describe('colour is never the only signal', () => {
  const bands = [
    [101, 'Healthy · 86', '●', false],
    [103, 'Watch · 62', '▲', true],
    [102, 'At risk · 38', '■', true],
  ] as const
  for (const [id, words, shape, soon] of bands) {
    it(`ticket ${id}: the health band has words and a shape${soon ? ', and "renews soon" is written out' : ''}`, async () => {
      const frame = await openTicket(id)
      const tag = frame.getByTestId('health').locator('[data-band]')
      await tag.waitFor({ timeout: 15_000 })
      expect(await tag.innerText()).toBe(words)
      // The shape is a pseudo-element: decoration for sighted agents (alternative text is empty).
      const before = await tag.locator('span').evaluate((span) => getComputedStyle(span, '::before').content)
      expect(before).toContain(shape)
      expect((await frame.getByTestId('renewal').innerText()).includes('Renews soon')).toBe(soon)
    })
  }
})
