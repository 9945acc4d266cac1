import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { CustomerContext, TicketRef } from '../../domain/customer'
import type { CrmConnector } from '../../domain/ports'
import type { TicketFacts } from '../../domain/why-now'
import { globexAtRisk } from '../../test-support/accounts'
import { renderWithServices, TestTicket } from '../../test-support/render-card'
import { EscalationSection } from './escalation-section'

// The "Why now" part of the escalation section over the real services (localStorage included);
// only the CRM is outside, and this section never asks it anything.
const noCrm: CrmConnector = { findAccount: () => Promise.reject(new Error('the section never looks up')) }

// #102 as the demo seeds it: urgent, and the customer says "other vendors"; Globex is at risk.
const outage: TicketFacts = {
  priority: 'urgent',
  type: 'incident',
  tags: [],
  subject: 'Dashboard down for everyone',
  description: 'If this is not fixed today we will look at other vendors.',
}

function customerOn(ticket: Partial<TicketRef> & { facts: TicketFacts }): CustomerContext {
  return {
    requester: { id: 202, name: 'Hank', email: 'hank@globex.example' },
    organization: null,
    ticket: { id: 102, subdomain: 'demo', ...ticket },
  }
}

function show(customer: CustomerContext, keep = false) {
  return renderWithServices(
    <EscalationSection customer={customer} account={globexAtRisk} existing={null} />,
    noCrm,
    new TestTicket(customer),
    { keepChoices: keep }
  )
}

describe('"Not now" on the escalation recommendation', () => {
  it('hides the banner, keeps the signals in the same order, and offers the way back', async () => {
    show(customerOn({ facts: outage }))
    const banner = await screen.findByTestId('why-now-recommended')
    const reasons = within(banner)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    await userEvent.click(within(banner).getByRole('button', { name: 'Not now' }))

    expect(screen.queryByTestId('why-now-recommended')).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Escalation recommended' })).toBeNull()
    const list = screen.getByTestId('why-now')
    expect(within(list).getByRole('heading', { name: 'Why now' })).toBeInTheDocument()
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual(reasons)
    expect(screen.getByTestId('why-now-dismissed')).toHaveTextContent(
      'Recommendation dismissed for this ticket.'
    )
    // The facts still stand: the picker keeps the reason the recommendation preselected.
    expect(screen.getByLabelText('Reason')).toHaveValue('churn-risk')
  })

  it('is remembered for this ticket after a reload, and "Show recommendation" undoes it for good', async () => {
    const first = show(customerOn({ facts: outage }))
    await userEvent.click(await screen.findByRole('button', { name: 'Not now' }))
    first.unmount()

    const reloaded = show(customerOn({ facts: outage }), true)
    expect(await screen.findByTestId('why-now-dismissed')).toBeInTheDocument()
    expect(screen.queryByTestId('why-now-recommended')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Show recommendation' }))
    expect(screen.getByTestId('why-now-recommended')).toBeInTheDocument()
    expect(screen.queryByTestId('why-now-dismissed')).toBeNull()
    reloaded.unmount()

    show(customerOn({ facts: outage }), true)
    expect(await screen.findByTestId('why-now-recommended')).toBeInTheDocument()
  })

  it('is per ticket: another ticket of the same account still shows its banner', async () => {
    const first = show(customerOn({ facts: outage }))
    await userEvent.click(await screen.findByRole('button', { name: 'Not now' }))
    first.unmount()

    show(customerOn({ id: 108, facts: outage }), true)
    expect(await screen.findByTestId('why-now-recommended')).toBeInTheDocument()
    expect(screen.queryByTestId('why-now-dismissed')).toBeNull()
  })

  it('comes back when a new kind of reason appears after the dismissal', async () => {
    // Dismissed while the ticket was only urgent; then the customer wrote about other vendors.
    const quiet = { ...outage, description: 'Dashboard down.' }
    const first = show(customerOn({ facts: quiet }))
    await userEvent.click(await screen.findByRole('button', { name: 'Not now' }))
    first.unmount()

    show(customerOn({ facts: outage }), true)
    const banner = await screen.findByTestId('why-now-recommended')
    expect(banner).toHaveTextContent('Mentions “other vendors”')
  })

  it('offers no "Not now" and no dismissed line where nothing is recommended', async () => {
    // A routine question from an at-risk account: signals, no recommendation.
    show(
      customerOn({ facts: { ...outage, priority: 'low', type: 'question', description: 'How do I export?' } })
    )
    expect(await screen.findByTestId('why-now')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull()
    expect(screen.queryByTestId('why-now-dismissed')).toBeNull()
  })
})
