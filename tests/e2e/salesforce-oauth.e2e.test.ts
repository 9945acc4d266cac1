import type { FrameLocator, Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoZendeskSeed } from '../../emulators/crm/demo-settings'
import { useAgentSession } from '../support/agent-session'

// The Salesforce OAuth package as `npm run package -- --salesforce-oauth` builds it from dist/,
// installed in the emulated Zendesk, signed in through the emulated Salesforce's OAuth pages in
// Chromium, with the real SDK in the app: the access token lives only in the emulated Zendesk's
// Node process and the CRM emulator.
// An id no demo user has (Marcus, the CSM, is agent 3).
const ADMIN = 9
const seed = demoZendeskSeed('salesforce')
const session = useAgentSession({
  oauth: {},
  seed: {
    ...seed,
    users: [
      ...seed.users,
      {
        id: ADMIN,
        name: 'Priya Nair',
        email: 'priya.nair@successbridge-demo.example',
        role: 'admin',
        organization_id: null,
      },
    ],
  },
})
const RENEW = 'The Salesforce connection needs to be renewed by a Zendesk admin.'
// Hank Scorpio's ticket: Globex, CSM Marcus Oyelaran.
const TICKET = 102

/** Every request and response the agent's page made (the app's frame included), headers and bodies. */
let traffic: string[]
beforeEach(() => {
  traffic = []
  session.page.on('request', (request) => {
    traffic.push(`${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`)
  })
  session.page.on('response', (response) => {
    void response.text().then(
      (body) => traffic.push(`${response.url()} ${JSON.stringify(response.headers())} ${body}`),
      () => undefined
    )
  })
})

