import { describe, expect, it } from 'vitest'
import type { ParameterRule } from './app-manifest'
import { installationSettings, redactSecrets } from './installation-settings'
import {
  NoOAuthTokenError,
  substituteSettings,
  UnknownSettingError,
  type SubstitutionContext,
} from './substitute-settings'
import { isWhitelisted } from './whitelist'

describe('isWhitelisted', () => {
  const list = ['*.my.salesforce.com', 'api.hubapi.com']
  it('matches exact hosts and any depth under a wildcard, not the bare suffix or lookalikes', () => {
    expect(isWhitelisted('api.hubapi.com', list, [])).toBe(true)
    expect(isWhitelisted('acme.my.salesforce.com', list, [])).toBe(true)
    expect(isWhitelisted('acme--uat.sandbox.my.salesforce.com', list, [])).toBe(true)
    expect(isWhitelisted('my.salesforce.com', list, [])).toBe(false)
    expect(isWhitelisted('evilmy.salesforce.com', list, [])).toBe(false)
    expect(isWhitelisted('api.hubapi.com.evil.example', list, [])).toBe(false)
    expect(isWhitelisted('eu.api.hubapi.com', list, [])).toBe(false)
  })
  it('compares hostnames case-insensitively and ignores a trailing dot', () => {
    expect(isWhitelisted('ACME.My.Salesforce.com', list, [])).toBe(true)
    expect(isWhitelisted('api.hubapi.com.', list, [])).toBe(true)
  })
  it('reads entries written with a scheme or port by their hostname only', () => {
    expect(isWhitelisted('api.example.com', ['https://api.example.com'], [])).toBe(true)
    expect(isWhitelisted('api.example.com', ['api.example.com:8443'], [])).toBe(true)
  })
  it('adds the extra hosts the local stack allows, exactly, whatever the port', () => {
    expect(isWhitelisted('127.0.0.1', list, ['127.0.0.1'])).toBe(true)
    expect(isWhitelisted('127.0.0.1', list, ['127.0.0.1:4010'])).toBe(true)
    expect(isWhitelisted('localhost', list, ['127.0.0.1'])).toBe(false)
    expect(isWhitelisted('127.0.0.10', list, ['127.0.0.1'])).toBe(false)
  })
  it('allows nothing with an empty list', () => {
    expect(isWhitelisted('api.hubapi.com', [], [])).toBe(false)
    expect(isWhitelisted('', list, [''])).toBe(false)
  })
})

describe('substituteSettings', () => {
  const settings = {
    crm_api_token: 's3cret',
    crm_base_url: 'https://acme.my.salesforce.com',
    body_key: 'b0dy',
    open_key: 'any',
    limit: 5,
  }
  const parameters = new Map<string, ParameterRule>([
    ['crm_api_token', { secure: true, scopes: ['header'], defaultValue: undefined }],
    ['body_key', { secure: true, scopes: ['body', 'url'], defaultValue: undefined }],
    ['open_key', { secure: true, scopes: null, defaultValue: undefined }],
    ['crm_base_url', { secure: false, scopes: null, defaultValue: undefined }],
    ['limit', { secure: false, scopes: null, defaultValue: undefined }],
  ])
  const secure: SubstitutionContext = { secureRequest: true, settings, parameters }
  const notSecure: SubstitutionContext = { secureRequest: false, settings, parameters }

  it('inserts a secure setting only in a secure request and only where its scopes allow', () => {
    expect(substituteSettings('Bearer {{setting.crm_api_token}}', 'header', secure)).toEqual({
      text: 'Bearer s3cret',
      substitutedSecure: true,
    })
    expect(substituteSettings('Bearer {{setting.crm_api_token}}', 'header', notSecure)).toEqual({
      text: 'Bearer {{setting.crm_api_token}}',
      substitutedSecure: false,
    })
    expect(substituteSettings('{"t":"{{setting.crm_api_token}}"}', 'body', secure).text).toBe(
      '{"t":"{{setting.crm_api_token}}"}'
    )
    expect(substituteSettings('/x?t={{setting.crm_api_token}}', 'url', secure).text).toBe(
      '/x?t={{setting.crm_api_token}}'
    )
  })
  it('honours body and url scopes, and keeps such a setting out of headers', () => {
    expect(substituteSettings('{"k":"{{setting.body_key}}"}', 'body', secure)).toEqual({
      text: '{"k":"b0dy"}',
      substitutedSecure: true,
    })
    expect(substituteSettings('/x?k={{setting.body_key}}', 'url', secure).text).toBe('/x?k=b0dy')
    expect(substituteSettings('{{setting.body_key}}', 'header', secure)).toEqual({
      text: '{{setting.body_key}}',
      substitutedSecure: false,
    })
  })
  it('lets a secure setting without scopes go anywhere in a secure request (Zendesk warns about exactly that)', () => {
    expect(substituteSettings('{{setting.open_key}}', 'header', secure).text).toBe('any')
    expect(substituteSettings('{{setting.open_key}}', 'body', secure).text).toBe('any')
    expect(substituteSettings('{{setting.open_key}}', 'body', notSecure).text).toBe('{{setting.open_key}}')
  })
  it('inserts non-secure settings anywhere, secure request or not, numbers as text', () => {
    expect(substituteSettings('{{setting.crm_base_url}}/x', 'url', notSecure)).toEqual({
      text: 'https://acme.my.salesforce.com/x',
      substitutedSecure: false,
    })
    expect(substituteSettings('n={{setting.limit}}', 'header', secure)).toEqual({
      text: 'n=5',
      substitutedSecure: false,
    })
  })
  it('refuses a name that is neither a parameter nor a setting, secure request or not', () => {
    expect(() => substituteSettings('{{setting.nope}}', 'header', secure)).toThrow(UnknownSettingError)
    expect(() => substituteSettings('{{setting.nope}}', 'body', notSecure)).toThrow('unknown setting nope')
  })
  it('leaves other braces alone', () => {
    expect(
      substituteSettings('{{settings.crm_api_token}} {{ setting.limit }} {"a":{"b":1}}', 'body', secure).text
    ).toBe('{{settings.crm_api_token}} {{ setting.limit }} {"a":{"b":1}}')
  })
})

