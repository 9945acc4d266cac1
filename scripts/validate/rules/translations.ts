import { error, warning, type Finding } from '../finding'
import { isRecord } from '../package-files'
import { parametersOf, type Rule, type RuleContext } from '../rule-context'
import { VALID_LOCALE } from './manifest-fields'

const TRANSLATION_FILE = /^translations\/([^/]+)\.json$/

/** docs/zendesk-platform.md §3: what the Marketplace listing needs from a public app's English file. */
const LISTING_KEYS = ['name', 'short_description', 'long_description', 'installation_instructions']
const NAME_MAX = 40
const SHORT_DESCRIPTION_MAX = 80
const PRODUCTS = ['support', 'chat']

/**
 * translations/*.json: locale names, JSON objects, only the `app` section (Zendesk reads nothing
 * else; anything more ships UI strings nobody loads), the listing texts and a label for every
 * visible setting in the default locale (and in English, which is all the Marketplace shows).
 */
export const translations: Rule = (context) => {
  const { pkg, manifest } = context
  const findings: Finding[] = []
  const parsed = new Map<string, Record<string, unknown>>()
  for (const file of pkg.files) {
    const locale = TRANSLATION_FILE.exec(file)?.[1]
    if (locale === undefined) continue
    if (!VALID_LOCALE.test(locale))
      findings.push(error('translations/invalid-locale', file, `${file} is not a valid locale.`))
    let json: unknown
    try {
      json = JSON.parse(pkg.readText(file))
    } catch (cause) {
      findings.push(
        error('translations/not-json', file, `${file} is not valid JSON. ${(cause as Error).message}`)
      )
      continue
    }
    if (!isRecord(json)) {
      findings.push(error('translations/not-json-object', file, `${file} is not a JSON object.`))
      continue
    }
    const extra = Object.keys(json).filter((key) => key !== 'app')
    if (extra.length > 0)
      findings.push(
        warning(
          'translations/extra-keys',
          file,
          `${file} has keys outside app (${extra.join(', ')}); Zendesk only reads the app section.`
        )
      )
    parsed.set(locale, json)
  }
  if (!pkg.has('translations/en.json')) {
    findings.push(
      error(
        'translations/missing-en',
        'translations/en.json',
        'Could not find translations/en.json. Every app needs an English translation file.'
      )
    )
  }
  const defaultLocale = typeof manifest?.['defaultLocale'] === 'string' ? manifest['defaultLocale'] : 'en'
  for (const locale of new Set([defaultLocale, 'en'])) {
    const json = parsed.get(locale)
    if (json) findings.push(...listingFindings(context, `translations/${locale}.json`, json))
  }
  return findings
}

function listingFindings(
  { manifest, options }: RuleContext,
  file: string,
  json: Record<string, unknown>
): Finding[] {
  const app = json['app']
  if (!isRecord(app))
    return [error('translations/missing-key', file, `Missing required key from ${file}: app.name`)]
  const findings: Finding[] = []
  // Keys may be scoped per product (app.support.name); then every product section needs them.
  const scopes = PRODUCTS.filter((product) => isRecord(app[product]))
  const sections =
    scopes.length > 0
      ? scopes.map((product) => ({ prefix: `app.${product}`, keys: app[product] as Record<string, unknown> }))
      : [{ prefix: 'app', keys: app }]
  const required = options.marketplace || manifest?.['private'] === false ? LISTING_KEYS : ['name']
  for (const { prefix, keys } of sections) {
    for (const key of required) {
      // `description` is the legacy name of `short_description`.
      const value = key === 'short_description' && keys[key] === undefined ? keys['description'] : keys[key]
      if (value === undefined)
        findings.push(
          error('translations/missing-key', file, `Missing required key from ${file}: ${prefix}.${key}`)
        )
      else if (typeof value !== 'string' || value.trim() === '')
        findings.push(
          error('translations/empty-key', file, `${prefix}.${key} in ${file} must be a non-empty string.`)
        )
    }
    const name = keys['name']
    if (typeof name === 'string') {
      if ([...name].length > NAME_MAX)
        findings.push(
          error(
            'translations/name-too-long',
            file,
            `${prefix}.name must be ${NAME_MAX} characters or fewer (it has ${[...name].length}).`
          )
        )
      if (/zendesk/i.test(name))
        findings.push(
          warning(
            'translations/trademark-in-name',
            file,
            `${prefix}.name must not use the Zendesk trademark ("${name}"); reviewers reject names such as "… for Zendesk".`
          )
        )
    }
    const short = keys['short_description'] ?? keys['description']
    if (typeof short === 'string' && [...short].length > SHORT_DESCRIPTION_MAX) {
      findings.push(
        error(
          'translations/short-description-too-long',
          file,
          `${prefix}.short_description must be ${SHORT_DESCRIPTION_MAX} characters or fewer (it has ${[...short].length}).`
        )
      )
    }
  }
  findings.push(...labelFindings(parametersOf(manifest), file, app))
  return findings
}

function labelFindings(
  params: Record<string, unknown>[],
  file: string,
  app: Record<string, unknown>
): Finding[] {
  const labels = isRecord(app['parameters']) ? app['parameters'] : {}
  const findings: Finding[] = []
  for (const param of params) {
    const name = param['name']
    // Hidden settings never appear in the settings form, so they need no label.
    if (typeof name !== 'string' || param['type'] === 'hidden') continue
    const entry = labels[name]
    if (!isRecord(entry))
      findings.push(
        error(
          'translations/missing-parameter-label',
          file,
          `Missing required key from ${file}: app.parameters.${name}.label`
        )
      )
    else if (typeof entry['label'] !== 'string' || entry['label'].trim() === '') {
      findings.push(
        error(
          'translations/missing-parameter-label',
          file,
          `Missing required key label on leaf app.parameters.${name} from ${file}`
        )
      )
    }
  }
  return findings
}
