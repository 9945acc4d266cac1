import { error, warning, type Finding } from '../finding'
import { imageInfo } from '../image'
import type { Rule } from '../rule-context'

/** ZAS validations/screenshots.rb: at most three, named screenshot-<n>.png. */
const MAX_SCREENSHOTS = 3
const NAME = /^assets\/screenshot-(\d+)\.png$/
/**
 * Pixel sizes: ZAS screenshots.rb requires 1024x768; docs/zendesk-platform.md §3 marks the app size UNCONFIRMED and
 * quotes 1024x768 or 2048x1536 (the same at 2x) for Marketplace bots. We accept both and warn on
 * anything else, since blurry or stretched screenshots are a documented rejection reason.
 */
const SIZES = [
  [1024, 768],
  [2048, 1536],
] as const

/**
 * Marketplace screenshots: assets/screenshot-0.png, -1, -2, numbered from 0 without gaps (reviewers
 * drop out-of-sequence files), PNG, at a listing size. A public app without any screenshot has an
 * empty gallery, so --marketplace warns.
 */
export const screenshots: Rule = ({ pkg, options }) => {
  const findings: Finding[] = []
  const candidates = pkg.files.filter((file) => /^assets\/[^/]*screen[-_ ]?shot/i.test(file))
  const numbered = new Map<number, string>()
  for (const file of candidates) {
    const match = NAME.exec(file)
    if (!match?.[1] || (match[1].length > 1 && match[1].startsWith('0'))) {
      findings.push(
        error(
          'screenshots/bad-name',
          file,
          `${file} is not a valid screenshot name. Name screenshots assets/screenshot-0.png, assets/screenshot-1.png and assets/screenshot-2.png.`
        )
      )
      continue
    }
    numbered.set(Number(match[1]), file)
    const info = imageInfo(pkg.read(file))
    if (info?.type !== 'png') findings.push(error('screenshots/not-png', file, `${file} must be a PNG file.`))
    else if (!SIZES.some(([width, height]) => info.width === width && info.height === height)) {
      findings.push(
        warning(
          'screenshots/size',
          file,
          `Invalid screenshot dimensions ${info.width}x${info.height}px in ${file}. Must be ${SIZES.map(([width, height]) => `${width}x${height}px`).join(' or ')}.`
        )
      )
    }
  }
  if (numbered.size > MAX_SCREENSHOTS) {
    findings.push(
      error(
        'screenshots/too-many',
        'assets',
        `The app has ${numbered.size} screenshots. The current limit is ${MAX_SCREENSHOTS}.`
      )
    )
  }
  // Capped so a stray screenshot-999999.png cannot make this list huge.
  const missing = [...Array(Math.min(99, Math.max(0, ...numbered.keys())) + 1).keys()].filter(
    (index) => !numbered.has(index)
  )
  if (numbered.size > 0 && missing.length > 0) {
    findings.push(
      error(
        'screenshots/gap',
        'assets',
        `Screenshots must be numbered from 0 without gaps; missing ${missing.map((index) => `assets/screenshot-${index}.png`).join(', ')}.`
      )
    )
  }
  if (options.marketplace && numbered.size === 0) {
    findings.push(
      warning(
        'screenshots/missing',
        'assets',
        'No screenshots found. Add assets/screenshot-0.png (up to three) to show the app in its Marketplace listing.'
      )
    )
  }
  return findings
}
