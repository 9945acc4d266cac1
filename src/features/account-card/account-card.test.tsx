import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccountSummary } from '../../domain/account'
import { CrmError } from '../../domain/crm-error'
import type { CustomerContext } from '../../domain/customer'
import type { LookupOutcome } from '../../domain/match'
import type { CrmConnector } from '../../domain/ports'
import { agentTranslator } from '../../i18n/locale'
import { renderWithServices, TestTicket } from '../../test-support/render-card'
import en from '../../../translations/en.json'
import { AccountCard } from './account-card'
import { globexAtRisk } from '../../test-support/accounts'

const globex: AccountSummary = {
  ...globexAtRisk,
  recordUrl: 'https://acme.my.salesforce.com/lightning/r/Account/001000000000002AAA/view',
}
const hank: CustomerContext = {
  requester: { id: 202, name: 'Hank', email: 'hank@globex.example' },
  organization: null,
}

/** Answers from a script of outcomes (or errors), one per call, and counts the calls. */
function scriptedConnector(...script: (LookupOutcome | CrmError)[]): CrmConnector & { calls: number } {
  return {
    calls: 0,
    findAccount() {
      const next = script[Math.min(this.calls, script.length - 1)]
      this.calls += 1
      return next instanceof CrmError ? Promise.reject(next) : Promise.resolve(next as LookupOutcome)
    },
  }
}

