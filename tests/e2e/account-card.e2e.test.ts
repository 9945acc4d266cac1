import type { FrameLocator } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { useAgentSession } from '../support/agent-session'
import { loadDefaultSeed } from '../../emulators/zendesk/state'
import { DEMO_TOKEN, startLocalStack } from '../support/local-stack'

// The real app from dist/, the real ZAF SDK inside it, the emulated Zendesk around it and real
// HTTP to the CRM emulator: nothing here is stubbed.
const session = useAgentSession()
/** What the page said in alert/confirm dialogs: hostile data must never open one. */
let dialogs: string[]

beforeEach(() => {
  dialogs = []
  session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
})

async function openTicket(id: number): Promise<FrameLocator> {
  await session.page.goto(session.stack.zendesk.ticketUrl(id))
  return session.app()
}

async function cardText(frame: FrameLocator): Promise<string> {
  const card = frame.locator('section[data-state]:not([data-state="loading"])')
  await card.waitFor({ timeout: 15_000 })
  return (await card.innerText()).replace(/\s+/g, ' ')
}

describe('account card in the ticket sidebar', () => {
  it('shows the CSM, health, renewal and ARR for an organization matched by external ID, in one CRM request', async () => {
    const frame = await openTicket(101)
    await frame.getByTestId('csm-name').waitFor()

    const text = await cardText(frame)
    expect(text).toContain('Northwind Traders')
    expect(text).toContain('Matched by organization external ID')
    expect(text).toContain('Dana Whitfield')
    expect(text).toContain('Healthy · 86')
    expect(text).toContain('in 200 days')
    expect(text).not.toContain('Renews soon')
    expect(text).toContain('$240K')
    const href = await frame.getByRole('link', { name: /Northwind Traders/ }).getAttribute('href')
    expect(href).toBe(`${session.stack.crm.url}/lightning/r/Account/001000000000001AAA/view`)
    expect(session.stack.crm.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /services/data/v62.0/composite',
    ])
  })

  it('flags an at-risk account renewing soon, matched by requester email', async () => {
    const text = await cardText(await openTicket(102))
    expect(text).toContain('Globex Corporation')
    expect(text).toContain('Matched by requester email')
    expect(text).toContain('Marcus Oyelaran')
    expect(text).toContain('At risk · 38')
    expect(text).toContain('in 23 days')
    expect(text).toContain('Renews soon')
    expect(text).toContain('$1.25M')
  })

  it('matches by email domain when the requester is not a contact', async () => {
    const text = await cardText(await openTicket(103))
    expect(text).toContain('Initech')
    expect(text).toContain('Matched by email domain')
    expect(text).toContain('Watch · 62')
  })

  it('says so when the account has no CSM', async () => {
    const text = await cardText(await openTicket(104))
    expect(text).toContain('Umbrella Health')
    expect(text).toContain('No CSM assigned')
  })

  it('shows hostile names as text and runs none of their markup', async () => {
    const frame = await openTicket(105)
    const text = await cardText(frame)
    expect(text).toContain('<img src=x onerror=alert(1)> Hostile & Co')
    expect(text).toContain('<script>alert("csm")</script> Eve O\'Hara')
    expect(await frame.locator('section img, section script').count()).toBe(0)
    expect(dialogs).toEqual([])
  })

  it('lists what was tried for an unknown customer', async () => {
    const frame = await openTicket(106)
    expect(await cardText(frame)).toContain('No matching account')
    const items = await frame.getByTestId('tried').locator('li').allInnerTexts()
    expect(items).toEqual([
      'Requester email sam@unknown.example: no match',
      'Email domain unknown.example: no match',
    ])
  })

  it('lists the candidates when the email domain matches two accounts', async () => {
    const frame = await openTicket(107)
    expect(await cardText(frame)).toContain('Several accounts match')
    // Each candidate shows its name and CSM, so the agent can tell the accounts apart, and a button to pick it.
    expect(await frame.getByTestId('candidates').locator('li').allInnerTexts()).toEqual([
      'Stark Industries (EMEA)\nCSM: Dana Whitfield\nUse this account',
      'Stark Industries (Americas)\nCSM: Marcus Oyelaran\nUse this account',
    ])
  })

  it('makes no CRM request when the same ticket is reopened', async () => {
    await (await openTicket(101)).getByTestId('csm-name').waitFor()
    await (await openTicket(102)).getByTestId('csm-name').waitFor()
    session.stack.crm.clearRequests()

    const frame = await openTicket(101)
    await frame.getByTestId('csm-name').waitFor()

    expect(session.stack.crm.requests()).toEqual([])
    expect(await cardText(frame)).toContain('Updated just now')
  })

  it('follows a change of requester to another customer', async () => {
    const frame = await openTicket(101)
    await frame.getByTestId('csm-name').waitFor()

    await session.page.getByLabel('Requester').selectOption({ label: 'Hank Scorpio' })

    await frame.getByText('Globex Corporation').waitFor()
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
  })

  it('sizes the iframe to its content, with no inner scrollbar', async () => {
    const frame = await openTicket(102)
    await frame.getByTestId('csm-name').waitFor()
    const iframe = session.page.locator('[data-testid="app-iframe"]')
    await expect
      .poll(async () => {
        const box = await iframe.boundingBox()
        const inner = await frame.locator('html').evaluate((html) => ({
          scroll: html.scrollHeight,
          client: html.clientHeight,
          content: Math.ceil(document.getElementById('root')?.getBoundingClientRect().height ?? 0),
        }))
        return box !== null && Math.abs(box.height - inner.content) <= 1 && inner.scroll <= inner.client
      })
      .toBe(true)
  })

  it('keeps the CRM token out of the page, its storage and its requests', async () => {
    const frame = await openTicket(101)
    await frame.getByTestId('csm-name').waitFor()
    const exposed = await frame
      .locator('html')
      .evaluate(
        () =>
          document.documentElement.outerHTML +
          JSON.stringify({ ...sessionStorage }) +
          JSON.stringify({ ...localStorage })
      )
    expect(exposed).not.toContain(DEMO_TOKEN)
    // The CRM only answers a request carrying the real token, so the proxy did substitute it.
    expect(session.stack.crm.requests()[0]?.status).toBe(200)
  })
})

