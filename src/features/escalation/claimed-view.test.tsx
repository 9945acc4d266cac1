import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CrmConnector } from '../../domain/ports'
import { renderWithServices, TestTicket } from '../../test-support/render-card'
import en from '../../../translations/en.json'
import { ClaimedView } from './claimed-view'

const unused: CrmConnector = { findAccount: () => Promise.reject(new Error('no lookup in this test')) }
const ticket = new TestTicket({ requester: null, organization: null })
const claimed = (holder: { byMe: boolean; agentName: string | null } | null) =>
  ({
    status: 'claimed',
    holder: holder && { ...holder, claim: null, clockOffsetMs: 0 },
    stale: false,
    prior: 0,
  }) as const

describe('ClaimedView', () => {
  it('says neither "you" nor "another agent" before the ticket says whose claim it is', () => {
    renderWithServices(<ClaimedView state={claimed(null)} />, unused, ticket)
    expect(screen.getByTestId('escalation-claimed')).toHaveTextContent(en.ui.escalation.claim.pending)
  })

  it('then says it is this agent in another tab, or another agent', () => {
    const { unmount } = renderWithServices(
      <ClaimedView state={claimed({ byMe: true, agentName: 'Alex Rivera' })} />,
      unused,
      ticket
    )
    expect(screen.getByTestId('escalation-claimed')).toHaveTextContent(en.ui.escalation.claim.byMe)
    unmount()
    renderWithServices(<ClaimedView state={claimed({ byMe: false, agentName: null })} />, unused, ticket)
    expect(screen.getByTestId('escalation-claimed')).toHaveTextContent(en.ui.escalation.claim.byOther)
  })
})
