import { execFileSync, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findingsAfter } from './fixtures/break-one'
import { ValidPackage } from './fixtures/valid-package'
import { validatePackage } from './validate-package'

const root = resolve(import.meta.dirname, '../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')

describe('validatePackage', () => {
  it('passes the valid fixture with 0 errors and 0 warnings', () => {
    expect(findingsAfter(() => {})).toEqual([])
  })

  it('lists errors before warnings', () => {
    const found = findingsAfter((pkg) => pkg.remove('assets/screenshot-0.png').remove('assets/logo.png'))
    expect(found).toEqual(['error assets/missing-logo', 'warning screenshots/missing'])
  })

  it('asks a private app checked without --marketplace only for app.name (no listing texts, no screenshots)', () => {
    const breakIt = (pkg: ValidPackage) =>
      pkg
        .manifest((manifest) => (manifest['private'] = true))
        .remove('assets/screenshot-0.png')
        .app('en', (app) => delete app['long_description'])
    expect(findingsAfter(breakIt, { marketplace: false })).toEqual([])
    expect(findingsAfter(breakIt, { marketplace: true })).toEqual([
      'error translations/missing-key',
      'warning screenshots/missing',
    ])
  })
})

describe('npm run validate (CLI)', () => {
  let pkg: ValidPackage | undefined
  afterEach(() => pkg?.dispose())

  it('prints findings in Zendesk style with a summary and exits 1 on an error', () => {
    pkg = new ValidPackage().manifest((manifest) => {
      delete (manifest['author'] as Record<string, unknown>)['email']
    })
    const run = spawnSync(tsx, ['scripts/validate/main.ts', pkg.dir], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe(
      '✖ error    manifest.json  [manifest/missing-field] Missing required field in manifest: author.email\n1 error, 0 warnings\n'
    )
  })

  it('exits 0 on a valid package and gives machine output with --json', () => {
    pkg = new ValidPackage()
    const out = execFileSync(tsx, ['scripts/validate/main.ts', pkg.dir, '--json'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(JSON.parse(out)).toEqual({ dir: pkg.dir, errors: 0, warnings: 0, findings: [], skipped: [] })
  })

  it("skips zcli's leftover tmp/*.zip like Zendesk does, and says so", () => {
    pkg = new ValidPackage().write('tmp/app-20260101000000.zip', 'PK\u0003\u0004')
    const run = spawnSync(tsx, ['scripts/validate/main.ts', pkg.dir], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(
      "ℹ skipped  tmp/app-20260101000000.zip  (zcli's output folder: Zendesk's validator skips tmp/ too, and npm run package never ships it)\n0 errors, 0 warnings\n"
    )
    // The same zip anywhere else is part of the package, and Zendesk refuses it.
    pkg.write('assets/app.zip', 'PK\u0003\u0004')
    const again = spawnSync(tsx, ['scripts/validate/main.ts', pkg.dir, '--json'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(again.status).toBe(1)
    expect(JSON.parse(again.stdout)).toMatchObject({ errors: 1, skipped: ['tmp/app-20260101000000.zip'] })
  })

  it('reports a missing directory instead of validating nothing', () => {
    const run = spawnSync(tsx, ['scripts/validate/main.ts', '/nonexistent/validate-dir'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('does not exist')
  })
})

describe('validatePackage on a findings list', () => {
  it('names the file and gives a readable message for each finding', () => {
    const pkg = new ValidPackage().app('en', (app) => delete app['parameters'])
    try {
      expect(validatePackage(pkg.dir)).toEqual([
        {
          rule: 'translations/missing-parameter-label',
          severity: 'error',
          file: 'translations/en.json',
          message: expect.stringContaining('app.parameters.crm_base_url.label') as string,
        },
        expect.objectContaining({
          rule: 'translations/missing-parameter-label',
          message: expect.stringContaining('crm_api_token') as string,
        }),
        expect.objectContaining({
          rule: 'translations/missing-parameter-label',
          message: expect.stringContaining('risk_below') as string,
        }),
      ])
    } finally {
      pkg.dispose()
    }
  })
})
