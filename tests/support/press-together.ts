import type { FrameLocator, Page } from 'playwright-core'

export interface Tab {
  readonly page: Page
  readonly frame: FrameLocator
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Presses one button in each tab of one browser within 25 ms of each other, and fails unless every
 * press reached its button.
 *
 * Only the window's front tab is pressed with the mouse. A tab behind it repaints late, and Chromium
 * routes a mouse event with the positions of its last paint: a click aimed after Playwright scrolled
 * the tab lands where the button was before the scroll (seen here: 346 px above it, on the text
 * above the button). Playwright reports a click that lands outside the app's frame as done, so a
 * tab could stay on its form with no click ever having reached it. The other tabs press Enter on the
 * focused button, as a keyboard user does: no position is involved.
 */
export async function pressTogether(tabs: readonly Tab[], name: string | RegExp): Promise<void> {
  const front = tabs.at(-1)
  if (!front) return
  await front.page.bringToFront()
  await Promise.all(tabs.map((tab) => recordPresses(tab.frame)))
  await Promise.all(
    tabs.map(async (tab, index) => {
      await sleep(index * 25)
      const button = tab.frame.getByRole('button', { name })
      await (tab === front ? button.click() : button.press('Enter'))
    })
  )
  const reached = await Promise.all(tabs.map((tab) => pressesRecorded(tab.frame)))
  const missed = reached.flatMap((labels, index) =>
    labels.some((label) => matches(label, name))
      ? []
      : [`tab ${index + 1} (its buttons got: ${labels.join(', ') || 'nothing'})`]
  )
  if (missed.length > 0) throw new Error(`The press never reached the button in ${missed.join('; ')}`)
}

function matches(label: string, name: string | RegExp): boolean {
  return typeof name === 'string' ? label.includes(name) : name.test(label)
}

type Recorder = Window & { __pressed?: string[] }

/** From now on, the app's frame notes the text of every button a click (or Enter) activates. */
async function recordPresses(frame: FrameLocator): Promise<void> {
  await frame.locator('html').evaluate(() => {
    const page = window as Recorder
    if (page.__pressed) {
      page.__pressed = []
      return
    }
    page.__pressed = []
    document.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null
        if (button) page.__pressed?.push(button.textContent ?? '')
      },
      true
    )
  })
}

async function pressesRecorded(frame: FrameLocator): Promise<string[]> {
  return frame.locator('html').evaluate(() => (window as Recorder).__pressed ?? [])
}