/** The admin installs: the installation page's OAuth prompt, then Allow on Salesforce's page. */
async function signIn(page: Page): Promise<void> {
  await page.goto(session.stack.zendesk.installationUrl())
  expect(await page.getByTestId('oauth-status').innerText()).toBe('Not connected')
  expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('Salesforce connection')
  await page.getByRole('link', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Allow' }).click()
  await page.getByTestId('oauth-status').filter({ hasText: 'Connected' }).waitFor()
  expect(page.url()).toBe(session.stack.zendesk.installationUrl())
}

async function openTicket(page: Page, as?: number): Promise<FrameLocator> {
  await page.goto(`${session.stack.zendesk.ticketUrl(TICKET)}${as === undefined ? '' : `?as=${as}`}`)
  return page.frameLocator('[data-testid="app-iframe"]')
}

async function cardText(frame: FrameLocator): Promise<string> {
  const card = frame.locator('section[data-state]:not([data-state="loading"])')
  await card.waitFor({ timeout: 15_000 })
  return (await card.innerText()).replace(/\s+/g, ' ')
}

/** The app frame's DOM and storage, and everything sent or received: none may hold a token. */
async function expectNoTokenExposed(frame: FrameLocator): Promise<void> {
  const exposed = await frame
    .locator('html')
    .evaluate(
      () =>
        document.documentElement.outerHTML +
        JSON.stringify({ ...sessionStorage }) +
        JSON.stringify({ ...localStorage })
    )
  const tokens = session.stack.crm.oauthTokens()
  expect(tokens.length).toBeGreaterThan(0)
  for (const token of tokens) {
    expect(exposed).not.toContain(token)
    for (const line of traffic) expect(line).not.toContain(token)
  }
}

describe('the Salesforce OAuth package', () => {
  it('asks an admin to sign in at installation; the card then shows, with no token in the frame, its storage or its requests', async () => {
    // Installed, not yet authorised: the card says so plainly.
    expect(await cardText(await openTicket(session.page))).toContain(RENEW)
    // The demo panel links the installation page and holds the session switches.
    expect(await session.page.getByTestId('oauth-controls').locator('a').getAttribute('href')).toBe(
      '/admin/apps/installation'
    )

    await signIn(session.page)
    const frame = await openTicket(session.page)
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
    // The app asked for {{setting.salesforce_oauth}}; the proxy put the token in.
    expect(traffic.some((line) => line.includes('Bearer {{setting.salesforce_oauth}}'))).toBe(true)
    // (The browser also asked the emulated Salesforce sign-in page for its favicon.)
    const apiCalls = session.stack.crm
      .requests()
      .filter((request) => request.path.startsWith('/services/data/'))
    expect(apiCalls.map((request) => request.status)).toEqual([200])
    await expectNoTokenExposed(frame)
  })

  it('keeps the card when the Salesforce session ends: the proxy renews the token and replays the call', async () => {
    await signIn(session.page)
    await (await openTicket(session.page)).getByTestId('csm-name').waitFor({ timeout: 15_000 })
    // As a demo does it: the panel's switch, which asks the CRM emulator to end every session.
    await session.page.getByText('Demo controls').click()
    await session.page.getByRole('button', { name: 'End Salesforce session' }).click()
    await session.page.getByText('Salesforce session ended').waitFor()

    // A new tab: no lookup cached in sessionStorage, so the card asks Salesforce again.
    const tab = await session.newTab()
    const frame = await openTicket(tab)
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    expect(await cardText(frame)).toContain('Globex Corporation')
    expect(session.stack.crm.oauthGrants().map((grant) => `${grant.grantType} ${grant.status}`)).toEqual([
      'authorization_code 200',
      'refresh_token 200',
    ])
    expect(session.stack.zendesk.proxyLog().some((entry) => entry.renewed === true)).toBe(true)
    await expectNoTokenExposed(frame)
  })

  it('says the connection needs renewing, when the proxy does not renew an ended session', async () => {
    session.stack.zendesk.setOAuthRenewal('never')
    try {
      await signIn(session.page)
      session.stack.crm.expireAccessTokens()
      const text = await cardText(await openTicket(session.page))
      expect(text).toContain(RENEW)
      expect(session.stack.crm.oauthGrants().map((grant) => grant.grantType)).toEqual(['authorization_code'])
    } finally {
      session.stack.zendesk.setOAuthRenewal('on-401')
    }
  })

  describe('with the refresh token revoked', () => {
    beforeEach(async () => {
      await signIn(session.page)
      session.stack.crm.revokeRefreshTokens()
    })

    it('tells an agent plainly that a Zendesk admin must renew the connection, and nothing about tokens', async () => {
      const frame = await openTicket(session.page)
      const text = await cardText(frame)
      expect(text).toContain(RENEW)
      expect(text).not.toMatch(/token/i)
      expect(await frame.getByTestId('renewal-steps').count()).toBe(0)
      // Every renewal the proxy tried was refused. (How many depends on whether the card's own lookup
      // joined the start-up one before it failed; an error is never shared afterwards.)
      const [first, ...renewals] = session.stack.crm.oauthGrants().map((g) => `${g.grantType} ${g.status}`)
      expect(first).toBe('authorization_code 200')
      expect(renewals.length).toBeGreaterThan(0)
      expect(new Set(renewals)).toEqual(new Set(['refresh_token 400']))
      await expectNoTokenExposed(frame)
    })

    it('tells an admin where to sign in to Salesforce again, and the card is back once they have', async () => {
      const frame = await openTicket(session.page, ADMIN)
      expect(await cardText(frame)).toContain(RENEW)
      expect(await frame.getByTestId('renewal-steps').innerText()).toContain(
        'open Admin Center > Apps and integrations > Apps > Zendesk Support apps, open Success Bridge and sign in to Salesforce again'
      )

      await session.page.goto(session.stack.zendesk.installationUrl())
      await session.page.getByRole('link', { name: 'Sign in again' }).click()
      await session.page.getByRole('button', { name: 'Allow' }).click()
      await session.page.getByTestId('oauth-status').filter({ hasText: 'Connected' }).waitFor()
      // Errors are never cached: the ticket opened again asks Salesforce with the new token.
      const again = await openTicket(session.page, ADMIN)
      await again.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    })
  })
})
