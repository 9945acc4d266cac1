import { describe, expect, it } from 'vitest'
import { findingsAfter, type BrokenCase } from '../fixtures/break-one'

// Our precise checks only: what Zendesk's keyword and pattern warnings say about the same strings is
// tested in zendesk-secrets.test.ts.
const ours = (breakIt: BrokenCase['breakIt']) =>
  findingsAfter(breakIt).filter((finding) => / secrets\//.test(finding))

const js =
  (code: string): BrokenCase['breakIt'] =>
  (pkg) =>
    pkg.write('assets/extra.js', code)

// Built from parts so this test file itself never holds a credential-shaped literal.
const slack = ['xox', 'b-', '1234567890', '-abcdefghij'].join('')
const aws = ['AK', 'IA', 'IOSFODNN7EXAMPLE'].join('')
const stripe = ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('')
const pem = ['-----BEGIN ', 'RSA PRIVATE KEY', '-----\nMIIEow\n-----END RSA PRIVATE KEY-----'].join('')
const salesforce = ['00D5g000004', 'ABCD', '!', 'AQ0AQH2x9k7LmN3pQrStUvWxYz0123456789abcdEFGHijkl'].join('')
const hubspot = ['pat', '-na1-', '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d'].join('')

const cases: BrokenCase[] = [
  { name: 'a Slack token', expected: 'error secrets/token', breakIt: js(`const t="${slack}"`) },
  { name: 'an AWS access key id', expected: 'error secrets/token', breakIt: js(`const k="${aws}"`) },
  { name: 'a live Stripe key', expected: 'error secrets/token', breakIt: js(`const k="${stripe}"`) },
  { name: 'a PEM private key', expected: 'error secrets/token', breakIt: js(`const k=\`${pem}\``) },
  {
    name: 'a Salesforce access token',
    expected: 'error secrets/token',
    breakIt: js(`headers.Authorization="Bearer ${salesforce}"`),
  },
  {
    name: 'a HubSpot private-app token',
    expected: 'error secrets/token',
    breakIt: js(`const t="${hubspot}"`),
  },
  {
    name: 'a key in a translation file',
    expected: 'error secrets/token',
    breakIt: (pkg) => pkg.app('en', (app) => (app['long_description'] = `Use ${aws} to start.`)),
  },
  {
    name: 'a random literal assigned to apiKey',
    expected: 'warning secrets/assigned-literal',
    breakIt: js('const config={apiKey:"q8Zt3LmW9xV2pR7kN4bY6cJ1"}'),
  },
  {
    name: 'a random literal assigned to "client_secret"',
    expected: 'warning secrets/assigned-literal',
    breakIt: js('{"client_secret": "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"}'),
  },
]

describe('secrets', () => {
  it.each(cases)('$name → $expected', ({ breakIt, expected }) => {
    expect(ours(breakIt)).toEqual([expected])
  })

  it.each([
    [
      'a {{setting.}} placeholder',
      'const headers={Authorization:"Bearer {{setting.crm_api_token}}", apiToken:"{{setting.crm_api_token}}"}',
    ],
    [
      'React/axios-style words',
      'const e="password",n="SECRET_DO_NOT_PASS_THIS_OR_YOU_WILL_BE_FIRED",xsrfCookieName="XSRF-TOKEN",tokenType="Bearer";',
    ],
    ['an identifier-like value', 'const secretKeyName="crm_api_token_header_name"'],
    ['a short value', 'const password="hunter2"'],
  ])('lets %s through', (_name, code) => {
    expect(ours(js(code))).toEqual([])
  })
})
