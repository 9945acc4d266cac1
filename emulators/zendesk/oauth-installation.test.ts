import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_OAUTH_CLIENT, startCrmEmulator, type CrmEmulator } from '../crm/create-crm-emulator'
import { startZendeskEmulator, type ZendeskEmulator } from './create-zendesk-emulator'

// The installation page of an app with a manifest oauth block, over HTTP: what it shows, and the
// callback refusing what it did not start. (The whole flow in a browser: tests/e2e/salesforce-oauth.)
const appDir = mkdtempSync(join(tmpdir(), 'sb-oauth-install-'))
let crm: CrmEmulator
let zendesk: ZendeskEmulator

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as {
    parameters: { name: string }[]
  }
  writeFileSync(
    join(appDir, 'manifest.json'),
    JSON.stringify({
      ...manifest,
      oauth: {
        client_id: DEMO_OAUTH_CLIENT.clientId,
        client_secret: DEMO_OAUTH_CLIENT.clientSecret,
        authorize_uri: 'https://login.salesforce.com/services/oauth2/authorize',
        access_token_uri: 'https://login.salesforce.com/services/oauth2/token',
        scope: 'api refresh_token',
      },
      parameters: [
        ...manifest.parameters.filter((p) => p.name !== 'crm_api_token'),
        { name: 'salesforce_oauth', type: 'oauth' },
      ],
    })
  )
  mkdirSync(join(appDir, 'translations'))
  writeFileSync(
    join(appDir, 'translations/en.json'),
    JSON.stringify({ app: { parameters: { salesforce_oauth: { label: 'Salesforce <b>connection</b>' } } } })
  )
  crm = await startCrmEmulator()
  zendesk = await startZendeskEmulator({
    appDir,
    settings: { crm_provider: 'salesforce', crm_base_url: crm.url },
    extraWhitelist: ['127.0.0.1'],
    hostAliases: { 'login.salesforce.com': crm.url },
  })
})
afterAll(async () => {
  await zendesk.close()
  await crm.close()
  rmSync(appDir, { recursive: true, force: true })
})
beforeEach(() => zendesk.reset())

describe('the installation page', () => {
  it("shows the oauth parameter's label as text, not connected, with a Sign in that goes to the provider", async () => {
    const page = await (await fetch(zendesk.installationUrl())).text()
    expect(page).toContain('Salesforce &#60;b&#62;connection&#60;/b&#62;')
    expect(page).toContain('<p data-testid="oauth-status">Not connected</p>')
    const start = await fetch(`${zendesk.hostUrl}/admin/apps/installation/oauth/start`, {
      redirect: 'manual',
    })
    const target = new URL(start.headers.get('location') ?? '')
    expect(`${target.origin}${target.pathname}`).toBe(`${crm.url}/services/oauth2/authorize`)
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: DEMO_OAUTH_CLIENT.clientId,
      redirect_uri: `${zendesk.hostUrl}/api/services/zis/connections/oauth/callback`,
      scope: 'api refresh_token',
    })
    // The client secret goes only to the token endpoint, never into a browser's address bar.
    expect(start.headers.get('location')).not.toContain(DEMO_OAUTH_CLIENT.clientSecret)
  })

  it('refuses a callback whose state it never issued, and stays unconnected', async () => {
    const answer = await fetch(
      `${zendesk.hostUrl}/api/services/zis/connections/oauth/callback?code=x&state=forged`
    )
    expect(answer.status).toBe(400)
    expect(await answer.text()).toContain('does not match a sign-in we started')
    expect(zendesk.oauthConnected()).toBe(false)
    expect(crm.oauthGrants()).toEqual([])
  })
})
