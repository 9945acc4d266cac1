import { error, warning, type Finding } from '../finding'
import { imageInfo } from '../image'
import type { PackageFiles } from '../package-files'
import type { Rule } from '../rule-context'
import { svgEdits } from '../svg-markup'

/** docs/zendesk-platform.md §3: the two logos every app needs to install, PNG at exactly these sizes. */
const LOGOS = [
  { file: 'assets/logo.png', width: 320, height: 320 },
  { file: 'assets/logo-small.png', width: 128, height: 128 },
] as const

/** ZAS validations/banner.rb: the optional Marketplace banner, at 1x or 2x. */
const BANNER = 'assets/banner.png'
const BANNER_SIZES = [
  [830, 200],
  [1660, 400],
] as const

/**
 * Logos, the optional banner and SVG icons. Zendesk sanitises SVGs (ZAS validations/svg.rb) and warns
 * when that changed the markup (see svg-markup.ts); an embedded bitmap replaces the icon with a
 * placeholder.
 */
export const assets: Rule = ({ pkg }) => {
  const findings: Finding[] = []
  for (const logo of LOGOS) {
    if (!pkg.has(logo.file)) {
      findings.push(
        error(
          'assets/missing-logo',
          logo.file,
          `Could not find ${logo.file}. Every app needs ${logo.file} (${logo.width}x${logo.height} PNG).`
        )
      )
      continue
    }
    const info = imageInfo(pkg.read(logo.file))
    if (info?.type !== 'png')
      findings.push(error('assets/logo-not-png', logo.file, `${logo.file} must be a PNG file.`))
    else if (info.width !== logo.width || info.height !== logo.height) {
      findings.push(
        error(
          'assets/logo-size',
          logo.file,
          `Invalid ${logo.file} dimensions ${info.width}x${info.height}px. Must be ${logo.width}x${logo.height}px.`
        )
      )
    }
  }
  if (pkg.has(BANNER)) findings.push(...bannerFindings(pkg))
  for (const file of pkg.files.filter((name) => name.startsWith('assets/') && name.endsWith('.svg'))) {
    findings.push(...svgFindings(file, pkg.readText(file)))
  }
  return findings
}

function bannerFindings(pkg: PackageFiles): Finding[] {
  const info = imageInfo(pkg.read(BANNER))
  if (info?.type !== 'png') return [error('assets/banner', BANNER, 'Banner image must be a PNG file.')]
  if (!BANNER_SIZES.some(([width, height]) => info.width === width && info.height === height)) {
    return [
      error(
        'assets/banner',
        BANNER,
        `Invalid banner image dimensions. Must be ${BANNER_SIZES.map(([width, height]) => `${width}x${height}px`).join(' or ')}.`
      ),
    ]
  }
  return []
}

function svgFindings(file: string, text: string): Finding[] {
  if (!/<svg[\s>]/i.test(text))
    return [
      error(
        'assets/invalid-svg',
        file,
        `${file} contains invalid markup and could not be automatically regenerated.`
      ),
    ]
  // Zendesk checks for a bitmap first: an icon with one is replaced, so its other markup is moot.
  if (/<image[\s/>]/i.test(text))
    return [
      warning(
        'assets/bitmap-in-svg',
        file,
        `${file} contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.`
      ),
    ]
  const edit = svgEdits(text)
  if (edit === null) return []
  return [
    warning(
      'assets/sanitised-svg',
      file,
      `The markup in ${file} has been edited for use in Zendesk and may not display as intended.`,
      `Zendesk's sanitiser would change ${edit}.`
    ),
  ]
}
