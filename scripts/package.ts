/**
 * `npm run package -- [--no-build] [--dir dist] [--out dist-zip] [--allow-domain <host>]...
 *   [--salesforce-oauth [--client-id <id>] [--client-secret <secret>] [--salesforce-login-host <host>]]`
 *
 * Builds the app into `--dir` (a production build, see build-production.ts), copies only what
 * Zendesk serves — manifest.json, translations/*.json and assets/** without source maps, dotfiles
 * or local settings files — into a staging folder, validates exactly that (scripts/validate; any
 * error aborts) and zips it to `<out>/success-bridge-<version>.zip` with fixed timestamps, so the
 * same build gives the same zip.
 *
 * `--allow-domain <host>` is for an admin whose CRM runs on an in-house host: Zendesk only sends
 * secure settings (the CRM token) to hosts in the manifest's domainWhitelist, so the host has to
 * be in the package. That package is theirs alone, so it is marked `"private": true` and named
 * `success-bridge-<version>-private.zip`.
 *
 * `--salesforce-oauth` writes the Salesforce OAuth package instead (salesforce-oauth-manifest.ts):
 * the manifest gets Zendesk's `oauth` block for the admin's External Client App, so the connection
 * renews itself instead of dying with the session. The client ID and secret come from the options or
 * from SB_SF_CLIENT_ID / SB_SF_CLIENT_SECRET (so the secret need not sit in shell history); the
 * login host defaults to login.salesforce.com (SB_SF_LOGIN_HOST). The secret is that org's alone, so
 * the package is private and named `success-bridge-<version>-salesforce-oauth.zip`; the validator
 * checks that the secret is nowhere but manifest.json.
 */
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import { buildForProduction } from './build-production'
import { formatText, summary } from './validate/report'
import { hostProblem } from './validate/rules/domain-whitelist'
import { readPackageFiles } from './validate/package-files'
import { validatePackage } from './validate/validate-package'
import { SETTINGS_FILE } from './validate/rules/package-contents'
import {
  DEFAULT_LOGIN_HOST,
  loginHostProblem,
  salesforceOAuthManifest,
  type SalesforceOAuthOptions,
} from './salesforce-oauth-manifest'

const root = resolve(import.meta.dirname, '..')
/** Zip entry times are fixed so the zip's bytes depend only on its contents. */
const ENTRY_TIME = new Date('2020-01-01T00:00:00Z')

interface Options {
  readonly build: boolean
  readonly dir: string
  readonly out: string
  readonly allowDomains: readonly string[]
  readonly oauth: SalesforceOAuthOptions | null
}

const USAGE =
  'Usage: npm run package -- [--no-build] [--dir dist] [--out dist-zip] [--allow-domain <host>]... [--salesforce-oauth [--client-id <id>] [--client-secret <secret>] [--salesforce-login-host <host>]]'

function parseArgs(args: readonly string[]): Options {
  let build = true
  let dir = resolve(root, 'dist')
  let out = resolve(root, 'dist-zip')
  const allowDomains: string[] = []
  let salesforceOAuth = false
  let clientId = process.env['SB_SF_CLIENT_ID'] ?? ''
  let clientSecret = process.env['SB_SF_CLIENT_SECRET'] ?? ''
  let loginHost = process.env['SB_SF_LOGIN_HOST'] || DEFAULT_LOGIN_HOST
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]
    const value = (): string => {
      const next = args[(index += 1)]
      if (next === undefined || next.startsWith('--')) fail(`${arg} needs a value.`)
      return next
    }
    if (arg === '--no-build') build = false
    else if (arg === '--dir') dir = resolve(value())
    else if (arg === '--out') out = resolve(value())
    else if (arg === '--allow-domain') allowDomains.push(value())
    else if (arg === '--salesforce-oauth') salesforceOAuth = true
    else if (arg === '--client-id') clientId = value()
    else if (arg === '--client-secret') clientSecret = value()
    else if (arg === '--salesforce-login-host') loginHost = value()
    else fail(`Unknown option ${arg}. ${USAGE}`)
  }
  if (!salesforceOAuth && args.some((arg) => /^--(client-|salesforce-login-host)/.test(arg)))
    fail('--client-id, --client-secret and --salesforce-login-host only go with --salesforce-oauth.')
  if (salesforceOAuth && (clientId.trim() === '' || clientSecret.trim() === ''))
    fail(
      "--salesforce-oauth needs the External Client App's consumer key and secret: --client-id and --client-secret, or SB_SF_CLIENT_ID and SB_SF_CLIENT_SECRET."
    )
  const hostProblemText = salesforceOAuth ? loginHostProblem(loginHost) : null
  if (hostProblemText) fail(`--salesforce-login-host ${loginHost}: ${hostProblemText}.`)
  for (const host of allowDomains) {
    const problem = hostProblem(host)
    if (problem) fail(`--allow-domain ${host} is not a valid domainWhitelist entry: ${problem}.`)
  }
  const oauth = salesforceOAuth ? { clientId, clientSecret, loginHost } : null
  return { build, dir, out, allowDomains, oauth }
}

