import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appFrame } from '../support/axe'
import { useAgentSession } from '../support/agent-session'
import { layoutProblems, lineStarts, quietDocument, textFullyShown, visualText } from '../support/layout'
import { setSidebarWidth } from '../support/sidebar-width'

// The card read by a person, at the widths an apps panel really has: 300, 320 and 360 px, and
// 160 px (a 320 px panel at 200% zoom, WCAG 1.4.10 Reflow). Nothing may scroll sideways or be cut
// off without its full text at hand, and text from the CRM must display as what it is.
const session = useAgentSession()
const WIDTHS = [160, 300, 320, 360] as const
/** Marcus Oyelaran, Globex's CSM (ticket 102), in the Salesforce seed. */
const MARCUS = '005000000000002AAA'
const GLOBEX = '001000000000002AAA'

async function openTicket(id: number): Promise<Frame> {
  await session.page.goto(session.stack.zendesk.ticketUrl(id))
  await session.app().locator('section[data-state]:not([data-state="loading"])').waitFor({ timeout: 15_000 })
  const frame = await appFrame(session.page)
  // The escalation section's chunk and Zendesk's ticket counts arrive after the card: measuring
  // while they land would see a layout half-way.
  await quietDocument(frame)
  return frame
}

/** Layout problems at each width, keyed by width, so a failure names where it happens. */
async function problemsAtEachWidth(frame: Frame, widths: readonly number[] = WIDTHS) {
  const found: Record<number, string[]> = {}
  for (const width of widths) {
    await setSidebarWidth(session.page, width)
    found[width] = await layoutProblems(frame)
    if (await frame.locator('[data-testid="escalate-button"]').count())
      found[width].push(`Escalate button: ${await textFullyShown(frame, '[data-testid="escalate-button"]')}`)
  }
  return found
}

const clean = (widths: readonly number[] = WIDTHS) =>
  Object.fromEntries(widths.map((width) => [width, ['Escalate button: fully shown']]))

describe('reflow: no sideways scrolling and nothing cut off, from 360 down to 160 px', () => {
  it('ticket 101: a healthy account with its CSM and the escalation form', async () => {
    expect(await problemsAtEachWidth(await openTicket(101))).toEqual(clean())
  })

  it('ticket 102: an at-risk account renewing soon, its health tag whole', async () => {
    const frame = await openTicket(102)
    expect(await problemsAtEachWidth(frame)).toEqual(clean())
    await setSidebarWidth(session.page, 160)
    expect(await textFullyShown(frame, '[data-testid="health"] [data-band]')).toBe('fully shown')
  })

  it('ticket 102: the recommendation, then its dismissed line, with "Not now" and "Show recommendation" whole', async () => {
    const frame = await openTicket(102)
    await session.app().getByTestId('why-now-recommended').waitFor()
    expect(await problemsAtEachWidth(frame)).toEqual(clean())
    await setSidebarWidth(session.page, 160)
    expect(await textFullyShown(frame, '[data-testid="why-now-not-now"]')).toBe('fully shown')
    await session.app().getByRole('button', { name: 'Not now' }).click()
    await session.app().getByTestId('why-now-dismissed').waitFor()
    expect(await problemsAtEachWidth(frame)).toEqual(clean())
    await setSidebarWidth(session.page, 160)
    expect(await textFullyShown(frame, '[data-testid="why-now-show"]')).toBe('fully shown')
  })

  it('ticket 103: the customer’s other tickets listed under "Why now"', async () => {
    const frame = await openTicket(103)
    await frame
      .getByTestId('why-now')
      .getByText(/tickets in 30 days/)
      .waitFor({ timeout: 15_000 })
    expect(await problemsAtEachWidth(frame)).toEqual(clean())
  })

  it("ticket 105: hostile markup in the names, the Escalate button's label whole", async () => {
    expect(await problemsAtEachWidth(await openTicket(105))).toEqual(clean())
  })

  it('ticket 107: several matching accounts', async () => {
    const found = await problemsAtEachWidth(await openTicket(107))
    expect(found).toEqual(Object.fromEntries(WIDTHS.map((width) => [width, []])))
  })

  it('a CRM error code wraps instead of being cut off', async () => {
    session.stack.crm.setFaults({ mode: 'forbidden' })
    const frame = await openTicket(102)
    expect(await frame.getByText('CRM code: INSUFFICIENT_ACCESS_OR_READONLY').count()).toBe(1)
    const found = await problemsAtEachWidth(frame)
    expect(found).toEqual(Object.fromEntries(WIDTHS.map((width) => [width, []])))
  })

  it('an email address wraps between its parts, never inside a word', async () => {
    const frame = await openTicket(101)
    await setSidebarWidth(session.page, 300)
    const starts = await lineStarts(frame, 'a[href^="mailto:"]')
    // "dana.whitfield@successbridge.example" does not fit on one line at 300 px.
    expect(starts.length).toBeGreaterThan(0)
    expect(starts.filter((start) => !/^[@.]/.test(start))).toEqual([])
  })
})

