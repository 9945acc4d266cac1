import { describe, expect, it } from 'vitest'
import { createCrm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import type { CustomerContext } from '../../src/domain/customer'
import { parseSettings } from '../../src/settings/app-settings'
import { failureKind, useContractStack } from '../support/contract-stack'
import { signInOverHttp } from '../support/oauth-sign-in'
import { proxyZafClient } from '../support/proxy-zaf-client'

// The Salesforce connector as the OAuth package's installation builds it (metadata lists
// salesforce_oauth), through the emulated proxy that holds the OAuth connection, against the CRM
// emulator's OAuth endpoints and REST API: every way the access token can end.
const stack = useContractStack('salesforce', { oauth: true })

function connector() {
  // What metadata.settings holds in the OAuth package: the oauth parameter's name, no token.
  const parsed = parseSettings({
    crm_provider: 'salesforce',
    crm_base_url: stack.crm.url,
    salesforce_oauth: '',
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  expect(parsed.settings.auth).toBe('oauth')
  return createCrm(parsed.settings, zafAdapter(proxyZafClient(stack.zendesk.hostUrl)), {
    http: { retry: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 100 } },
  }).connector
}

// Hank Scorpio: Globex in the seed, found by requester email.
const hank: CustomerContext = {
  requester: { id: 202, name: 'Hank Scorpio', email: 'hank@globex.example' },
  organization: null,
}
const grants = () => stack.crm.oauthGrants().map(({ grantType, status }) => `${grantType} ${status}`)

describe('Salesforce through Zendesk OAuth', () => {
  it("reads a connection nobody has authorised yet (the proxy's 422) as one an admin must renew, and sends nothing to Salesforce", async () => {
    expect(await failureKind(connector().findAccount(hank))).toEqual(['connection-expired', { status: 422 }])
    expect(stack.crm.requests()).toEqual([])
  })

  it('finds the account with the access token Zendesk obtained at sign-in, which the app never holds', async () => {
    await signInOverHttp(stack.zendesk)
    expect(await connector().findAccount(hank)).toMatchObject({
      kind: 'found',
      account: { name: 'Globex Corporation' },
    })
    expect(grants()).toEqual(['authorization_code 200'])
    // Nothing the proxy reports carries a token.
    const reported = JSON.stringify(stack.zendesk.proxyLog())
    for (const token of stack.crm.oauthTokens()) expect(reported).not.toContain(token)
  })

  it('renews an expired session once with the refresh token and replays the request: the agent sees the account', async () => {
    await signInOverHttp(stack.zendesk)
    stack.crm.expireAccessTokens()

    expect(await connector().findAccount(hank)).toMatchObject({ kind: 'found' })
    expect(grants()).toEqual(['authorization_code 200', 'refresh_token 200'])
    expect(stack.crm.requests().map((request) => request.status)).toEqual([401, 200])
    expect(stack.zendesk.proxyLog().map(({ status, renewed }) => [status, renewed ?? false])).toEqual([
      [200, true],
    ])
    expect(stack.zendesk.oauthEvents().map((event) => event.kind)).toEqual(['authorized', 'renewed'])
  })

  it("passes Salesforce's 401 through when the proxy does not renew: the connection needs renewing", async () => {
    stack.zendesk.setOAuthRenewal('never')
    try {
      await signInOverHttp(stack.zendesk)
      stack.crm.expireAccessTokens()
      expect(await failureKind(connector().findAccount(hank))).toEqual([
        'connection-expired',
        { status: 401, vendorCode: 'INVALID_SESSION_ID' },
      ])
      expect(grants()).toEqual(['authorization_code 200'])
    } finally {
      stack.zendesk.setOAuthRenewal('on-401')
    }
  })

  it('reads a refresh that fails (refresh token revoked) as a connection an admin must renew, without retrying it', async () => {
    await signInOverHttp(stack.zendesk)
    stack.crm.revokeRefreshTokens()

    expect(await failureKind(connector().findAccount(hank))).toEqual([
      'connection-expired',
      { status: 401, vendorCode: 'INVALID_SESSION_ID' },
    ])
    expect(grants()).toEqual(['authorization_code 200', 'refresh_token 400'])
    expect(stack.crm.requests()).toHaveLength(1)
  })

  it('works again once an admin signs in again', async () => {
    await signInOverHttp(stack.zendesk)
    stack.crm.revokeRefreshTokens()
    expect((await failureKind(connector().findAccount(hank)))[0]).toBe('connection-expired')

    await signInOverHttp(stack.zendesk)
    expect(await connector().findAccount(hank)).toMatchObject({ kind: 'found' })
  })
})
