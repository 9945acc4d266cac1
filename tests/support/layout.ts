import type { Frame } from 'playwright-core'

/**
 * Waits for the layout an agent sees once a width change has settled: the app has asked Zendesk
 * for its new height and got it (until then the document overflows its frame and a scrollbar
 * takes room the settled layout does not lose), then two more painted frames.
 */
export async function settledLayout(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () => document.documentElement.scrollHeight <= document.documentElement.clientHeight,
    undefined,
    { timeout: 5_000 }
  )
  await frame.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  )
}

/**
 * What a person would find wrong with the app's layout at its current width, one line each: the
 * document scrolling sideways, and any element whose text is cut off (scrolled out of a box that
 * hides overflow, or ellipsised) without its full text in a `title`. A text field scrolling its own
 * content is not a fault.
 */
export async function layoutProblems(frame: Frame): Promise<string[]> {
  await settledLayout(frame)
  return frame.evaluate(() => {
    const problems: string[] = []
    const page = document.scrollingElement ?? document.documentElement
    if (page.scrollWidth > page.clientWidth)
      problems.push(`the page scrolls sideways by ${page.scrollWidth - page.clientWidth} px`)
    const describe = (el: Element): string =>
      `<${el.tagName.toLowerCase()}${el.getAttribute('data-garden-id') ? ` ${el.getAttribute('data-garden-id')}` : ''}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) continue
      if (el.getClientRects().length === 0) continue
      const style = getComputedStyle(el)
      const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible'
      const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
      if (!hides || !cut) continue
      const full = (el.textContent ?? '').trim()
      if (el.closest('[title]')?.getAttribute('title')?.trim() === full) continue
      problems.push(`${describe(el)} is cut off`)
    }
    return problems
  })
}

/**
 * Whether every character of the element's text is on screen inside the element's own box (not
 * clipped, ellipsised or pushed past the frame's edge). `selector` is evaluated in the app's document.
 */
export async function textFullyShown(frame: Frame, selector: string): Promise<string> {
  await settledLayout(frame)
  return frame.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)
    if (!el) return `nothing matches ${sel}`
    const box = el.getBoundingClientRect()
    const range = document.createRange()
    range.selectNodeContents(el)
    const text = range.getBoundingClientRect()
    const viewport = document.documentElement.clientWidth
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      return `"${el.innerText}" overflows its box`
    if (text.left < box.left - 1 || text.right > box.right + 1 || text.left < -1 || text.right > viewport + 1)
      return `"${el.innerText}" runs from ${Math.round(text.left)} to ${Math.round(text.right)} px, its box from ${Math.round(box.left)} to ${Math.round(box.right)} px, the frame is ${viewport} px wide`
    return 'fully shown'
  }, selector)
}

/**
 * The element's text as a person reads it on screen: its characters in visual order, left to right
 * and line by line (bidirectional overrides included), not in the DOM's logical order.
 */
export function visualText(frame: Frame, selector: string): Promise<string> {
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) return `nothing matches ${sel}`
    const chars: { char: string; x: number; y: number }[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const rect = range.getBoundingClientRect()
        // Invisible formatting characters take no room: they are not read on screen.
        if (rect.width > 0) chars.push({ char: text[i] ?? '', x: rect.left, y: Math.round(rect.top) })
      }
    }
    chars.sort((a, b) => a.y - b.y || a.x - b.x)
    return chars.map((c) => c.char).join('')
  }, selector)
}

/** Where the element's text wraps: the characters that begin a new line (empty when it fits on one). */
export function lineStarts(frame: Frame, selector: string): Promise<string[]> {
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) return [`nothing matches ${sel}`]
    const starts: string[] = []
    let top: number | null = null
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const rect = range.getClientRects()[0]
        if (!rect || rect.width === 0) continue
        if (top !== null && rect.top > top + 2) starts.push(text.slice(i, i + 12))
        top = rect.top
      }
    }
    return starts
  }, selector)
}

/**
 * Waits until the app's document has stopped changing for half a second (at most 10 s): the
 * escalation section's chunk, the "Why now" signals and Zendesk's ticket counts arrive after the
 * card, and each moves what is below it. Measure, or click, once they have landed.
 */
export async function quietDocument(frame: Frame): Promise<void> {
  await frame.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 500)
        const observer = new MutationObserver(() => {
          clearTimeout(timer)
          timer = setTimeout(done, 500)
        })
        const giveUp = setTimeout(done, 10_000)
        function done(): void {
          observer.disconnect()
          clearTimeout(giveUp)
          resolve()
        }
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        })
      })
  )
}

/** Resolves once the host has grown the app's iframe to its whole content (at most 10 s). */
export async function frameFitsContent(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () => document.documentElement.scrollHeight <= window.innerHeight + 1,
    undefined,
    {
      timeout: 10_000,
    }
  )
}
