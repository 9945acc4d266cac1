/**
 * `npm run screenshots`: pictures of the real app in Chromium against the local stack.
 * Writes docs/screenshot.png (the README's: an at-risk account renewing soon, in the agent view).
 * Run `npm run build` first.
 */
import { resolve } from 'node:path'
import { launchAgentBrowser } from '../tests/support/browser'
import { startLocalStack } from '../tests/support/local-stack'

const root = resolve(import.meta.dirname, '..')
const stack = await startLocalStack()
const browser = await launchAgentBrowser()
try {
  const page = await browser.newPage()
  await page.setViewportSize({ width: 1200, height: 560 })
  await page.goto(stack.zendesk.ticketUrl(102))
  await page.frameLocator('[data-testid="app-iframe"]').getByTestId('csm-name').waitFor()
  // Let the resize settle before the picture.
  await page.waitForFunction(() => document.querySelector('[data-testid="app-iframe"]')?.getAttribute('data-height'))
  await page.screenshot({ path: resolve(root, 'docs', 'screenshot.png') })
  console.log('wrote docs/screenshot.png')
} finally {
  await browser.dispose()
  await stack.close()
}
