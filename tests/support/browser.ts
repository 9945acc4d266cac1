import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Debian's Chromium unless CHROME_PATH says otherwise; test tools cannot download browsers here. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}; install it (apt-get install chromium) or set CHROME_PATH`)
  return path
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * A browser profile like an agent's: a regular (persistent) profile, not an incognito-style
 * context, because incognito blocks storage in third-party iframes and the Zendesk app iframe is
 * third-party to the agent view. Each test opens its own page (a tab, with its own sessionStorage).
 */
export async function launchAgentBrowser(
  options: {
    /** As Chrome with "Block third-party cookies" (or incognito): the app's iframe gets no storage and no Web Locks. */
    readonly blockThirdPartyStorage?: boolean
  } = {}
): Promise<BrowserContext & { dispose(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'success-bridge-profile-'))
  // Chrome's default for a regular profile is to allow third-party storage; Debian's headless
  // build starts with it blocked. Set the user preference an agent's browser has by default.
  mkdirSync(join(profile, 'Default'), { recursive: true })
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      profile: options.blockThirdPartyStorage
        ? { cookie_controls_mode: 1, block_third_party_cookies: true }
        : { cookie_controls_mode: 0, block_third_party_cookies: false },
    })
  )
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: true,
    args: CHROMIUM_ARGS,
  })
  return Object.assign(context, {
    async dispose() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  })
}
