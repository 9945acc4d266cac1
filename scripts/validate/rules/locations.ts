import { error, shown, type Finding } from '../finding'
import { isRecord, type PackageFiles } from '../package-files'
import { MANIFEST, type Rule } from '../rule-context'

/**
 * Location names Zendesk accepts per product (docs/zendesk-platform.md §1, ZAS location.rb). `zendesk` is the
 * legacy name of the `support` host.
 */
const LOCATIONS: Record<string, readonly string[]> = {
  support: [
    'top_bar',
    'nav_bar',
    'ticket_sidebar',
    'new_ticket_sidebar',
    'user_sidebar',
    'organization_sidebar',
    'background',
    'modal',
    'ticket_editor',
    'system_top_bar',
    'custom_object_record_sidebar',
  ],
  chat: ['chat_sidebar', 'background'],
  standalone_chat: ['nav_bar', 'system_top_bar'],
}
const HOST_ALIASES: Record<string, string> = { zendesk: 'support' }

/** Boolean location options (ZAS checks `flexible`; the others are read as booleans by the host). */
const BOOLEAN_OPTIONS = ['flexible', 'autoLoad', 'autoHide', 'signed']

/** Locations that show an icon in Zendesk's chrome; zcli and ZAS look for assets/icon_<location>.svg. */
const LOCATIONS_WITH_ICONS = ['top_bar', 'nav_bar', 'system_top_bar', 'ticket_editor']

/**
 * `location`: known hosts and location names, option types, and URLs that Zendesk can serve: a
 * relative URL must start with `assets/` and name a file in the package, an absolute one must be
 * https. Zendesk also lets `localhost` through for local development, but a package that points
 * at localhost cannot work for any customer, so with --marketplace that is an error too.
 */
export const locations: Rule = ({ pkg, manifest, options }) => {
  const location = manifest?.['location']
  if (location === undefined || location === null) return [] // a missing required field; manifest-fields says so
  if (!isRecord(location))
    return [
      error(
        'location/invalid',
        MANIFEST,
        `The manifest field location needs to be key-value pairs with string keys, but it was ${shown(location)}`
      ),
    ]
  const findings: Finding[] = []
  for (const [host, places] of Object.entries(location)) {
    const product = HOST_ALIASES[host] ?? host
    const known = LOCATIONS[product]
    if (!known) {
      findings.push(error('location/invalid-host', MANIFEST, `${host} is an invalid host for apps.`))
      continue
    }
    if (!isRecord(places)) {
      findings.push(
        error(
          'location/invalid',
          MANIFEST,
          `The manifest field location.${host} needs to be key-value pairs with string keys, but it was ${shown(places)}`
        )
      )
      continue
    }
    const unknown = Object.keys(places).filter((name) => !known.includes(name))
    if (unknown.length > 0) {
      const capitalised = product.charAt(0).toUpperCase() + product.slice(1)
      findings.push(
        error(
          'location/invalid-location',
          MANIFEST,
          `${unknown.join(', ')} ${unknown.length > 1 ? 'are invalid locations' : 'is an invalid location'} in ${capitalised}.`
        )
      )
    }
    for (const [name, value] of Object.entries(places)) {
      if (known.includes(name)) findings.push(...locationFindings(pkg, name, value, options.marketplace))
    }
  }
  if (Object.keys(location).length === 0)
    findings.push(error('manifest/missing-field', MANIFEST, 'Missing required field in manifest: location'))
  return findings
}

function locationFindings(pkg: PackageFiles, name: string, value: unknown, marketplace: boolean): Finding[] {
  const findings: Finding[] = []
  const settings = typeof value === 'string' ? { url: value } : value
  if (!isRecord(settings))
    return [
      error(
        'location/invalid',
        MANIFEST,
        `The location ${name} must be a URL or an object with a url, got ${shown(value)}.`
      ),
    ]
  for (const option of BOOLEAN_OPTIONS) {
    const flag = settings[option]
    if (flag !== undefined && typeof flag !== 'boolean') {
      findings.push(
        error(
          'location/invalid-option',
          MANIFEST,
          option === 'flexible'
            ? `${shown(flag)} is an invalid type for the flexible location parameter.`
            : `location.${name}.${option} must be a boolean value, got "${shown(flag)}".`
        )
      )
    }
  }
  const url = settings['url']
  if (url === undefined || url === '') {
    if (settings['autoLoad'] !== false)
      findings.push(error('location/blank-url', MANIFEST, `${name} location does not specify a URI.`))
  } else if (typeof url !== 'string') {
    findings.push(
      error('location/invalid-url', MANIFEST, `location.${name}.url must be a string, got "${shown(url)}".`)
    )
  } else {
    const problem = urlProblem(pkg, url, marketplace)
    if (problem)
      findings.push(
        error(
          problem,
          MANIFEST,
          `${url} is either an invalid location URI, refers to a missing asset, or does not use HTTPS (location ${name}).`
        )
      )
  }
  if (LOCATIONS_WITH_ICONS.includes(name) && !pkg.has(`assets/icon_${name}.svg`)) {
    findings.push(
      error(
        'location/missing-icon',
        MANIFEST,
        `The ${name} location needs an icon: add assets/icon_${name}.svg.`
      )
    )
  }
  return findings
}

/** Null when Zendesk can serve the URL; otherwise the rule id that says why not. */
function urlProblem(pkg: PackageFiles, url: string, marketplace: boolean): string | null {
  if (url.includes('{{setting.')) return null // resolved per installation; Zendesk does not check these either
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return 'location/invalid-url'
    }
    if (parsed.hostname === 'localhost') return marketplace ? 'location/localhost-url' : null
    return parsed.protocol === 'https:' ? null : 'location/insecure-url'
  }
  const path = url.replace(/[?#].*$/, '')
  if (!path.startsWith('assets/')) return 'location/invalid-url'
  return pkg.has(path) ? null : 'location/missing-asset'
}
