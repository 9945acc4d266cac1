import type { Page } from 'playwright-core'

/**
 * Makes the app's iframe `px` CSS pixels wide, as a narrower apps panel or browser zoom would (200%
 * zoom of a 320 px panel leaves 160 CSS px). A stylesheet rather than the iframe's own style, because
 * every `resize` the app asks for sets the width again.
 */
export async function setSidebarWidth(page: Page, px: number): Promise<void> {
  await page.evaluate((width) => {
    const id = 'sidebar-width-under-test'
    const style = document.getElementById(id) ?? document.head.appendChild(document.createElement('style'))
    style.id = id
    style.textContent = `[data-testid="app-iframe"] { width: ${width}px !important; }`
  }, px)
  // Let the iframe lay itself out at the new width (and the app ask for its new height).
  await page.waitForFunction(
    (width) => document.querySelector('[data-testid="app-iframe"]')?.clientWidth === width,
    px
  )
}
