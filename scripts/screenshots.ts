/**
 * `npm run screenshots`: pictures of the real app in Chromium against the local stack (the built app,
 * the real ZAF SDK, the emulated Zendesk agent view, the CRM emulator). Writes
 *
 *   docs/screenshot.png        the README's: an at-risk account renewing soon, in the agent view
 *   docs/why-now.png           the README's "Why now": ticket 102's escalation recommendation
 *   assets/screenshot-0.png    Marketplace: a healthy account (ticket 101)
 *   assets/screenshot-1.png    Marketplace: an at-risk account renewing soon (ticket 102)
 *   assets/screenshot-2.png    Marketplace: an escalation to the CSM, done (ticket 102)
 *
 * Marketplace pictures are 1024×768 CSS pixels at device scale 2 (2048×1536 PNG): the listing's 4:3
 * size, sharp on high-density screens, never stretched (reviewers reject blurry or stretched
 * screenshots, and numbering starts at 0). The build copies assets/*.png into dist/assets.
 * Run `npm run build` first (`npm run screenshots` does).
 */
import { statSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import type { CDPSession, FrameLocator, Page } from 'playwright-core'
import { launchAgentBrowser } from '../tests/support/browser'
import { startLocalStack, type LocalStack } from '../tests/support/local-stack'

const root = resolve(import.meta.dirname, '..')
const MARKETPLACE = { width: 1024, height: 768, deviceScaleFactor: 2 } as const

/** The app's frame once the card shows the CSM, with the iframe sized to its content. */
async function openCard(page: Page, stack: LocalStack, ticket: number): Promise<FrameLocator> {
  await page.goto(stack.zendesk.ticketUrl(ticket))
  const frame = page.frameLocator('[data-testid="app-iframe"]')
  await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
  await frame.getByTestId('escalation').waitFor()
  await settle(page)
  return frame
}

/** Let the iframe's resize and any focus-ring or colour fades finish before the picture. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="app-iframe"]')?.getAttribute('data-height')
  )
  for (const frame of page.frames()) {
    await frame.evaluate(() =>
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))
    )
  }
}

/** With `cdp`, the picture is taken through DevTools, which keeps the page's device metrics (see marketplacePage). */
async function save(page: Page, path: string, cdp?: CDPSession): Promise<void> {
  const file = resolve(root, path)
  if (cdp)
    writeFileSync(
      file,
      Buffer.from((await cdp.send('Page.captureScreenshot', { format: 'png' })).data, 'base64')
    )
  else await page.screenshot({ path: file })
  console.log(`wrote ${relative(root, file)} (${Math.round(statSync(file).size / 1024)} KB)`)
}

/**
 * A page at the Marketplace size. The agent's browser profile (third-party storage allowed) is a
 * persistent context, whose scale factor is fixed at launch, so the scale is set per page through
 * DevTools' device metrics instead; playwright's own screenshot would put its viewport back.
 */
async function marketplacePage(
  browser: Awaited<ReturnType<typeof launchAgentBrowser>>
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage()
  const cdp = await browser.newCDPSession(page)
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...MARKETPLACE, mobile: false })
  return { page, cdp }
}

/** The emulator's "Demo controls" panel is a local testing aid, not part of Zendesk: keep it out of listing pictures. */
async function hideDemoControls(page: Page): Promise<void> {
  await page.getByTestId('demo-controls').evaluate((panel) => panel.setAttribute('hidden', ''))
}

const stack = await startLocalStack()
const browser = await launchAgentBrowser()
try {
  const readme = await browser.newPage()
  await readme.setViewportSize({ width: 1200, height: 560 })
  await openCard(readme, stack, 102)
  await save(readme, 'docs/screenshot.png')
  // Tall enough for the whole sidebar down to the escalation form: the recommendation sits between
  // the account and the form.
  await readme.setViewportSize({ width: 1200, height: 1000 })
  const card = await openCard(readme, stack, 102)
  await card.getByTestId('why-now-recommended').waitFor()
  await save(readme, 'docs/why-now.png')
  await readme.close()

  const { page, cdp } = await marketplacePage(browser)
  await openCard(page, stack, 101)
  await hideDemoControls(page)
  await save(page, 'assets/screenshot-0.png', cdp)

  await openCard(page, stack, 102)
  await hideDemoControls(page)
  await save(page, 'assets/screenshot-1.png', cdp)

  const frame = await openCard(page, stack, 102)
  await hideDemoControls(page)
  await frame.getByLabel('Reason').selectOption({ label: 'Churn risk' })
  await frame
    .getByLabel('What the CSM should know')
    .fill('Second outage this month; they mentioned evaluating other vendors.')
  await frame.getByRole('button', { name: /^Escalate to / }).click()
  await frame.getByTestId('escalation-result').waitFor({ timeout: 15_000 })
  // The internal note the escalation wrote shows in the ticket too.
  await page.getByTestId('internal-notes').getByText('Escalated to').waitFor({ timeout: 15_000 })
  // Nothing focused: a focus ring on the page would look like a glitch in a listing picture.
  await frame.locator('html').evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await settle(page)
  await save(page, 'assets/screenshot-2.png', cdp)
} finally {
  // The escalation's draft and progress live in the app origin's localStorage of a throwaway profile.
  await browser.dispose()
  await stack.close()
}
