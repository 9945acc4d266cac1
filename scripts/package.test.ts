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

const runPackage = (...args: (string | { env?: Record<string, string> })[]) => {
  const env = args.find((arg): arg is { env?: Record<string, string> } => typeof arg !== 'string')?.env
  return spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/package.ts', '--no-build', '--dir', source, ...args.filter((arg) => typeof arg === 'string')],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }
  )
}

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

  describe('--salesforce-oauth', () => {
    // Shaped like a Salesforce consumer secret, built from parts so this file holds none.
    const secret = ['9C1F', '0E2D3C4B5A69788796A5B4C3D2E1F0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3'].join('')
    const env = { SB_SF_CLIENT_ID: '3MVG9packageTestKey', SB_SF_CLIENT_SECRET: secret }

    it('writes a separate private zip with the oauth block, from environment variables, that validates with nothing of ours', async () => {
      const out = join(work, 'out-oauth')
      const run = runPackage(
        { env },
        '--out',
        out,
        '--salesforce-oauth',
        '--salesforce-login-host',
        'test.salesforce.com'
      )
      expect(run.stderr).not.toContain('✖')
      expect(run.status).toBe(0)
      const zipPath = run.stdout.split('\n').find((line) => line.endsWith('-salesforce-oauth.zip')) ?? ''
      expect(zipPath).not.toBe('')
      // The secret is never printed: it would end up in CI logs.
      expect(run.stdout + run.stderr).not.toContain(secret)

      const unzipped = join(work, 'unzipped-oauth')
      const entries = await unzip(zipPath, unzipped)
      expect(entries).toEqual([...distFiles].sort())
      const shipped = JSON.parse(readFileSync(join(unzipped, 'manifest.json'), 'utf8')) as {
        private: boolean
        oauth: Record<string, string>
        parameters: { name: string; type?: string; secure?: boolean }[]
      }
      expect(shipped.private).toBe(true)
      expect(shipped.oauth).toEqual({
        client_id: '3MVG9packageTestKey',
        client_secret: secret,
        authorize_uri: 'https://test.salesforce.com/services/oauth2/authorize',
        access_token_uri: 'https://test.salesforce.com/services/oauth2/token',
        scope: 'api refresh_token',
      })
      expect(shipped.parameters.filter((param) => param.type === 'oauth')).toEqual([
        { name: 'salesforce_oauth', type: 'oauth', required: true },
      ])
      expect(shipped.parameters.map((param) => param.name)).not.toContain('crm_api_token')
      for (const entry of entries.filter((name) => name !== 'manifest.json'))
        expect(readFileSync(join(unzipped, entry)).includes(secret), entry).toBe(false)

      const findings = validatePackage(unzipped, { marketplace: true })
      const ours = findings.filter(
        (finding) => !/From bundled libraries|From the manifest's oauth block/.test(finding.note ?? '')
      )
      expect(formatText(ours)).toBe('0 errors, 0 warnings')
    }, 60_000)

    it('takes the credentials from options too, and the default package stays as it was', async () => {
      const out = join(work, 'out-oauth-args')
      const run = runPackage(
        {},
        '--out',
        out,
        '--salesforce-oauth',
        '--client-id',
        'id-from-args',
        '--client-secret',
        secret
      )
      expect(run.status).toBe(0)
      const zipPath = run.stdout.split('\n').find((line) => line.endsWith('-salesforce-oauth.zip')) ?? ''
      const unzipped = join(work, 'unzipped-oauth-args')
      await unzip(zipPath, unzipped)
      const shipped = JSON.parse(readFileSync(join(unzipped, 'manifest.json'), 'utf8')) as {
        oauth: Record<string, string>
      }
      expect(shipped.oauth['client_id']).toBe('id-from-args')
      expect(shipped.oauth['authorize_uri']).toBe('https://login.salesforce.com/services/oauth2/authorize')
      expect(JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'))).not.toHaveProperty('oauth')
    }, 60_000)

    it('refuses to build without the consumer key and secret, and writes nothing', () => {
      const out = join(work, 'out-oauth-missing')
      const run = runPackage(
        { env: { SB_SF_CLIENT_ID: '', SB_SF_CLIENT_SECRET: '' } },
        '--out',
        out,
        '--salesforce-oauth'
      )
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('SB_SF_CLIENT_SECRET')
      expect(existsSync(out)).toBe(false)
    }, 60_000)

    it('aborts when the secret is in a shipped file besides manifest.json, and writes nothing', () => {
      const leaky = join(work, 'leaky')
      cpSync(source, leaky, { recursive: true })
      writeFileSync(join(leaky, 'assets/leak.js'), `export const s="${secret}"`)
      const out = join(work, 'out-leaky')
      const run = spawnSync(
        join(root, 'node_modules/.bin/tsx'),
        ['scripts/package.ts', '--no-build', '--dir', leaky, '--out', out, '--salesforce-oauth'],
        { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }
      )
      expect(run.status).toBe(1)
      expect(run.stdout).toContain('[oauth/client-secret-leaked]')
      expect(existsSync(out)).toBe(false)
    }, 60_000)
  })

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
