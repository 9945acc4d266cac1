import { spawnSync } from 'node:child_process'
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPromise, type Entry } from 'yauzl'
import { buildForProduction } from './build-production'
import { formatText } from './validate/report'
import { readPackageFiles } from './validate/package-files'
import { validatePackage } from './validate/validate-package'

/**
 * `npm run package` on our real build: the zip holds exactly what Zendesk serves and passes the
 * validator with only the explained library warnings. Builds its own production bundle in a temp
 * folder (never reusing dist/, which may be stale or a development build, and which other runs may
 * be rewriting), then adds junk, so the exclusions are exercised too.
 */
const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'validate-package-'))
const source = join(work, 'dist')
let distFiles: string[] = []

const runPackage = (...args: string[]) =>
  spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/package.ts', '--no-build', '--dir', source, ...args],
    { cwd: root, encoding: 'utf8' }
  )

/** Extracts every entry of the zip into `into` and returns the entry names in zip order. */
async function unzip(zipPath: string, into: string): Promise<string[]> {
  const zip = await openPromise(zipPath, { lazyEntries: true })
  const names: string[] = []
  await new Promise<void>((done, fail) => {
    zip.on('entry', (entry: Entry) => {
      names.push(entry.fileName)
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error)
        mkdirSync(dirname(join(into, entry.fileName)), { recursive: true })
        pipeline(stream, createWriteStream(join(into, entry.fileName))).then(() => zip.readEntry(), fail)
      })
    })
    zip.on('end', done)
    zip.on('error', fail)
    zip.readEntry()
  })
  return names
}

beforeAll(() => {
  // Vitest runs this with NODE_ENV=test; the build must be a production one all the same.
  buildForProduction(source)
  distFiles = [...readPackageFiles(source).files]
  // What must never ship, whatever ends up next to the build.
  writeFileSync(join(source, 'assets/.DS_Store'), 'junk')
  writeFileSync(
    join(source, 'assets/index.js.map'),
    '{"version":3,"sources":["../src/main.ts"],"mappings":""}'
  )
  writeFileSync(join(source, 'assets/settings.local.json'), '{"crm_api_token":"local"}')
  writeFileSync(join(source, 'zcli.apps.config.json'), '{"parameters":{"crm_api_token":"local"}}')
  writeFileSync(join(source, 'README.md'), '# notes\n')
  mkdirSync(join(source, 'tmp'))
  writeFileSync(join(source, 'tmp/app-20260101000000.zip'), 'PK\u0003\u0004')
}, 180_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('npm run package', () => {
  it('zips exactly manifest, translations and assets of the build, and the zip validates with 0 errors and 0 warnings', async () => {
    const out = join(work, 'out')
    const run = runPackage('--out', out)
    expect(run.stderr).not.toContain('✖')
    expect(run.status).toBe(0)
    const version = (JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as { version: string })
      .version
    const zipPath = join(out, `success-bridge-${version}.zip`)
    expect(run.stdout).toContain(zipPath)
    expect(run.stdout).toMatch(new RegExp(`KB, ${distFiles.length} files`))

    const unzipped = join(work, 'unzipped')
    const entries = await unzip(zipPath, unzipped)
    expect(entries).toEqual([...distFiles].sort())
    expect(entries).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'translations/en.json',
        'assets/index.html',
        'assets/logo.png',
        'assets/logo-small.png',
      ])
    )

    const findings = validatePackage(unzipped, { marketplace: true })
    // Nothing of ours: every finding left is a warning that bundled libraries alone cause, with the
    // note saying which (README, "Package and validate"). The formatted report makes a failure say
    // which rule fired and why.
    const ours = findings.filter((finding) => !/From bundled libraries/.test(finding.note ?? ''))
    expect(formatText(ours)).toBe('0 errors, 0 warnings')
    expect(findings.map(({ rule, file }) => `${rule} ${file.replace(/-[\w-]{8}\.js$/, '-*.js')}`)).toEqual([
      'zendesk/insecure-http assets/boot-*.js',
      'zendesk/insecure-http assets/compose-*.js',
      'zendesk/insecure-http assets/escalation-*.js',
      'zendesk/possible-secret assets/boot-*.js',
      'zendesk/possible-secret assets/compose-*.js',
      'zendesk/secret-keywords assets/boot-*.js',
    ])
  }, 60_000)

  it('adds --allow-domain hosts to domainWhitelist and marks that package private', async () => {
    const out = join(work, 'out-private')
    const run = runPackage(
      '--out',
      out,
      '--allow-domain',
      'crm.internal.example',
      '--allow-domain',
      'api.hubapi.com'
    )
    expect(run.status).toBe(0)
    const zipPath = run.stdout.split('\n').find((line) => line.endsWith('-private.zip')) ?? ''
    const unzipped = join(work, 'unzipped-private')
    await unzip(zipPath, unzipped)
    const built = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as {
      domainWhitelist: string[]
    }
    const shipped = JSON.parse(readFileSync(join(unzipped, 'manifest.json'), 'utf8')) as {
      domainWhitelist: string[]
      private: boolean
    }
    expect(shipped.private).toBe(true)
    expect(shipped.domainWhitelist).toEqual([
      ...new Set([...built.domainWhitelist, 'crm.internal.example', 'api.hubapi.com']),
    ])
    expect(
      validatePackage(unzipped, { marketplace: true }).filter((finding) => finding.severity === 'error')
    ).toEqual([])
  }, 60_000)

  it('refuses an --allow-domain that is not a bare host, and writes nothing', () => {
    const out = join(work, 'out-bad-host')
    const run = runPackage('--out', out, '--allow-domain', 'https://crm.internal.example/api')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('has a scheme')
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('aborts on a validation error and writes nothing', () => {
    const broken = join(work, 'broken')
    cpSync(source, broken, { recursive: true })
    rmSync(join(broken, 'assets/logo.png'))
    const out = join(work, 'out-broken')
    const run = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      ['scripts/package.ts', '--no-build', '--dir', broken, '--out', out],
      { cwd: root, encoding: 'utf8' }
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('[assets/missing-logo]')
    expect(run.stderr).toContain('The package has errors; nothing was written.')
    expect(existsSync(out)).toBe(false)
  }, 60_000)
})