describe('CRM failures', () => {
  const cases = [
    // Salesforce's 401 INVALID_SESSION_ID: the session behind the token has ended.
    ['unauthorized', 'The Salesforce connection needs to be renewed by a Zendesk admin'],
    ['quota', "Your CRM's daily API limit is used up"],
    ['server-error', 'The CRM is not responding right now'],
    ['malformed', 'The CRM sent an answer the app could not read'],
  ] as const

  // Retry everywhere: even a refused token or a used-up quota may be fixed while the agent waits.
  for (const [mode, message] of cases) {
    it(`explains a ${mode} failure and offers Retry`, async () => {
      session.stack.crm.setFaults({ mode })
      const frame = await openTicket(102)
      expect(await cardText(frame)).toContain(message)
      expect(await frame.getByRole('button', { name: 'Retry' }).count()).toBe(1)
    })
  }

  it('recovers through Retry once the CRM is back, by keyboard', async () => {
    session.stack.crm.setFaults({ mode: 'server-error' })
    const frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Retry' }).waitFor({ timeout: 15_000 })
    session.stack.crm.setFaults({ mode: 'none' })

    await frame.getByRole('button', { name: 'Retry' }).focus()
    await session.page.keyboard.press('Enter')

    await frame.getByTestId('csm-name').waitFor()
    expect(await frame.getByTestId('csm-name').innerText()).toBe('Marcus Oyelaran')
  })

  it('gives up on a CRM that never answers and says it took too long', async () => {
    session.stack.crm.setFaults({ mode: 'hang' })
    const frame = await openTicket(102)
    expect(await cardText(frame)).toContain('The CRM took too long to answer')
  })
})

describe('locale', () => {
  it('speaks the agent’s language and formats dates and money for it', async () => {
    const seed = loadDefaultSeed()
    const german = await startLocalStack({
      seed: { ...seed, currentUser: { ...seed.currentUser, locale: 'de-AT' } },
    })
    try {
      await session.page.goto(german.zendesk.ticketUrl(102))
      const card = session.app().locator('section[data-state="found"]')
      await card.waitFor({ timeout: 15_000 })
      const text = (await card.innerText()).replace(/\s+/g, ' ')
      expect(text).toContain('Zugeordnet über die E-Mail-Adresse des Anfragenden')
      expect(text).toContain('Gefährdet · 38')
      expect(text).toContain('in 23 Tagen')
      expect(text).toContain('Verlängerung steht an')
      expect(text).toMatch(/1,25\sMio\.\s\$/)
    } finally {
      await german.close()
    }
  })
})