describe('installationSettings', () => {
  const parameters = new Map<string, ParameterRule>([
    ['crm_api_token', { secure: true, scopes: ['header'], defaultValue: undefined }],
    ['crm_provider', { secure: false, scopes: null, defaultValue: 'salesforce' }],
    ['health_risk_below', { secure: false, scopes: null, defaultValue: 50 }],
  ])
  const manifest = { parameters }

  it('gives the iframe every setting except secure ones, with manifest defaults filled in', () => {
    const result = installationSettings(manifest, { crm_api_token: 'tok', health_risk_below: 40 })
    expect(result.public).toEqual({ crm_provider: 'salesforce', health_risk_below: 40 })
    expect(result.all).toEqual({ crm_provider: 'salesforce', health_risk_below: 40, crm_api_token: 'tok' })
    expect(result.secretValues).toEqual(['tok'])
  })
  it('masks every secret value in text it reports', () => {
    expect(redactSecrets('connect ECONNREFUSED tok.example tok', ['tok'])).toBe(
      'connect ECONNREFUSED [secure setting].example [secure setting]'
    )
  })
})

describe('the oauth parameter', () => {
  const parameters = new Map<string, ParameterRule>([
    ['salesforce_oauth', { type: 'oauth', secure: false, scopes: null, defaultValue: undefined }],
    ['crm_base_url', { secure: false, scopes: null, defaultValue: undefined }],
  ])
  const installed = installationSettings(
    { parameters },
    { crm_base_url: 'https://x.example', salesforce_oauth: 'typed' }
  )
  const context = (secureRequest: boolean, accessToken: string | null): SubstitutionContext => ({
    secureRequest,
    settings: installed.all,
    parameters,
    oauth: { parameter: 'salesforce_oauth', accessToken },
  })

  it('is the access token Zendesk holds, in the headers of secure requests only', () => {
    expect(
      substituteSettings('Bearer {{setting.salesforce_oauth}}', 'header', context(true, '00D!live'))
    ).toEqual({
      text: 'Bearer 00D!live',
      substitutedSecure: true,
      substitutedOAuth: true,
    })
    for (const [scope, secure] of [
      ['header', false],
      ['body', true],
      ['url', true],
    ] as const)
      expect(
        substituteSettings('{{setting.salesforce_oauth}}', scope, context(secure, '00D!live')).text
      ).toBe('{{setting.salesforce_oauth}}')
  })

  it('stops a request before anyone authorised the installation', () => {
    expect(() =>
      substituteSettings('Bearer {{setting.salesforce_oauth}}', 'header', context(true, null))
    ).toThrow(NoOAuthTokenError)
  })

  it('shows the iframe the parameter with an empty value, whatever was typed for it', () => {
    expect(installed.public).toEqual({ crm_base_url: 'https://x.example', salesforce_oauth: '' })
  })
})
