import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, RunOptions } from 'axe-core'
import type { Frame, Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (heading order, landmarks, unique
 * ids…): the bar for a Marketplace app that agents may drive with a keyboard or a screen reader.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const

/** The app's frame inside the emulated agent view (the iframe Zendesk gives the sidebar app). */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('[data-testid="app-iframe"]').elementHandle()
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error('The app iframe has no document yet')
  return frame
}

/**
 * Runs axe-core on the app's document and returns one readable line per failing element, so
 * `expect(await axeViolations(frame)).toEqual([])` prints what is wrong and where.
 *
 * axe is injected with `frame.evaluate(source)`: DevTools evaluation is not subject to the page's
 * Content-Security-Policy, so the shipped app never needs to allow inline or foreign scripts for it.
 */
export async function axeViolations(
  frame: Frame,
  options: { disableRules?: readonly string[] } = {}
): Promise<string[]> {
  const loaded = await frame.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!loaded) await frame.evaluate(axeSource)
  const runOptions: RunOptions = {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  }
  const violations = await frame.evaluate(async (opts) => {
    // Let finite CSS transitions end first (a button turning enabled fades its colours for a
    // quarter second); mid-fade colours are not what the agent reads. Endless ones (the skeleton's
    // shimmer) never finish and are left alone.
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)))
    const axe = (
      window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }
    ).axe
    const results = await axe.run(document, opts)
    // Only plain data crosses back to Node.
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        summary: node.failureSummary ?? '',
      })),
    }))
  }, runOptions)
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} | at ${node.target} | ${node.summary.replace(/\s+/g, ' ').trim()}`
    )
  )
}
