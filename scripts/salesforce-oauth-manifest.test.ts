import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loginHostProblem, salesforceOAuthManifest } from './salesforce-oauth-manifest'

type Json = Record<string, unknown>
const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../manifest.json'), 'utf8')) as Json
const credentials = { clientId: '3MVG9consumerKey', clientSecret: 'consumer-value-0123456789' }
const names = (m: Json) => (m['parameters'] as Json[]).map((param) => param['name'])

describe('salesforceOAuthManifest', () => {
  it("adds Zendesk's oauth block for login.salesforce.com with the refresh_token scope", () => {
    const oauth = salesforceOAuthManifest(manifest, { ...credentials, loginHost: 'login.salesforce.com' })
    expect(oauth['oauth']).toEqual({
      client_id: '3MVG9consumerKey',
      client_secret: 'consumer-value-0123456789',
      authorize_uri: 'https://login.salesforce.com/services/oauth2/authorize',
      access_token_uri: 'https://login.salesforce.com/services/oauth2/token',
      scope: 'api refresh_token',
    })
  })

  it('puts one oauth parameter, not secure, where crm_api_token was, and keeps every other parameter', () => {
    const oauth = salesforceOAuthManifest(manifest, { ...credentials, loginHost: 'login.salesforce.com' })
    const params = oauth['parameters'] as Json[]
    expect(params.filter((param) => param['type'] === 'oauth')).toEqual([
      { name: 'salesforce_oauth', type: 'oauth', required: true },
    ])
    expect(names(oauth)).toEqual(
      names(manifest).map((name) => (name === 'crm_api_token' ? 'salesforce_oauth' : name))
    )
    expect(manifest['oauth']).toBeUndefined()
    expect(names(manifest)).toContain('crm_api_token')
  })

  it('signs in at a sandbox or My Domain host when asked', () => {
    for (const host of ['test.salesforce.com', 'acme.my.salesforce.com']) {
      const oauth = salesforceOAuthManifest(manifest, { ...credentials, loginHost: host })['oauth'] as Json
      expect(oauth['authorize_uri']).toBe(`https://${host}/services/oauth2/authorize`)
      expect(oauth['access_token_uri']).toBe(`https://${host}/services/oauth2/token`)
    }
  })

  it('refuses empty credentials and login hosts that are not a bare salesforce.com host', () => {
    expect(() =>
      salesforceOAuthManifest(manifest, {
        clientId: ' ',
        clientSecret: 'x',
        loginHost: 'login.salesforce.com',
      })
    ).toThrow(/client ID and client secret/)
    expect(loginHostProblem('https://login.salesforce.com')).toMatch(/without https/)
    expect(loginHostProblem('login.salesforce.com/services')).toMatch(/without a path/)
    expect(loginHostProblem('login.evil.example')).toMatch(/not a salesforce.com host/)
    expect(loginHostProblem('login.salesforce.com')).toBeNull()
  })
})