describe('AccountCard', () => {
  afterEach(() => vi.restoreAllMocks())

  it('shows the CSM, health band in words, renewal countdown and ARR', async () => {
    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: globex, tried: [] }),
      new TestTicket(hank)
    )

    const link = await screen.findByRole('link', { name: /Globex Corporation/ })
    expect(link).toHaveAttribute('href', globex.recordUrl)
    expect(screen.getByText('Matched by requester email')).toBeInTheDocument()
    expect(screen.getByTestId('csm-name')).toHaveTextContent('Marcus Oyelaran')
    expect(screen.getByRole('link', { name: 'marcus@vendor.example' })).toHaveAttribute(
      'href',
      'mailto:marcus@vendor.example'
    )
    expect(screen.getByTestId('health')).toHaveTextContent('At risk · 38')
    expect(screen.getByTestId('renewal')).toHaveTextContent('Dec 18, 2026')
    expect(screen.getByTestId('renewal')).toHaveTextContent('in 23 days')
    expect(screen.getByTestId('renewal')).toHaveTextContent('Renews soon')
    expect(screen.getByTestId('arr')).toHaveTextContent('$1.25M')
  })

  it('names the CRM link once and says it opens a new tab; the exact ARR is one key press away', async () => {
    const user = userEvent.setup()
    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: globex, tried: [] }),
      new TestTicket(hank)
    )
    const link = await screen.findByRole('link', { name: /^Globex Corporation/ })
    expect(link).toHaveAccessibleName('Globex Corporation (CRM record, opens in a new tab)')

    const arr = screen.getByRole('button', { name: '$1.25M' })
    expect(arr).toHaveAttribute('aria-pressed', 'false')
    arr.focus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: '$1,250,000' })).toHaveAttribute('aria-pressed', 'true')
    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: '$1.25M' })).toHaveFocus()
  })

  it('selects the address for the agent when neither clipboard path works, and says how to copy it', async () => {
    const user = userEvent.setup()
    // The browser's answer in a frame without clipboard-write; jsdom has no execCommand('copy') either,
    // so the last fallback runs.
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException(
        'The Clipboard API has been blocked because of a permissions policy',
        'NotAllowedError'
      )
    )
    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: globex, tried: [] }),
      new TestTicket(hank)
    )
    await user.click(await screen.findByRole('button', { name: 'Copy email' }))
    expect(window.getSelection()?.toString()).toBe('marcus@vendor.example')
    expect(
      await screen.findByText('Address selected: press Ctrl+C (⌘C on a Mac) to copy it.')
    ).toBeInTheDocument()
  })

  it('renders hostile names as text, never as markup', async () => {
    const hostile = {
      ...globex,
      name: '<img src=x onerror=alert(1)> Hostile',
      csm: { id: null, name: '<script>alert(1)</script> Eve', email: null },
    }
    const { container } = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: hostile, tried: [] }),
      new TestTicket(hank)
    )

    expect(await screen.findByRole('link', { name: /Hostile/ })).toHaveTextContent(
      '<img src=x onerror=alert(1)> Hostile'
    )
    expect(container.querySelector('img, script')).toBeNull()
  })

  it('shows CRM text as stored: isolated, without bidi overrides, and links only a plain address', async () => {
    const spoofed = {
      ...globex,
      name: 'Globex \u202Eevil',
      csm: { id: '005', name: 'Marcus \u202Enaralayo', email: '\u202Emoc.elpmaxe@anad' },
    }
    const { container, unmount } = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: spoofed, tried: [] }),
      new TestTicket(hank)
    )

    expect(await screen.findByTestId('csm-name')).toHaveTextContent(/^Marcus naralayo$/)
    expect(screen.getByText('moc.elpmaxe@anad')).toBeInTheDocument()
    expect(container.querySelector('a[href^="mailto:"]')).toBeNull()
    expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(screen.getByRole('heading').querySelector('bdi')).toHaveTextContent('Globex evil')
    unmount()

    const withBcc = {
      ...globex,
      csm: { ...globex.csm!, email: 'marcus@vendor.example?bcc=eve@evil.example' },
    }
    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: withBcc, tried: [] }),
      new TestTicket(hank)
    )
    expect(await screen.findByText('marcus@vendor.example?bcc=eve@evil.example')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /marcus@vendor/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Copy email' })).toBeInTheDocument()
  })

  it('says what was tried when nothing matches', async () => {
    const outcome: LookupOutcome = {
      kind: 'not-found',
      tried: [
        { strategy: 'organization-external-id', value: null, result: 'skipped', reason: 'no-value' },
        { strategy: 'requester-email', value: 'sam@unknown.example', result: 'no-match' },
        { strategy: 'email-domain', value: 'gmail.com', result: 'skipped', reason: 'public-email-domain' },
      ],
    }
    renderWithServices(<AccountCard />, scriptedConnector(outcome), new TestTicket(hank))

    const list = await screen.findByTestId('tried')
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([
      'Requester email sam@unknown.example: no match',
      'Email domain gmail.com: skipped: a public email provider',
    ])
  })

  it('explains an outage and recovers on Retry, by keyboard', async () => {
    const connector = scriptedConnector(new CrmError('unavailable', 'down', { status: 500 }), {
      kind: 'found',
      account: globex,
      tried: [],
    })
    renderWithServices(<AccountCard />, connector, new TestTicket(hank))

    expect(
      await screen.findByText('The CRM is not responding right now. Try again in a moment.')
    ).toBeInTheDocument()
    const retry = screen.getByRole('button', { name: 'Retry' })
    retry.focus()
    await userEvent.keyboard('{Enter}')

    expect(await screen.findByTestId('csm-name')).toHaveTextContent('Marcus Oyelaran')
    expect(connector.calls).toBe(2)
  })

  it.each([
    new CrmError('unauthorized', 'bad token', { status: 401, vendorCode: 'INVALID_AUTH_HEADER' }),
    new CrmError('connection-expired', 'renew', { status: 401, vendorCode: 'INVALID_SESSION_ID' }),
    new CrmError('forbidden', 'no access', { status: 403 }),
    new CrmError('quota-exhausted', 'quota', { status: 403, vendorCode: 'REQUEST_LIMIT_EXCEEDED' }),
  ])('offers Retry after $kind too, and shows the account once an admin has fixed it', async (error) => {
    const connector = scriptedConnector(error, { kind: 'found', account: globex, tried: [] })
    renderWithServices(<AccountCard />, connector, new TestTicket(hank))

    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }))

    expect(await screen.findByTestId('csm-name')).toHaveTextContent('Marcus Oyelaran')
    expect(connector.calls).toBe(2)
  })

  it('names the vendor code of a refused token', async () => {
    renderWithServices(
      <AccountCard />,
      scriptedConnector(
        new CrmError('unauthorized', 'bad token', { status: 401, vendorCode: 'INVALID_AUTH_HEADER' })
      ),
      new TestTicket(hank)
    )

    expect(await screen.findByText(/did not accept the app's API token/)).toBeInTheDocument()
    expect(screen.getByText('CRM code: INVALID_AUTH_HEADER')).toBeInTheDocument()
  })

  describe('a Salesforce connection that is gone', () => {
    const expired = () =>
      scriptedConnector(
        new CrmError('connection-expired', 'renew', { status: 401, vendorCode: 'INVALID_SESSION_ID' })
      )
    const sentence = 'The Salesforce connection needs to be renewed by a Zendesk admin.'

    it('tells an agent plainly that an admin must renew it, and nothing about tokens', async () => {
      renderWithServices(<AccountCard />, expired(), new TestTicket(hank), { auth: 'oauth' })

      expect(await screen.findByText(sentence)).toBeInTheDocument()
      expect(screen.queryByTestId('renewal-steps')).not.toBeInTheDocument()
      expect(screen.getByRole('alert').textContent).not.toMatch(/token/i)
    })

    it('tells an admin of the OAuth package where to sign in again', async () => {
      renderWithServices(<AccountCard />, expired(), new TestTicket(hank), { auth: 'oauth', admin: true })

      expect(await screen.findByText(sentence)).toBeInTheDocument()
      expect(screen.getByTestId('renewal-steps')).toHaveTextContent(en.ui.error.renew.oauth)
    })

    it('tells an admin of the token setting how to paste a new token, and that it will expire again', async () => {
      renderWithServices(<AccountCard />, expired(), new TestTicket(hank), { auth: 'token', admin: true })

      expect(await screen.findByText(sentence)).toBeInTheDocument()
      expect(screen.getByTestId('renewal-steps')).toHaveTextContent(en.ui.error.renew.pasted)
      expect(screen.getByTestId('renewal-steps')).toHaveTextContent(/stops working when its session ends/)
    })
  })

  it('looks again from "No matching account" on Refresh', async () => {
    const connector = scriptedConnector(
      { kind: 'not-found', tried: [] },
      { kind: 'found', account: globex, tried: [] }
    )
    renderWithServices(<AccountCard />, connector, new TestTicket(hank))
    expect(await screen.findByText('No matching account')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }))

    expect(await screen.findByTestId('csm-name')).toHaveTextContent('Marcus Oyelaran')
    expect(connector.calls).toBe(2)
  })

  it('keeps no "No matching account": the card opened again asks the CRM again', async () => {
    const connector = scriptedConnector(
      { kind: 'not-found', tried: [] },
      { kind: 'found', account: globex, tried: [] }
    )
    const first = renderWithServices(<AccountCard />, connector, new TestTicket(hank))
    expect(await screen.findByText('No matching account')).toBeInTheDocument()
    first.unmount()

    renderWithServices(<AccountCard />, connector, new TestTicket(hank), { keepSession: true })

    expect(await screen.findByTestId('csm-name')).toHaveTextContent('Marcus Oyelaran')
    expect(connector.calls).toBe(2)
  })

  it('follows a change of requester to another account', async () => {
    const initech: AccountSummary = {
      ...globex,
      id: '001000000000003AAA',
      name: 'Initech',
      csm: { id: '005', name: 'Priya Raman', email: null },
    }
    const ticket = new TestTicket(hank)
    const connector: CrmConnector = {
      findAccount: (context) =>
        Promise.resolve({
          kind: 'found',
          tried: [],
          account: context.requester?.email?.endsWith('initech.example') ? initech : globex,
        }),
    }
    renderWithServices(<AccountCard />, connector, ticket)
    expect(await screen.findByTestId('csm-name')).toHaveTextContent('Marcus Oyelaran')

    ticket.changeCustomer({
      requester: { id: 203, name: 'Bill', email: 'bill@initech.example' },
      organization: null,
    })

    expect(await screen.findByText('Priya Raman')).toBeInTheDocument()
  })

  it('lists the candidates when several accounts match', async () => {
    const outcome: LookupOutcome = {
      kind: 'ambiguous',
      strategy: 'email-domain',
      candidates: [
        { ...globex, id: 'a', name: 'Stark Industries (EMEA)' },
        { ...globex, id: 'b', name: 'Stark Industries (Americas)' },
      ],
      tried: [],
    }
    renderWithServices(<AccountCard />, scriptedConnector(outcome), new TestTicket(hank))

    const list = await screen.findByTestId('candidates')
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent)
    ).toEqual(['Stark Industries (EMEA)', 'Stark Industries (Americas)'])
    expect(
      screen.getByText('The email domain matches more than one account. Which one is this ticket about?')
    ).toBeInTheDocument()
  })

  it('says the pick is kept for the requester, and how to fix it for everyone, when there is no organization', async () => {
    const outcome: LookupOutcome = {
      kind: 'ambiguous',
      strategy: 'requester-email',
      candidates: [
        { ...globex, id: 'a', name: 'Stark Industries (EMEA)' },
        { ...globex, id: 'b', name: 'Stark Industries (Americas)' },
      ],
      tried: [],
    }
    const noOrganization = new TestTicket({ requester: hank.requester, organization: null })
    const view = renderWithServices(<AccountCard />, scriptedConnector(outcome), noOrganization)
    expect(
      await screen.findByText(
        "Your choice is remembered for this requester in this browser. To fix it for everyone, add the requester to an organization whose external ID is the account's CRM ID."
      )
    ).toBeInTheDocument()
    expect(screen.queryByText(/for this organization/)).toBeNull()
    view.unmount()

    const inOrganization = new TestTicket({
      requester: hank.requester,
      organization: { id: 9003, name: 'Globex', externalId: null, domains: [] },
    })
    renderWithServices(<AccountCard />, scriptedConnector(outcome), inOrganization)
    expect(await screen.findByText(/remembered for this organization in this browser/)).toBeInTheDocument()
  })

  it('remembers the account an agent picks for the organization, and forgets it on "Not this account?"', async () => {
    const outcome: LookupOutcome = {
      kind: 'ambiguous',
      strategy: 'email-domain',
      candidates: [
        {
          ...globex,
          id: 'a',
          name: 'Stark Industries (EMEA)',
          csm: { id: '1', name: 'Dana Whitfield', email: null },
          matchedBy: 'email-domain',
        },
        { ...globex, id: 'b', name: 'Stark Industries (Americas)', matchedBy: 'email-domain' },
      ],
      tried: [],
    }
    const stark: CustomerContext = {
      ...hank,
      organization: { id: 9006, name: 'Stark', externalId: null, domains: [] },
    }
    const connector = scriptedConnector(outcome)
    const user = userEvent.setup()
    const first = renderWithServices(<AccountCard />, connector, new TestTicket(stark))

    expect(
      within(await screen.findByTestId('candidates')).getByText('CSM: Dana Whitfield')
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Use this account: Stark Industries (Americas)' }))
    expect(await screen.findByRole('heading', { name: /Stark Industries \(Americas\)/ })).toBeInTheDocument()
    expect(screen.getByTestId('matched-by')).toHaveTextContent(
      'Matched by email domain · picked from several matches'
    )
    expect(connector.calls).toBe(1)

    // Another ticket from the same organization opens on the pick (remembered in localStorage).
    first.unmount()
    renderWithServices(<AccountCard />, connector, new TestTicket(stark), { keepChoices: true })
    expect(await screen.findByRole('heading', { name: /Stark Industries \(Americas\)/ })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Not this account?' }))
    expect(within(await screen.findByTestId('candidates')).getAllByRole('button')).toHaveLength(2)
    expect(window.localStorage.length).toBe(0)
  })

  it('promises no memory the browser refuses: with storage blocked the pick lasts for the page, and says so', async () => {
    const outcome: LookupOutcome = {
      kind: 'ambiguous',
      strategy: 'email-domain',
      candidates: [
        { ...globex, id: 'a', name: 'Stark Industries (EMEA)', matchedBy: 'email-domain' },
        { ...globex, id: 'b', name: 'Stark Industries (Americas)', matchedBy: 'email-domain' },
      ],
      tried: [],
    }
    // What a browser blocking third-party storage does to the app's iframe.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError')
    })
    const ticket = new TestTicket({
      ...hank,
      organization: { id: 9006, name: 'Stark', externalId: null, domains: [] },
    })
    renderWithServices(<AccountCard />, scriptedConnector(outcome), ticket, { keepChoices: true })

    expect(await screen.findByText(/does not let the app keep your choice/)).toBeInTheDocument()
    expect(screen.queryByText(/remembered for this organization in this browser/)).toBeNull()
    await userEvent.click(
      screen.getByRole('button', { name: 'Use this account: Stark Industries (Americas)' })
    )
    expect(await screen.findByRole('heading', { name: /Stark Industries \(Americas\)/ })).toBeInTheDocument()

    // The requester changes within the same organization: the pick still holds in memory.
    ticket.changeCustomer({
      ...ticket.customer,
      requester: { id: 203, name: 'Pepper', email: 'pepper@stark.example' },
    })
    expect(await screen.findByTestId('matched-by')).toHaveTextContent('picked from several matches')
    expect(screen.getByRole('heading', { name: /Stark Industries \(Americas\)/ })).toBeInTheDocument()
  })
})

