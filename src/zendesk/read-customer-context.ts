import * as z from 'zod/mini'
import type { CustomerContext, Organization, Requester } from '../domain/customer'
import type { ZafClient } from './zaf-client'

const userSchema = z.looseObject({
  id: z.number(),
  name: z.nullable(z.optional(z.string())),
  email: z.nullable(z.optional(z.string())),
})

// ZAF gives `domains` as one space-separated string; accept an array too rather than guess wrong.
const organizationSchema = z.looseObject({
  id: z.number(),
  name: z.nullable(z.optional(z.string())),
  externalId: z.nullable(z.optional(z.union([z.string(), z.number()]))),
  domains: z.nullable(z.optional(z.union([z.string(), z.array(z.string())]))),
})

export const CONTEXT_PATHS = ['ticket.requester', 'ticket.organization', 'ticket.id', 'currentAccount.subdomain'] as const

/** Reads requester, organization and ticket in one ZAF round trip. Missing or malformed parts become null. */
export async function readCustomerContext(client: ZafClient): Promise<CustomerContext> {
  const data = await client.get(CONTEXT_PATHS)
  const ticketId = data['ticket.id']
  const subdomain = data['currentAccount.subdomain']
  return {
    requester: toRequester(data['ticket.requester']),
    organization: toOrganization(data['ticket.organization']),
    ticket: typeof ticketId === 'number' && typeof subdomain === 'string' ? { id: ticketId, subdomain } : null,
  }
}

function toRequester(value: unknown): Requester | null {
  const parsed = userSchema.safeParse(value)
  if (!parsed.success) return null
  const { id, name, email } = parsed.data
  return { id, name: name ?? '', email: email?.trim() || null }
}

function toOrganization(value: unknown): Organization | null {
  const parsed = organizationSchema.safeParse(value)
  if (!parsed.success) return null
  const { id, name, externalId, domains } = parsed.data
  const list = typeof domains === 'string' ? domains.split(/[\s,]+/) : (domains ?? [])
  return {
    id,
    name: name ?? '',
    externalId: externalId === null || externalId === undefined || externalId === '' ? null : String(externalId),
    domains: list.map((d) => d.trim().toLowerCase()).filter(Boolean),
  }
}

/** ZAF events after which the ticket's customer may be someone else. */
export const CUSTOMER_CHANGE_EVENTS = ['ticket.requester.id.changed', 'ticket.organization.changed'] as const