describe('when the app’s code cannot load', () => {
  it('says so in the agent’s language instead of showing a skeleton for ever', async () => {
    const seed = loadDefaultSeed()
    const german = await startLocalStack({
      seed: { ...seed, currentUser: { ...seed.currentUser, locale: 'de-AT' } },
    })
    try {
      // The UI chunk fails, as it does when the network drops or a deploy is under way.
      await session.page.route(/\/assets\/boot-[^/]+\.js$/, (route) => route.abort())
      await session.page.goto(german.zendesk.ticketUrl(102))
      const root = session.app().locator('#root')
      await expect
        .poll(() => root.innerText(), { timeout: 15_000 })
        .toBe(
          'Etwas ist schiefgelaufen. In der App ist ein unerwarteter Fehler aufgetreten. Laden Sie die Seite neu, um es noch einmal zu versuchen.'
        )
      expect(await root.getAttribute('lang')).toBe('de')
      expect(await root.getAttribute('aria-busy')).toBeNull()
    } finally {
      await session.page.unroute(/\/assets\/boot-[^/]+\.js$/)
      await german.close()
    }
  })
})

describe('an agent language the app does not ship', () => {
  it('shows a Hebrew-speaking agent English left to right, with English dates, until Hebrew ships', async () => {
    const seed = loadDefaultSeed()
    const hebrew = await startLocalStack({
      seed: { ...seed, currentUser: { ...seed.currentUser, locale: 'he' } },
    })
    try {
      await session.page.goto(hebrew.zendesk.ticketUrl(102))
      const frame = session.app()
      await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
      // The direction and formats follow the language shown, not the agent's unsupported locale.
      expect(await frame.locator('main').getAttribute('dir')).toBe('ltr')
      expect(await frame.locator('main').getAttribute('lang')).toBe('en')
      expect(await frame.locator('section[data-state="found"]').innerText()).toContain('At risk · 38')
      const renewal = await frame.getByTestId('renewal').innerText()
      expect(renewal).toContain('in 23 days')
      expect(renewal).not.toMatch(/[\u0590-\u05ff]/)
      const label = await frame.getByText('Health', { exact: true }).boundingBox()
      const value = await frame.getByTestId('health').boundingBox()
      expect(label && value && label.x < value.x).toBe(true)
    } finally {
      await hebrew.close()
    }
  })
})

describe('settings', () => {
  it('names a bad setting instead of showing a blank sidebar', async () => {
    const broken = await startLocalStack({
      settings: { crm_base_url: 'http://crm.example.com', health_risk_below: 'lots' },
    })
    try {
      await session.page.goto(broken.zendesk.ticketUrl(101))
      const problems = session.app().getByTestId('settings-problems')
      await problems.waitFor({ timeout: 15_000 })
      const text = await problems.innerText()
      expect(text).toContain('CRM base URL must use https:// so the token is sent encrypted.')
      expect(text).toContain('At-risk health below must be a number.')
      expect(broken.crm.requests()).toEqual([])
    } finally {
      await broken.close()
    }
  })
})

describe('copying the CSM email in a frame without clipboard-write', () => {
  it('copies the address although the Clipboard API is blocked, and it pastes outside the app', async () => {
    await session.page.goto(session.stack.zendesk.ticketUrl(101))
    const frame = session.app()
    // The emulated Zendesk, like the real one as far as documented, grants the app frame no clipboard-write.
    const allowed = await frame.locator('html').evaluate(() => {
      const policy = (document as Document & { featurePolicy?: { allowsFeature(name: string): boolean } })
        .featurePolicy
      return policy?.allowsFeature('clipboard-write') ?? null
    })
    expect(allowed).toBe(false)

    await frame.getByRole('button', { name: 'Copy email' }).click()
    await frame.getByText('Email copied').waitFor({ timeout: 5_000 })

    // What an agent does next: paste it into Zendesk, outside the app's frame.
    await session.page.evaluate(() => {
      const field = document.createElement('textarea')
      field.setAttribute('data-testid', 'paste-target')
      document.body.append(field)
      field.focus()
    })
    await session.page.keyboard.press('ControlOrMeta+V')
    expect(await session.page.getByTestId('paste-target').inputValue()).toBe(
      'dana.whitfield@successbridge.example'
    )
  })
})
