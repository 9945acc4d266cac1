import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { ValidPackage } from '../fixtures/valid-package'
import { validatePackage } from '../validate-package'

const js =
  (code: string): BrokenCase['breakIt'] =>
  (pkg) =>
    pkg.write('assets/extra.js', code)

// Built from parts so this file itself holds no credential-shaped literal.
const slack = ['xo', 'xb-', '12ab'].join('')
const aws = ['AK', 'IA', 'ABCDEFGH12345678'].join('')

const cases: BrokenCase[] = [
  {
    name: 'a bundled setting label keyed by a token name',
    expected: 'warning zendesk/possible-secret',
    breakIt: js('const m={crm_api_token:{label:"CRM API token"},other:{label:"Other"}}'),
  },
  {
    name: 'a label with "Token-" in a translation file',
    expected: 'warning zendesk/possible-secret',
    breakIt: (pkg) => pkg.app('de', (app) => (app['short_description'] = 'Der Token-Header wird gesendet.')),
  },
  {
    name: 'the word password with text after it',
    expected: 'warning zendesk/possible-secret',
    zendeskAlso: ['warning zendesk/secret-keywords'],
    breakIt: js('const types={email:!0,password:!0,range:!0}'),
  },
  {
    name: 'a keyword inside a longer name (AuthUser)',
    expected: 'warning zendesk/secret-keywords',
    breakIt: js('const transitional={encodeBasicAuthUsername:!1}'),
  },
  {
    name: 'secret at the start of a line',
    expected: 'warning zendesk/possible-secret',
    zendeskAlso: ['warning zendesk/secret-keywords'],
    breakIt: js('const a = 1\nsecret: "abcd1234"\n'),
  },
  {
    name: 'a Slack-like token',
    expected: 'warning zendesk/possible-secret',
    breakIt: js(`const s="${slack}"`),
  },
  {
    name: 'an AWS-like access key id',
    expected: 'warning zendesk/possible-secret',
    breakIt: js(`const k="${aws}"`),
  },
]

describe('zendesk secrets (Zendesk’s own possible-secret warnings)', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt).filter((finding) => finding.includes(' zendesk/'))).toEqual(
      expectedOf(broken)
    )
  })

  it.each([
    [
      'in an SVG',
      (pkg: ValidPackage) =>
        pkg.write('assets/extra.svg', '<svg><title>password: hunter2hunter2</title></svg>'),
    ],
    [
      'in CSS',
      (pkg: ValidPackage) => pkg.write('assets/extra.css', '.password:after{content:"token: abcdef"}'),
    ],
    ['for a keyword in another case', js('const t={Secret:1}')],
    [
      'for a token name without a separator after it',
      js('const t="{{setting.crm_api_token}}",u=apiTokenValue'),
    ],
  ])('says nothing %s', (_name, breakIt) => {
    expect(findingsAfter(breakIt)).toEqual([])
  })

  it('names the secret type, lists keyword files in one warning, and notes library strings', () => {
    const pkg = new ValidPackage()
    try {
      pkg.write(
        'assets/axios.js',
        'const m={timeout:B,withXSRFToken:B,cancelToken:B},t={encodeBasicAuthUsername:!1}'
      )
      pkg.write('assets/ours.js', 'const m={crm_api_token:{label:`CRM API token`}},t={auth_user:1}')
      const found = validatePackage(pkg.dir).map(({ file, message, note }) => ({ file, message, note }))
      expect(found).toEqual([
        {
          file: 'assets/axios.js',
          message:
            'Possible Token found in assets/axios.js. Consider reviewing the contents of this file before submitting your app.',
          note: expect.stringContaining('axios: its config keys withXSRFToken and cancelToken') as string,
        },
        {
          file: 'assets/ours.js',
          message:
            'Possible Token found in assets/ours.js. Consider reviewing the contents of this file before submitting your app.',
          note: undefined,
        },
        {
          file: 'assets/axios.js',
          message:
            "Possible secrets found in assets/axios.js ('AuthUser...'), assets/ours.js ('auth_user...'). Consider reviewing the contents of these files before submitting your app.",
          note: undefined,
        },
      ])
    } finally {
      pkg.dispose()
    }
  })
})
