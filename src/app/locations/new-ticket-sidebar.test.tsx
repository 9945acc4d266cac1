import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../domain/account'
import type { CustomerContext } from '../../domain/customer'
import type { CrmConnector } from '../../domain/ports'
import { renderWithServices, TestTicket } from '../../test-support/render-card'
import { readyToLookUp } from './ready-to-look-up'
import { NewTicketSidebar } from './new-ticket-sidebar'
import { globexAtRisk } from '../../test-support/accounts'

const globex: AccountSummary = globexAtRisk
const empty: CustomerContext = { requester: null, organization: null, ticket: null }
const hank: CustomerContext = {
  requester: { id: 202, name: 'Hank', email: 'hank@globex.example' },
  organization: null,
  ticket: null,
}

/** A CRM that knows Globex and counts the lookups it was asked for. */
function globexCrm(): CrmConnector & { asked: CustomerContext[] } {
  const asked: CustomerContext[] = []
  return {
    asked,
    findAccount(context) {
      asked.push(context)
      return Promise.resolve({ kind: 'found', account: globex, tried: [] })
    },
  }
}

describe('NewTicketSidebar', () => {
  it('asks for a requester without calling the CRM, then shows the account once one is set', async () => {
    const crm = globexCrm()
    const ticket = new TestTicket(empty)
    renderWithServices(<NewTicketSidebar />, crm, ticket)

    expect(await screen.findByText('Set a requester to see their account')).toBeTruthy()
    expect(crm.asked).toEqual([])

    ticket.changeCustomer(hank)
    expect(await screen.findByText('Marcus Oyelaran')).toBeTruthy()
    expect(crm.asked).toEqual([hank])
    expect(screen.getByText('Escalation to the CSM is available once the ticket is submitted.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Escalate/ })).toBeNull()
  })

  it('goes back to asking when the requester is removed', async () => {
    const ticket = new TestTicket(hank)
    renderWithServices(<NewTicketSidebar />, globexCrm(), ticket)
    await screen.findByText('Marcus Oyelaran')
    ticket.changeCustomer(empty)
    expect(await screen.findByText('Set a requester to see their account')).toBeTruthy()
  })
})

describe('readyToLookUp', () => {
  it('waits for a requester only on a new ticket', () => {
    expect(readyToLookUp('new_ticket_sidebar', empty)).toBe(false)
    expect(readyToLookUp('new_ticket_sidebar', hank)).toBe(true)
    expect(readyToLookUp('organization_sidebar', empty)).toBe(true)
    expect(readyToLookUp('ticket_sidebar', empty)).toBe(true)
  })
})
