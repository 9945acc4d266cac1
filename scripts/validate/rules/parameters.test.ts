import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { params, type ValidPackage } from '../fixtures/valid-package'

type Json = Record<string, unknown>
const token = (manifest: Json) => params(manifest)[1] as Json
/** Adds a parameter together with its label, so only the manifest rule under test can fire. */
const addParam = (pkg: ValidPackage, param: Json) =>
  pkg
    .manifest((m) => params(m).push(param))
    .app('en', (app) => ((app['parameters'] as Json)[String(param['name'])] = { label: 'A setting' }))

const cases: BrokenCase[] = [
  {
    name: 'a parameter that is not an object',
    expected: 'error parameters/invalid',
    breakIt: (pkg) => pkg.manifest((m) => params(m).push('crm_region' as never)),
  },
  {
    name: 'a name with a dot',
    expected: 'error parameters/invalid-name',
    breakIt: (pkg) => addParam(pkg, { name: 'crm.region', type: 'text' }),
  },
  {
    name: 'the same name twice',
    expected: 'error parameters/duplicate',
    breakIt: (pkg) => pkg.manifest((m) => params(m).push({ name: 'crm_base_url', type: 'url' })),
  },
  {
    name: "a parameter called 'name'",
    expected: 'error parameters/name-as-name',
    breakIt: (pkg) => addParam(pkg, { name: 'name', type: 'text' }),
  },
  {
    name: 'an unknown type',
    expected: 'error parameters/invalid-type',
    breakIt: (pkg) => addParam(pkg, { name: 'crm_region', type: 'dropdown' }),
  },
  {
    name: 'type password (Zendesk wants secure text)',
    expected: 'error parameters/invalid-type',
    zendeskAlso: ['warning zendesk/secret-keywords'],
    breakIt: (pkg) =>
      addParam(pkg, { name: 'crm_login', type: 'password', secure: true, scopes: ['basic_auth_password'] }),
  },
  {
    name: 'required is a string',
    expected: 'error parameters/invalid-type',
    breakIt: (pkg) => pkg.manifest((m) => (token(m)['required'] = 'yes')),
  },
  {
    name: 'hidden and required',
    expected: 'error parameters/hidden-required',
    breakIt: (pkg) => addParam(pkg, { name: 'build_id', type: 'hidden', required: true }),
  },
  {
    name: 'two oauth parameters',
    expected: 'error parameters/too-many-oauth',
    breakIt: (pkg) =>
      addParam(addParam(pkg, { name: 'login_a', type: 'oauth' }), { name: 'login_b', type: 'oauth' }),
  },
  {
    name: 'a secure oauth parameter',
    expected: 'error parameters/oauth-secure',
    breakIt: (pkg) => addParam(pkg, { name: 'login', type: 'oauth', secure: true, scopes: ['header'] }),
  },
  {
    name: 'an oauth block without an oauth parameter',
    expected: 'error parameters/oauth-missing',
    zendeskAlso: ['warning zendesk/secret-keywords'],
    breakIt: (pkg) =>
      pkg.manifest(
        (m) =>
          (m['oauth'] = {
            client_id: 'id',
            client_secret: 'x',
            authorize_uri: 'https://crm.example/a',
            access_token_uri: 'https://crm.example/t',
          })
      ),
  },
  {
    name: 'scopes on a setting that is not secure',
    expected: 'error parameters/scopes-not-secure',
    breakIt: (pkg) => pkg.manifest((m) => ((params(m)[0] as Json)['scopes'] = ['header'])),
  },
  {
    name: 'empty scopes',
    expected: 'error parameters/invalid-scopes',
    breakIt: (pkg) => pkg.manifest((m) => (token(m)['scopes'] = [])),
  },
  {
    name: 'an unknown scope',
    expected: 'error parameters/invalid-scopes',
    breakIt: (pkg) => pkg.manifest((m) => (token(m)['scopes'] = ['header', 'cookie'])),
  },
  {
    name: 'a secure setting without scopes',
    expected: 'warning parameters/missing-scopes',
    breakIt: (pkg) => pkg.manifest((m) => delete token(m)['scopes']),
  },
  {
    name: 'a token-like name that is not secure',
    expected: 'warning parameters/insecure-token',
    breakIt: (pkg) =>
      pkg.manifest((m) => {
        delete token(m)['secure']
        delete token(m)['scopes']
      }),
  },
  {
    name: 'a default on a secure setting',
    expected: 'warning parameters/secure-default',
    breakIt: (pkg) => pkg.manifest((m) => (token(m)['default'] = 'changeme')),
  },
  {
    name: 'a default on a hidden setting',
    expected: 'warning parameters/secure-default',
    breakIt: (pkg) => addParam(pkg, { name: 'build_id', type: 'hidden', default: '42' }),
  },
]

describe('parameters', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it('lets key-like names through when they are not text settings (Zendesk checks text and password only)', () => {
    expect(findingsAfter((pkg) => addParam(pkg, { name: 'show_keyboard_hints', type: 'checkbox' }))).toEqual(
      []
    )
  })
})