describe('CRM data the seed does not hold, as the card shows it', () => {
  it('shows an address with a right-to-left override as stored, and does not link it', async () => {
    session.stack.crm.editRecord('User', MARCUS, { Email: '\u202Emoc.elpmaxe@anad' })
    const frame = await openTicket(102)
    await setSidebarWidth(session.page, 320)

    const csm = await visualText(frame, 'dd:has([data-testid="csm-name"])')
    expect(csm).not.toContain('dana@example.com')
    expect(csm).toContain('moc.elpmaxe@anad')
    expect(await frame.locator('a[href^="mailto:"]').count()).toBe(0)
  })

  it('keeps an override inside a name from reordering the text around it', async () => {
    session.stack.crm.editRecord('User', MARCUS, { Name: 'Marcus \u202Enaralayo' })
    const frame = await openTicket(102)
    expect(await visualText(frame, '[data-testid="csm-name"]')).toBe('Marcus naralayo')
    expect(await visualText(frame, '[data-testid="escalate-button"]')).toBe('Escalate to Marcus naralayo')
  })

  it('does not link an address that carries a query (a hidden Bcc)', async () => {
    session.stack.crm.editRecord('User', MARCUS, {
      Email: 'marcus.oyelaran@successbridge.example?bcc=collector@elsewhere.example',
    })
    const frame = await openTicket(102)
    await frame.getByText('?bcc=collector@elsewhere.example', { exact: false }).waitFor()
    expect(await frame.locator('a[href^="mailto:"]').count()).toBe(0)
    expect(await frame.getByRole('button', { name: 'Copy email' }).count()).toBe(1)
  })

  it('clamps a 10,000-character name to a few lines and keeps the whole name at hand', async () => {
    const name = `Globex ${'Holdings International '.repeat(454)}`.slice(0, 10_000)
    const csmName = `Marcus ${'Oyelaran-Whitfield '.repeat(600)}`.slice(0, 10_000)
    // The same ticket with its seeded names, at the same width: the clamp may add a few lines, no more.
    let frame = await openTicket(102)
    await setSidebarWidth(session.page, 320)
    const seeded = await frame.evaluate(() => document.documentElement.scrollHeight)

    session.stack.crm.editRecord('Account', GLOBEX, { Name: name })
    session.stack.crm.editRecord('User', MARCUS, { Name: csmName })
    await session.newTab() // a new tab: the card's cache (per tab) still holds the seeded names
    frame = await openTicket(102)
    await setSidebarWidth(session.page, 320)
    const height = await frame.evaluate(() => document.documentElement.scrollHeight)
    // Unclamped, these names made the page about 17,000 px tall; clamped, each takes at most 3 lines.
    expect(height - seeded).toBeLessThan(250)
    expect(await frame.locator('h2 [title]').getAttribute('title')).toBe(name)
    expect(
      await frame
        .locator('[data-testid="csm-name"] [title], [data-testid="csm-name"][title]')
        .getAttribute('title')
    ).toBe(csmName)
    expect(await layoutProblems(frame)).toEqual([])
  })

  it('shows a long CSM name whole on the Escalate button, at 300, 320 and 360 px', async () => {
    session.stack.crm.editRecord('User', MARCUS, {
      Name: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen',
    })
    const frame = await openTicket(102)
    const shown: Record<number, string> = {}
    for (const width of [300, 320, 360]) {
      await setSidebarWidth(session.page, width)
      shown[width] = await textFullyShown(frame, '[data-testid="escalate-button"]')
    }
    expect(shown).toEqual({ 300: 'fully shown', 320: 'fully shown', 360: 'fully shown' })
  })
})

describe('form controls', () => {
  it('have borders of at least 3:1 contrast against their background (WCAG 1.4.11)', async () => {
    const frame = await openTicket(101)
    await frame.getByLabel('What the CSM should know').waitFor()
    const ratios = await frame.evaluate(() => {
      const luminance = (css: string): number => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
        const channel = (v = 0) => {
          const s = v / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
      }
      const contrast = (a: string, b: string): number => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
        return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100
      }
      const opaque = (css: string) => !/rgba\(.*,\s*0\)$/.test(css) && css !== 'transparent'
      // The control as a person sees it: the nearest box that draws a border around it (Garden
      // draws a select's on a wrapper), against the nearest background behind that (the apps
      // panel around the transparent app is white).
      const visible = [...document.querySelectorAll('select, textarea')].filter((el) =>
        el.checkVisibility({ visibilityProperty: true })
      )
      return visible.map((control) => {
        let boxed: Element | null = control
        while (
          boxed &&
          !(
            parseFloat(getComputedStyle(boxed).borderTopWidth) > 0 &&
            opaque(getComputedStyle(boxed).borderTopColor)
          )
        )
          boxed = boxed.parentElement
        let behind: Element | null = boxed
        while (behind && !opaque(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement
        const border = boxed ? getComputedStyle(boxed).borderTopColor : 'none'
        const background = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)'
        return { control: control.tagName.toLowerCase(), ratio: contrast(border, background) }
      })
    })
    expect(ratios.map(({ control, ratio }) => ({ control, atLeast3: ratio >= 3 }))).toEqual([
      { control: 'select', atLeast3: true },
      { control: 'textarea', atLeast3: true },
    ])
  })
})
