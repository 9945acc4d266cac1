import type { FrameLocator } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { useAgentSession } from '../support/agent-session'

// The app in each location the manifest declares, end to end: the built app with the real SDK,
// the emulated Zendesk's organization, user and new-ticket pages around it, real HTTP to the CRM
// emulator. The seed's customers: Northwind (organization external ID), Globex (Hank's email),
// Initech (no external ID, its domain).
const session = useAgentSession()
/** Script files the app frame asked for: the escalation chunk loads only where escalation shows. */
let scripts: string[]

beforeEach(() => {
  scripts = []
  session.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
})

async function open(url: string): Promise<FrameLocator> {
  await session.page.goto(url)
  return session.page.frameLocator('[data-testid="app-iframe"]')
}

/** The card once it has an answer, as one line of text. */
async function cardText(frame: FrameLocator): Promise<string> {
  const card = frame.locator('section[data-state]:not([data-state="loading"])')
  await card.waitFor({ timeout: 15_000 })
  return (await card.innerText()).replace(/\s+/g, ' ')
}

/** No escalation section, and its code was never even requested (it loads as the card renders). */
async function expectNoEscalation(frame: FrameLocator): Promise<void> {
  // A round trip into the frame: anything the render started has reached the browser by now.
  await frame.locator('html').evaluate(() => document.readyState)
  expect(await frame.getByTestId('escalation').count()).toBe(0)
  expect(scripts.filter((path) => /\/escalation-[^/]*\.js$/.test(path))).toEqual([])
}

describe('organization sidebar', () => {
  it("shows the organization's account, matched by its external ID, without escalation", async () => {
    const frame = await open(session.stack.zendesk.organizationUrl(9001))
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })

    const text = await cardText(frame)
    expect(text).toContain('Northwind Traders')
    expect(text).toContain("Matched by the organization's external ID")
    expect(text).toContain('Dana Whitfield')
    expect(session.stack.crm.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /services/data/v62.0/composite',
    ])
    await expectNoEscalation(frame)
  })

  it('matches an organization without external ID by its first domain', async () => {
    const frame = await open(session.stack.zendesk.organizationUrl(9003))
    const text = await cardText(frame)
    expect(text).toContain('Initech')
    expect(text).toContain("Matched by the organization's domain")
    expect(text).toContain('Watch · 62')
    expect(text).not.toMatch(/ticket|requester/i)
  })
})

describe('user sidebar', () => {
  it("shows the account of the user's email, without escalation", async () => {
    const frame = await open(session.stack.zendesk.userUrl(202))
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })

    const text = await cardText(frame)
    expect(text).toContain('Globex Corporation')
    expect(text).toContain("Matched by the user's email")
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
    await expectNoEscalation(frame)
  })

  it("tries the user's organization's external ID first", async () => {
    // Jane's organization carries Northwind's CRM ID; the cascade tries it first.
    const text = await cardText(await open(session.stack.zendesk.userUrl(201)))
    expect(text).toContain('Northwind Traders')
    expect(text).toContain("Matched by the organization's external ID")
  })
})

describe('new ticket sidebar', () => {
  it('asks for a requester, then shows their account once one is set, and leaves escalation for later', async () => {
    const frame = await open(session.stack.zendesk.newTicketUrl())
    const waiting = frame.locator('section[data-state="no-requester"]')
    await waiting.waitFor({ timeout: 15_000 })
    expect(await waiting.innerText()).toContain('Set a requester to see their account')
    expect(session.stack.crm.requests()).toEqual([])

    await session.page.getByLabel('Requester').selectOption({ label: 'Hank Scorpio' })

    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    const text = await cardText(frame)
    expect(text).toContain('Globex Corporation')
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
    expect(await frame.getByTestId('escalation-after-submit').innerText()).toBe(
      'Escalation to the CSM is available once the ticket is submitted.'
    )
    await expectNoEscalation(frame)
  })

  it('follows a change to another requester', async () => {
    const frame = await open(session.stack.zendesk.newTicketUrl())
    await frame.locator('section[data-state="no-requester"]').waitFor({ timeout: 15_000 })
    await session.page.getByLabel('Requester').selectOption({ label: 'Hank Scorpio' })
    await frame.getByText('Globex Corporation').waitFor({ timeout: 15_000 })

    await session.page.getByLabel('Requester').selectOption({ label: 'Jane Doe' })

    await frame.getByText('Northwind Traders').waitFor({ timeout: 15_000 })
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Dana Whitfield')
  })
})

describe('ticket sidebar, for comparison', () => {
  it('does load and show the escalation section, so the checks above can tell', async () => {
    const frame = await open(session.stack.zendesk.ticketUrl(102))
    await frame.getByTestId('escalation').waitFor({ timeout: 15_000 })
    expect(scripts.some((path) => /\/escalation-[^/]*\.js$/.test(path))).toBe(true)
  })
})
