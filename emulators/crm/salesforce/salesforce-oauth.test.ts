import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_OAUTH_CLIENT, startCrmEmulator, type CrmEmulator } from '../create-crm-emulator'

let crm: CrmEmulator
const REDIRECT = 'https://zis.zendesk.com/api/services/zis/connections/oauth/callback'
const ACCOUNTS = '/services/data/v62.0/query?q=SELECT+Id+FROM+Account+LIMIT+1'

beforeAll(async () => {
  crm = await startCrmEmulator()
})
afterAll(() => crm.close())
beforeEach(() => crm.reset())

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

/** The admin's part: Allow on the authorize page, which redirects to Zendesk's callback with a code. */
async function authorize(scope = 'api refresh_token'): Promise<string> {
  const query = {
    response_type: 'code',
    client_id: DEMO_OAUTH_CLIENT.clientId,
    redirect_uri: REDIRECT,
    scope,
    state: 's-1',
  }
  const page = await fetch(`${crm.url}/services/oauth2/authorize?${new URLSearchParams(query).toString()}`)
  expect(await page.text()).toContain('Allow')
  const allowed = await fetch(`${crm.url}/services/oauth2/authorize`, { ...form(query), redirect: 'manual' })
  expect(allowed.status).toBe(302)
  const location = new URL(allowed.headers.get('location') ?? '')
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT)
  expect(location.searchParams.get('state')).toBe('s-1')
  return location.searchParams.get('code') ?? ''
}

async function token(fields: Record<string, string>) {
  const res = await fetch(`${crm.url}/services/oauth2/token`, form({ ...fields }))
  return { status: res.status, body: (await res.json()) as Record<string, string> }
}
const client = { client_id: DEMO_OAUTH_CLIENT.clientId, client_secret: DEMO_OAUTH_CLIENT.clientSecret }
const api = (accessToken: string) =>
  fetch(`${crm.url}${ACCOUNTS}`, { headers: { Authorization: `Bearer ${accessToken}` } })

describe('Salesforce OAuth web-server flow', () => {
  it("answers the code exchange with Salesforce's fields and no expires_in, and the access token opens the API", async () => {
    const code = await authorize()
    const answer = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client })
    expect(answer.status).toBe(200)
    expect(Object.keys(answer.body).sort()).toEqual(
      [
        'access_token',
        'id',
        'instance_url',
        'issued_at',
        'refresh_token',
        'scope',
        'signature',
        'token_type',
      ].sort()
    )
    expect(answer.body).toMatchObject({
      token_type: 'Bearer',
      instance_url: crm.url,
      scope: 'api refresh_token',
    })
    expect((await api(answer.body['access_token'] ?? '')).status).toBe(200)
    // A code is good once.
    expect(
      (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client })).body
    ).toEqual({
      error: 'invalid_grant',
      error_description: 'authentication failure',
    })
  })

  it('issues no refresh token without the refresh_token scope', async () => {
    const code = await authorize('api')
    const answer = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client })
    expect(answer.body).not.toHaveProperty('refresh_token')
  })

  it("expires sessions on demand with Salesforce's 401 body; the refresh token renews them until it is revoked", async () => {
    const code = await authorize()
    const first = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client }))
      .body
    crm.expireAccessTokens()
    const expired = await api(first['access_token'] ?? '')
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ])

    const renewed = await token({
      grant_type: 'refresh_token',
      refresh_token: first['refresh_token'] ?? '',
      ...client,
    })
    expect(renewed.status).toBe(200)
    expect(renewed.body).not.toHaveProperty('refresh_token')
    expect(renewed.body).not.toHaveProperty('expires_in')
    expect((await api(renewed.body['access_token'] ?? '')).status).toBe(200)

    crm.revokeRefreshTokens()
    expect((await api(renewed.body['access_token'] ?? '')).status).toBe(401)
    expect(
      await token({ grant_type: 'refresh_token', refresh_token: first['refresh_token'] ?? '', ...client })
    ).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
    })
    expect(crm.oauthGrants().map(({ grantType, status }) => `${grantType} ${status}`)).toEqual([
      'authorization_code 200',
      'refresh_token 200',
      'refresh_token 400',
    ])
  })

  it('refuses another client, or the right one with a wrong secret', async () => {
    const code = await authorize()
    expect(
      await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        ...client,
        client_secret: 'nope',
      })
    ).toEqual({
      status: 400,
      body: { error: 'invalid_client', error_description: 'invalid client credentials' },
    })
    const page = await fetch(
      `${crm.url}/services/oauth2/authorize?response_type=code&client_id=other&redirect_uri=${REDIRECT}`
    )
    expect(page.status).toBe(400)
  })
})
