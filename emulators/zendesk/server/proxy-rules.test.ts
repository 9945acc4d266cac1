import { describe, expect, it } from 'vitest'
import { substituteSettings, UnknownSettingError } from './substitute-settings'
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
  })
  it('adds the extra hosts the local stack allows', () => {
    expect(isWhitelisted('127.0.0.1', list, ['127.0.0.1'])).toBe(true)
    expect(isWhitelisted('localhost', list, ['127.0.0.1'])).toBe(false)
  })
})

describe('substituteSettings', () => {
  const settings = { crm_api_token: 's3cret', crm_base_url: 'https://acme.my.salesforce.com' }
  const parameters = { crm_api_token: { secure: true, scopes: ['header'] }, crm_base_url: { secure: false, scopes: [] } }

  it('inserts a secure setting only in a secure request and only where its scopes allow', () => {
    expect(substituteSettings('Bearer {{setting.crm_api_token}}', 'header', true, settings, parameters)).toEqual({ text: 'Bearer s3cret', substitutedSecure: true })
    expect(substituteSettings('Bearer {{setting.crm_api_token}}', 'header', false, settings, parameters).text).toBe('Bearer {{setting.crm_api_token}}')
    expect(substituteSettings('{"t":"{{setting.crm_api_token}}"}', 'body', true, settings, parameters).text).toBe('{"t":"{{setting.crm_api_token}}"}')
  })
  it('inserts non-secure settings anywhere and refuses unknown names', () => {
    expect(substituteSettings('{{setting.crm_base_url}}/x', 'url', false, settings, parameters).text).toBe('https://acme.my.salesforce.com/x')
    expect(() => substituteSettings('{{setting.nope}}', 'header', true, settings, parameters)).toThrow(UnknownSettingError)
  })
})
