import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { CustomerContext } from '../../domain/customer'
import type { TicketCounts } from '../../domain/ticket-trend'
import { ServicesProvider, type Services } from '../shared/services-context'
import { useCustomerTrend } from './use-customer-trend'

const initech: CustomerContext = {
  requester: { id: 203, name: 'Bill', email: 'bill@initech.example' },
  organization: { id: 9003, name: 'Initech', externalId: null, domains: [] },
  ticket: { id: 103, subdomain: 'demo', status: 'pending', escalated: false },
}
const trending: TicketCounts = { windowDays: 30, recent: 6, before: 3, openUrgent: 1, escalated: 1 }

/** The hook over a counting port that records when it was asked. */
function render(answer: () => Promise<TicketCounts | null>) {
  const asked: CustomerContext[] = []
  const services = {
    ticketCounts: (context: CustomerContext) => {
      asked.push(context)
      return answer()
    },
  } as unknown as Services
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ServicesProvider services={services}>{children}</ServicesProvider>
  )
  const hook = renderHook(({ customer }) => useCustomerTrend(customer), {
    wrapper,
    initialProps: { customer: initech },
  })
  return { ...hook, asked }
}

describe('useCustomerTrend', () => {
  it('asks only after the card has painted, then lists the signals in the counts', async () => {
    const { result, asked } = render(() => Promise.resolve(trending))
    // Rendered, not yet painted: nothing asked, nothing shown.
    expect(asked).toEqual([])
    expect(result.current).toEqual([])
    await waitFor(() => expect(result.current).not.toEqual([]))
    expect(asked).toHaveLength(1)
    expect(result.current).toEqual([
      { kind: 'ticket-trend', recent: 6, usual: 1, days: 30 },
      { kind: 'open-urgent', count: 1 },
      { kind: 'recent-escalations', count: 1, days: 90 },
    ])
  })

  it('asks once per customer, and again for another one', async () => {
    const { result, asked, rerender } = render(() => Promise.resolve(trending))
    await waitFor(() => expect(result.current).toHaveLength(3))
    rerender({ customer: { ...initech } })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(asked).toHaveLength(1)
    rerender({ customer: { ...initech, organization: null, requester: { id: 205, name: 'M', email: null } } })
    // Another customer's list is not shown while theirs is on its way.
    expect(result.current).toEqual([])
    await waitFor(() => expect(asked).toHaveLength(2))
  })

  it('shows nothing when Zendesk cannot count or there is no customer', async () => {
    const failing = render(() => Promise.reject(new Error('unavailable')))
    await waitFor(() => expect(failing.asked).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(failing.result.current).toEqual([])
    const none = render(() => Promise.resolve(null))
    await waitFor(() => expect(none.asked).toHaveLength(1))
    expect(none.result.current).toEqual([])
  })
})