/** The card's own text, everything a reader of the sidebar sees or hears, as one string. */
const cardText = (): string => screen.getByRole('region', { name: 'Customer account' }).textContent ?? ''

describe('AccountCard wording per location', () => {
  afterEach(() => vi.restoreAllMocks())

  // The user sidebar: the user is the "requester" (their email), with their first organization.
  const userPage = { location: 'user_sidebar' } as const
  const orgPage = { location: 'organization_sidebar' } as const
  const globexOrg: CustomerContext = {
    requester: null,
    organization: { id: 9003, name: 'Globex', externalId: null, domains: ['globex.example'] },
  }
  const candidates = [
    { ...globex, id: 'a', name: 'Stark Industries (EMEA)' },
    { ...globex, id: 'b', name: 'Stark Industries (Americas)' },
  ]

  it('speaks of the user, not a ticket, on a user page', async () => {
    const found = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: globex, tried: [] }),
      new TestTicket(hank),
      userPage
    )
    expect(await screen.findByTestId('matched-by')).toHaveTextContent("Matched by the user's email")
    expect(cardText()).not.toMatch(/ticket|requester/i)
    found.unmount()

    const several = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'ambiguous', strategy: 'requester-email', candidates, tried: [] }),
      new TestTicket(hank),
      userPage
    )
    expect(
      await screen.findByText(
        "The user's email matches more than one account. Which one does this user belong to?"
      )
    ).toBeInTheDocument()
    expect(cardText()).not.toMatch(/ticket|requester/i)
    several.unmount()

    const none = renderWithServices(
      <AccountCard />,
      scriptedConnector({
        kind: 'not-found',
        tried: [
          { strategy: 'organization-external-id', value: '', result: 'skipped', reason: 'no-value' },
          { strategy: 'requester-email', value: 'hank@globex.example', result: 'no-match' },
          { strategy: 'email-domain', value: 'globex.example', result: 'no-match' },
        ],
      }),
      new TestTicket(hank),
      userPage
    )
    expect(
      within(await screen.findByTestId('tried'))
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([
      'Organization external ID : not available for this user',
      "User's email hank@globex.example: no match",
      'Email domain globex.example: no match',
    ])
    expect(cardText()).not.toMatch(/ticket|requester/i)
    none.unmount()

    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'not-found', tried: [] }),
      new TestTicket({ requester: { id: 203, name: 'Phone only', email: null }, organization: null }),
      userPage
    )
    expect(await screen.findByText('This user has no email or organization to look up.')).toBeInTheDocument()
    expect(cardText()).not.toMatch(/ticket|requester/i)
  })

  it('speaks of the organization and its domain on an organization page', async () => {
    const found = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: { ...globex, matchedBy: 'email-domain' }, tried: [] }),
      new TestTicket(globexOrg),
      orgPage
    )
    expect(await screen.findByTestId('matched-by')).toHaveTextContent("Matched by the organization's domain")
    expect(cardText()).not.toMatch(/ticket|requester/i)
    found.unmount()

    // Storage blocked: the pick lasts for the page, which is not a ticket here.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError')
    })
    const several = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'ambiguous', strategy: 'email-domain', candidates, tried: [] }),
      new TestTicket(globexOrg),
      { ...orgPage, keepChoices: true }
    )
    expect(
      await screen.findByText(
        "The organization's domain matches more than one account. Which one is this organization?"
      )
    ).toBeInTheDocument()
    expect(screen.getByText(/does not let the app keep your choice/)).toBeInTheDocument()
    expect(cardText()).not.toMatch(/ticket|requester/i)
    several.unmount()
    vi.restoreAllMocks()

    const none = renderWithServices(
      <AccountCard />,
      scriptedConnector({
        kind: 'not-found',
        tried: [{ strategy: 'email-domain', value: 'globex.example', result: 'no-match' }],
      }),
      new TestTicket(globexOrg),
      orgPage
    )
    expect(within(await screen.findByTestId('tried')).getByRole('listitem')).toHaveTextContent(
      "Organization's domain globex.example: no match"
    )
    expect(cardText()).not.toMatch(/ticket|requester/i)
    none.unmount()

    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'not-found', tried: [] }),
      new TestTicket({ requester: null, organization: { ...globexOrg.organization!, domains: [] } }),
      orgPage
    )
    expect(
      await screen.findByText('This organization has no external ID or domain to look up.')
    ).toBeInTheDocument()
    expect(cardText()).not.toMatch(/ticket|requester/i)
  })

  it('still speaks of the ticket and its requester in the ticket sidebars', async () => {
    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'ambiguous', strategy: 'requester-email', candidates, tried: [] }),
      new TestTicket(hank),
      { location: 'new_ticket_sidebar' }
    )
    expect(
      await screen.findByText(
        'The requester email matches more than one account. Which one is this ticket about?'
      )
    ).toBeInTheDocument()
  })
})

describe('AccountCard for an agent whose language is not shipped', () => {
  it('shows English left to right with English dates and amounts, not a Hebrew layout around English text', async () => {
    const translator = await agentTranslator('he', en)
    const { container } = renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: globex, tried: [] }),
      new TestTicket(hank),
      { translator }
    )

    expect(await screen.findByTestId('renewal')).toHaveTextContent('Dec 18, 2026')
    expect(screen.getByTestId('renewal')).toHaveTextContent('in 23 days')
    expect(screen.getByTestId('arr')).toHaveTextContent('$1.25M')
    const frame = container.querySelector('main')
    expect(frame).toHaveAttribute('dir', 'ltr')
    expect(frame).toHaveAttribute('lang', 'en')
  })

  it('keeps the agent’s regional formats when the language is shipped (de-AT reads German)', async () => {
    const translator = await agentTranslator('de-AT', en)
    expect([translator.locale, translator.language]).toEqual(['de-AT', 'de'])
    renderWithServices(
      <AccountCard />,
      scriptedConnector({ kind: 'found', account: globex, tried: [] }),
      new TestTicket(hank),
      { translator }
    )
    expect(await screen.findByTestId('renewal')).toHaveTextContent('18.12.2026')
  })
})
