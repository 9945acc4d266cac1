import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { openPromise, type Entry } from 'yauzl'
import { DEMO_OAUTH_CLIENT } from '../../emulators/crm/create-crm-emulator'

const root = resolve(import.meta.dirname, '../..')

export interface OAuthPackage {
  /** The unzipped package, for the emulated Zendesk's appDir. */
  readonly dir: string
  dispose(): void
}

/**
 * The Salesforce OAuth package exactly as an admin builds it (`npm run package -- --salesforce-oauth`
 * over the built app in `appDir`, for the emulated org's External Client App, credentials from the
 * environment), unzipped, so the emulated Zendesk installs the real zip's contents. Its sign-in and
 * token URLs name login.salesforce.com; the emulated Zendesk's `hostAliases` send them to the CRM
 * emulator.
 */
export async function buildOAuthPackage(appDir: string): Promise<OAuthPackage> {
  const work = mkdtempSync(join(tmpdir(), 'oauth-package-'))
  const run = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/package.ts', '--no-build', '--dir', appDir, '--out', join(work, 'zip'), '--salesforce-oauth'],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        SB_SF_CLIENT_ID: DEMO_OAUTH_CLIENT.clientId,
        SB_SF_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
      },
    }
  )
  const zip =
    run.status === 0
      ? readdirSync(join(work, 'zip')).find((name) => name.endsWith('-salesforce-oauth.zip'))
      : undefined
  if (!zip) {
    rmSync(work, { recursive: true, force: true })
    throw new Error(`npm run package -- --salesforce-oauth failed:\n${run.stdout}\n${run.stderr}`)
  }
  const dir = join(work, 'app')
  await unzip(join(work, 'zip', zip), dir)
  return { dir, dispose: () => rmSync(work, { recursive: true, force: true }) }
}

async function unzip(zipPath: string, into: string): Promise<void> {
  const zip = await openPromise(zipPath, { lazyEntries: true })
  await new Promise<void>((done, fail) => {
    zip.on('entry', (entry: Entry) => {
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
}
