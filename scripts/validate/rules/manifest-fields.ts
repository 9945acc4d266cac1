import { z } from 'zod'
import { error, shown, type Finding } from '../finding'
import { isRecord } from '../package-files'
import { MANIFEST, type Rule } from '../rule-context'

/** ZAS `Translations::VALID_LOCALE` (docs/zendesk-platform.md §1) (two or three letters, optional region). */
export const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/

/** `AppVersion::TO_BE_SERVED`: the only framework version Zendesk still serves. */
const FRAMEWORK_VERSIONS = ['2.0']

/**
 * Top-level fields Zendesk type-checks (ZAS validations/manifest.rb `string_error`, `boolean_error`,
 * `type_checks`). Checked one by one so each bad field gets its own message.
 */
const STRING_FIELDS = [
  'name',
  'defaultLocale',
  'version',
  'frameworkVersion',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
]
const BOOLEAN_FIELDS = ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly']

const OAUTH_REQUIRED_FIELDS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri']

/** ZAS Marketplace validation: the only experiments a public app may switch on. */
const MARKETPLACE_EXPERIMENTS = ['hashParams', 'newCssCompiler']

const httpUrl = z.string().regex(/^https?:\/\/[^/\s]+/)
const email = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)

/**
 * manifest.json itself: present at the root, JSON, required fields, field types, author, framework
 * version, default locale and its translation file, oauth block, experiments, noTemplate.
 * Locations, parameters and domainWhitelist have their own modules.
 */
export const manifestFields: Rule = ({ pkg, manifest, options }) => {
  if (!pkg.has(MANIFEST)) {
    const nested = pkg.files.find((file) => /^[^/]+\/manifest\.json$/.test(file))
    return nested
      ? [
          error(
            'manifest/nested',
            MANIFEST,
            `Could not find manifest.json in the root of the zip file, but ${nested} was found. Try re-creating the archive from this directory.`
          ),
        ]
      : [error('manifest/missing', MANIFEST, 'Could not find manifest.json')]
  }
  if (!manifest) {
    return [error('manifest/not-json', MANIFEST, 'manifest is not proper JSON. It must be a JSON object.')]
  }
  const findings: Finding[] = []
  const add = (rule: string, message: string) => findings.push(error(rule, MANIFEST, message))

  const required = ['name', 'author', 'defaultLocale', 'location', 'frameworkVersion']
  // Zendesk itself only insists on author, defaultLocale, location and frameworkVersion; the Marketplace
  // listing shows the version and zcli's local server shows the name.
  if (options.marketplace) required.push('version')
  if (manifest['requirementsOnly'] === true || manifest['marketingOnly'] === true) {
    required.splice(required.indexOf('location'), 1)
    required.splice(required.indexOf('frameworkVersion'), 1)
  }
  for (const field of required) {
    if (manifest[field] === undefined || manifest[field] === null)
      add('manifest/missing-field', `Missing required field in manifest: ${field}`)
  }

  for (const field of STRING_FIELDS) {
    const value = manifest[field]
    if (value !== undefined && typeof value !== 'string')
      add('manifest/invalid-type', `${field} must be a string, got "${shown(value)}".`)
  }
  for (const field of BOOLEAN_FIELDS) {
    const value = manifest[field]
    if (value !== undefined && typeof value !== 'boolean')
      add('manifest/invalid-type', `${field} must be a boolean value, got "${shown(value)}".`)
  }
  if (manifest['parameters'] !== undefined && !Array.isArray(manifest['parameters'])) {
    add(
      'manifest/invalid-type',
      `The manifest field parameters needs to be an array, but it was ${shown(manifest['parameters'])}`
    )
  }
  if (manifest['experiments'] !== undefined && !isRecord(manifest['experiments'])) {
    add(
      'manifest/invalid-type',
      `The manifest field experiments needs to be key-value pairs with string keys, but it was ${shown(manifest['experiments'])}`
    )
  }

  findings.push(...authorFindings(manifest['author']))

  const version = manifest['frameworkVersion']
  if (typeof version === 'string' && !FRAMEWORK_VERSIONS.includes(version)) {
    add(
      'manifest/framework-version',
      `${version} is not a valid framework version. Available versions are: ${FRAMEWORK_VERSIONS.join(', ')}.`
    )
  }
  if (
    typeof manifest['version'] === 'string' &&
    !/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(manifest['version'])
  ) {
    // zcli apps:bump needs semver; the Marketplace shows the string as is.
    add('manifest/version', `version must be a semantic version such as 1.0.0, got "${manifest['version']}".`)
  }

  const locale = manifest['defaultLocale']
  if (typeof locale === 'string') {
    if (!VALID_LOCALE.test(locale)) add('manifest/default-locale', `${locale} is not a valid default locale.`)
    else if (!pkg.has(`translations/${locale}.json`)) {
      add(
        'manifest/missing-translation-file',
        `Missing translation file for locale '${locale}'. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization`
      )
    }
  }

  const terms = manifest['termsConditionsURL']
  if (typeof terms === 'string' && !httpUrl.safeParse(terms).success)
    add('manifest/invalid-url', `termsConditionsURL must be a valid URL, got "${terms}".`)

  if (manifest['noTemplate'] !== undefined) {
    add(
      'manifest/no-template',
      'noTemplate is deprecated and cannot be used with framework version 2 or above. Set the autoLoad or autoHide property for each specific location instead.'
    )
  }

  if (options.marketplace && isRecord(manifest['experiments'])) {
    for (const [name, enabled] of Object.entries(manifest['experiments'])) {
      if (enabled && !MARKETPLACE_EXPERIMENTS.includes(name))
        add('manifest/invalid-experiment', `Manifest specifies unknown or unavailable experiment: ${name}`)
    }
  }

  const oauth = manifest['oauth']
  if (oauth !== undefined) {
    const missing = OAUTH_REQUIRED_FIELDS.filter(
      (key) => !isRecord(oauth) || typeof oauth[key] !== 'string' || oauth[key] === ''
    )
    if (missing.length > 0) {
      add(
        'manifest/oauth-missing-field',
        `Missing required oauth field${missing.length > 1 ? 's' : ''} in manifest: ${missing.join(', ')}`
      )
    }
  }
  return findings
}

function authorFindings(author: unknown): Finding[] {
  if (author === undefined || author === null) return [] // reported as a missing field
  if (!isRecord(author))
    return [
      error(
        'manifest/invalid-type',
        MANIFEST,
        `author must be an object with name, email and url, got "${shown(author)}".`
      ),
    ]
  const findings: Finding[] = []
  for (const field of ['name', 'email'] as const) {
    const value = author[field]
    if (value === undefined || value === null || value === '') {
      findings.push(
        error('manifest/missing-field', MANIFEST, `Missing required field in manifest: author.${field}`)
      )
    } else if (typeof value !== 'string') {
      findings.push(
        error('manifest/invalid-type', MANIFEST, `author ${field} must be a string, got "${shown(value)}".`)
      )
    }
  }
  if (
    typeof author['email'] === 'string' &&
    author['email'] !== '' &&
    !email.safeParse(author['email']).success
  ) {
    findings.push(
      error(
        'manifest/invalid-email',
        MANIFEST,
        `author email must be an email address, got "${author['email']}".`
      )
    )
  }
  const url = author['url']
  if (url !== undefined && !(typeof url === 'string' && httpUrl.safeParse(url).success)) {
    findings.push(
      error('manifest/invalid-url', MANIFEST, `author url must be a valid URL, got "${shown(url)}".`)
    )
  }
  return findings
}
