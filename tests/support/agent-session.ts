import type { FrameLocator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchAgentBrowser } from './browser'
import { startLocalStack, type LocalStack } from './local-stack'

type AgentBrowser = Awaited<ReturnType<typeof launchAgentBrowser>>

/** What an end-to-end test works with; the page is a new tab for every test. */
export interface AgentSession {
  readonly stack: LocalStack
  readonly browser: AgentBrowser
  readonly page: Page
  /** The app's iframe on the current page. */
  app(): FrameLocator
  /** Closes the current tab and opens another: no sessionStorage, localStorage kept (as for an agent). */
  newTab(): Promise<Page>
}

/**
 * Registers the hooks every end-to-end file needs: one local stack (both emulators) and one agent
 * browser per file; per test, emulators reset to their seed, a new tab, and afterwards the app
 * origin's localStorage cleared (drafts, picks, cached owners) so tests stay independent.
 */
export function useAgentSession(options: Parameters<typeof startLocalStack>[0] = {}): AgentSession {
  let stack: LocalStack | undefined
  let browser: AgentBrowser | undefined
  let page: Page | undefined
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only there inside a test`)
    return value
  }
  const session: AgentSession = {
    get stack() {
      return need(stack, 'The local stack')
    },
    get browser() {
      return need(browser, 'The browser')
    },
    get page() {
      return need(page, 'The page')
    },
    app: () => session.page.frameLocator('[data-testid="app-iframe"]'),
    async newTab() {
      await page?.close()
      page = await session.browser.newPage()
      return page
    },
  }

  beforeAll(async () => {
    stack = await startLocalStack(options)
    browser = await launchAgentBrowser()
  })
  afterAll(async () => {
    await browser?.dispose()
    await stack?.close()
  })
  beforeEach(async () => {
    session.stack.crm.reset()
    session.stack.zendesk.reset()
    session.stack.slack.reset()
    page = await session.browser.newPage()
  })
  afterEach(async () => {
    // A page that never opened the app has no frame to clear: waiting for one would cost the
    // locator's whole timeout.
    if (page && page.url() !== 'about:blank')
      await session
        .app()
        .locator('html')
        .evaluate(() => localStorage.clear(), undefined, { timeout: 5_000 })
        .catch(() => undefined)
    await page?.close()
  })
  return session
}
