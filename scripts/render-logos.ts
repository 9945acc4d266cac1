/**
 * Renders assets/logo.svg to the PNGs Zendesk requires (logo.png 320×320, logo-small.png 128×128)
 * with Debian's Chromium, so the bitmaps always match the vector source. Run: npx tsx scripts/render-logos.ts
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromePath } from '../tests/support/browser'

const root = resolve(import.meta.dirname, '..')
const svg = readFileSync(resolve(root, 'assets/logo.svg'), 'utf8')
// The same Chromium and flags as the tests and the bench: this machine's closed network needs them.
const browser = await chromium.launch({ executablePath: chromePath(), args: CHROMIUM_ARGS })
try {
  for (const [file, size] of [
    ['logo.png', 320],
    ['logo-small.png', 128],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`
    )
    await page.screenshot({ path: resolve(root, 'assets', file), omitBackground: true })
    await page.close()
  }
} finally {
  await browser.close()
}
