import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { ValidPackage } from '../fixtures/valid-package'
import { validatePackage } from '../validate-package'

const author = (manifest: Record<string, unknown>) => manifest['author'] as Record<string, unknown>

const cases: BrokenCase[] = [
  {
    name: 'no manifest.json',
    expected: 'error manifest/missing',
    breakIt: (pkg) => pkg.remove('manifest.json'),
  },
  {
    name: 'manifest.json only in a subfolder',
    expected: 'error manifest/nested',
    // What a zip made from the parent folder looks like to Zendesk: the manifest one level down.
    breakIt: (pkg) => pkg.write('assets/manifest.json', '{}').remove('manifest.json'),
  },
  {
    name: 'manifest.json is not JSON',
    expected: 'error manifest/not-json',
    breakIt: (pkg) => pkg.write('manifest.json', '{"name": '),
  },
  {
    name: 'author.email missing',
    expected: 'error manifest/missing-field',
    breakIt: (pkg) => pkg.manifest((m) => delete author(m)['email']),
  },
  {
    name: 'frameworkVersion missing',
    expected: 'error manifest/missing-field',
    breakIt: (pkg) => pkg.manifest((m) => delete m['frameworkVersion']),
  },
  {
    name: 'version missing (Marketplace)',
    expected: 'error manifest/missing-field',
    breakIt: (pkg) => pkg.manifest((m) => delete m['version']),
  },
  {
    name: 'private is a string',
    expected: 'error manifest/invalid-type',
    breakIt: (pkg) => pkg.manifest((m) => (m['private'] = 'false')),
  },
  {
    name: 'parameters is an object',
    expected: 'error manifest/invalid-type',
    breakIt: (pkg) => pkg.manifest((m) => (m['parameters'] = {})),
  },
  {
    name: 'author.name is a number',
    expected: 'error manifest/invalid-type',
    breakIt: (pkg) => pkg.manifest((m) => (author(m)['name'] = 7)),
  },
  {
    name: 'author.email is no address',
    expected: 'error manifest/invalid-email',
    breakIt: (pkg) => pkg.manifest((m) => (author(m)['email'] = 'apps at fixture')),
  },
  {
    name: 'author.url is no URL',
    expected: 'error manifest/invalid-url',
    breakIt: (pkg) => pkg.manifest((m) => (author(m)['url'] = 'fixture.example')),
  },
  {
    name: 'termsConditionsURL is no URL',
    expected: 'error manifest/invalid-url',
    breakIt: (pkg) => pkg.manifest((m) => (m['termsConditionsURL'] = 'terms')),
  },
  {
    name: 'frameworkVersion 1.0',
    expected: 'error manifest/framework-version',
    breakIt: (pkg) => pkg.manifest((m) => (m['frameworkVersion'] = '1.0')),
  },
  {
    name: 'version is not semver',
    expected: 'error manifest/version',
    breakIt: (pkg) => pkg.manifest((m) => (m['version'] = 'v1')),
  },
  {
    name: 'defaultLocale is malformed',
    expected: 'error manifest/default-locale',
    breakIt: (pkg) => pkg.manifest((m) => (m['defaultLocale'] = 'English')),
  },
  {
    name: 'defaultLocale has no translation file',
    expected: 'error manifest/missing-translation-file',
    breakIt: (pkg) => pkg.manifest((m) => (m['defaultLocale'] = 'fr')),
  },
  {
    name: 'noTemplate is set',
    expected: 'error manifest/no-template',
    breakIt: (pkg) => pkg.manifest((m) => (m['noTemplate'] = true)),
  },
  {
    name: 'an experiment the Marketplace does not allow',
    expected: 'error manifest/invalid-experiment',
    breakIt: (pkg) => pkg.manifest((m) => (m['experiments'] = { hashParams: true, unknownThing: true })),
  },
  {
    name: 'oauth block without client_secret',
    expected: 'error manifest/oauth-missing-field',
    breakIt: (pkg) =>
      pkg
        .manifest((m) => {
          m['oauth'] = {
            client_id: 'id',
            authorize_uri: 'https://crm.example/authorize',
            access_token_uri: 'https://crm.example/token',
          }
          ;(m['parameters'] as unknown[]).push({ name: 'crm_oauth', type: 'oauth' })
        })
        .app(
          'en',
          (app) => ((app['parameters'] as Record<string, unknown>)['crm_oauth'] = { label: 'CRM login' })
        ),
  },
  {
    name: 'oauth block with an empty client_id and no authorize_uri',
    expected: 'error manifest/oauth-missing-field',
    // Zendesk's own keyword warning for the client_secret key in manifest.json.
    zendeskAlso: ['warning zendesk/secret-keywords'],
    breakIt: (pkg) =>
      pkg
        .manifest((m) => {
          m['oauth'] = { client_id: '', client_secret: 'x', access_token_uri: 'https://crm.example/token' }
          ;(m['parameters'] as unknown[]).push({ name: 'crm_oauth', type: 'oauth' })
        })
        .app(
          'en',
          (app) => ((app['parameters'] as Record<string, unknown>)['crm_oauth'] = { label: 'CRM login' })
        ),
  },
]

describe('manifest fields', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it('names every missing or empty oauth field, in Zendesk wording', () => {
    const pkg = new ValidPackage().manifest((m) => {
      m['oauth'] = { client_id: '', client_secret: 'x' }
      ;(m['parameters'] as unknown[]).push({ name: 'crm_oauth', type: 'oauth' })
    })
    try {
      expect(validatePackage(pkg.dir).map((finding) => finding.message)).toContain(
        'Missing required oauth fields in manifest: client_id, authorize_uri, access_token_uri'
      )
    } finally {
      pkg.dispose()
    }
  })

  it('names the missing field in Zendesk wording', () => {
    const pkg = new ValidPackage().manifest((m) => delete m['defaultLocale'])
    try {
      expect(validatePackage(pkg.dir)).toEqual([
        {
          rule: 'manifest/missing-field',
          severity: 'error',
          file: 'manifest.json',
          message: 'Missing required field in manifest: defaultLocale',
        },
      ])
    } finally {
      pkg.dispose()
    }
  })
})
