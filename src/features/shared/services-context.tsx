import { createContext, useContext, type ReactNode } from 'react'
import type { CachedOutcome, TicketPort } from '../../domain/ports'
import type { CustomerContext } from '../../domain/customer'
import type { LookupOptions } from '../../domain/lookup-account'
import type { AppSettings } from '../../settings/app-settings'

/**
 * What features may use. Built once by the composition root (`app/compose.ts`); features never
 * touch axios, the ZAF SDK or storage directly, so component tests can hand in real domain
 * services over an in-memory CRM.
 */
export interface Services {
  readonly settings: AppSettings
  readonly ticket: TicketPort
  lookup(context: CustomerContext, options?: LookupOptions): Promise<CachedOutcome & { readonly fromCache: boolean }>
  now(): number
}

const ServicesContext = createContext<Services | null>(null)

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>')
  return services
}
