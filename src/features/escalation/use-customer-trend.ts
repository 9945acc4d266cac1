import { useEffect, useState } from 'react'
import { customerKey, type CustomerContext } from '../../domain/customer'
import { ticketTrendSignals } from '../../domain/ticket-trend'
import type { TrendSignal } from '../../domain/why-now'
import { useServices } from '../shared/services-context'

/**
 * The "Why now" signals from the customer's other tickets (Zendesk search counts). They are asked
 * for only after the card has painted (the next frame, then a task), so they never compete with the
 * CSM's name; until they arrive, and when Zendesk cannot count, there are none. `sb:signals` marks
 * when they are known, for `npm run bench`.
 */
export function useCustomerTrend(customer: CustomerContext): readonly TrendSignal[] {
  const { ticketCounts } = useServices()
  const [signals, setSignals] = useState<{ key: string; list: readonly TrendSignal[] } | null>(null)
  const key = customerKey(customer)

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const ticket = customer.ticket
        const current = ticket
          ? {
              priority: ticket.facts?.priority ?? null,
              status: ticket.status ?? null,
              escalated: ticket.escalated ?? false,
            }
          : null
        ticketCounts(customer).then(
          (counts) => {
            if (!live) return
            setSignals({ key, list: counts ? ticketTrendSignals(counts, current) : [] })
            performance.mark('sb:signals')
          },
          () => {
            if (!live) return
            setSignals({ key, list: [] })
            performance.mark('sb:signals')
          }
        )
      }, 0)
    })
    return () => {
      live = false
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
    // The customer is named by its key: a new object for the same customer asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ticketCounts])

  return signals?.key === key ? signals.list : []
}