function fail(message: string): never {
  console.error(`✖ ${message}`)
  process.exit(1)
}

/** What Zendesk serves from a package; everything else stays out (docs/zendesk-platform.md §4). */
function isShipped(path: string): boolean {
  const segments = path.split('/')
  if (segments.some((segment) => segment.startsWith('.'))) return false // .DS_Store, .env, editor files
  if (path.endsWith('.map')) return false // source maps publish our source and are never loaded
  if (SETTINGS_FILE.test(path)) return false // local settings, maybe secrets
  return path === 'manifest.json' || /^translations\/[^/]+\.json$/.test(path) || path.startsWith('assets/')
}

/** Copies the shipped files of `dir` into a fresh staging folder, with the manifest as it will ship. */
function stage(
  dir: string,
  allowDomains: readonly string[],
  oauth: SalesforceOAuthOptions | null
): { staging: string; files: string[]; manifest: Record<string, unknown> } {
  const staging = mkdtempSync(join(tmpdir(), 'package-'))
  const files = readPackageFiles(dir).files.filter(isShipped)
  for (const file of files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true })
    writeFileSync(join(staging, file), readFileSync(join(dir, file)))
  }
  let manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as Record<string, unknown>
  const isPrivate = allowDomains.length > 0 || oauth !== null
  if (oauth) manifest = salesforceOAuthManifest(manifest, oauth)
  if (allowDomains.length > 0) {
    const listed = Array.isArray(manifest['domainWhitelist'])
      ? (manifest['domainWhitelist'] as unknown[])
      : []
    manifest['domainWhitelist'] = [...new Set([...listed, ...allowDomains])]
  }
  if (isPrivate) {
    manifest['private'] = true
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  }
  return { staging, files, manifest }
}

async function zip(staging: string, files: readonly string[], target: string): Promise<void> {
  const archive = new ZipFile()
  for (const file of [...files].sort())
    archive.addFile(join(staging, file), file, { mtime: ENTRY_TIME, mode: 0o100644 })
  archive.end()
  mkdirSync(dirname(target), { recursive: true })
  await pipeline(archive.outputStream, createWriteStream(target))
}

const options = parseArgs(process.argv.slice(2))
if (options.build) {
  try {
    buildForProduction(options.dir)
  } catch (cause) {
    fail((cause as Error).message)
  }
}
try {
  statSync(join(options.dir, 'manifest.json'))
} catch {
  fail(`${options.dir} has no manifest.json. Build first (npm run build) or drop --no-build.`)
}

const { staging, files, manifest } = stage(options.dir, options.allowDomains, options.oauth)
try {
  const findings = validatePackage(staging, { marketplace: true })
  if (findings.length > 0) console.log(formatText(findings))
  if (summary(findings).errors > 0) throw new Error('The package has errors; nothing was written.')
  const version = String(manifest['version'])
  if (!/^[0-9A-Za-z.+-]+$/.test(version))
    throw new Error(`manifest.json version ${version} cannot be used in a file name.`)
  const variant = options.oauth ? '-salesforce-oauth' : options.allowDomains.length > 0 ? '-private' : ''
  const target = join(options.out, `success-bridge-${version}${variant}.zip`)
  await zip(staging, files, target)
  const size = statSync(target).size
  console.log(`${target}\n${(size / 1024).toFixed(1)} KB, ${files.length} files`)
  if (options.allowDomains.length > 0)
    console.log(`private package; domainWhitelist: ${(manifest['domainWhitelist'] as string[]).join(', ')}`)
  if (options.oauth)
    console.log(
      `private Salesforce OAuth package; sign-in at ${String((manifest['oauth'] as Record<string, unknown>)['authorize_uri'])}`
    )
} catch (cause) {
  console.error(`✖ ${(cause as Error).message}`)
  process.exitCode = 1
} finally {
  rmSync(staging, { recursive: true, force: true })
}
