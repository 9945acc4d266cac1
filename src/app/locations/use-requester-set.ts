import { useEffect, useState } from 'react'
import { useServices } from '../../features/shared/services-context'

/**
 * Whether the new ticket has a requester yet: null while the first read is on its way, then
 * true/false, following `ticket.requester.id.changed` (through the customer port).
 */
export function useRequesterSet(): boolean | null {
  const { ticket } = useServices()
  const [requesterSet, setRequesterSet] = useState<boolean | null>(null)
  useEffect(() => {
    let latest = 0
    const read = (): void => {
      const run = ++latest
      ticket.readCustomer().then(
        (customer) => {
          if (run === latest) setRequesterSet(customer.requester !== null)
        },
        // Unreadable is treated as "not set": the agent still sees what to do next.
        () => {
          if (run === latest) setRequesterSet(false)
        }
      )
    }
    read()
    const unsubscribe = ticket.onCustomerChange(read)
    return () => {
      latest = -1
      unsubscribe()
    }
  }, [ticket])
  return requesterSet
}
