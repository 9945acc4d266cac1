import * as z from 'zod/mini'
import type { CustomerContext, Organization, Requester } from '../domain/customer'
import { CONTEXT_PATHS } from './context-paths'
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


/** Reads requester, organization and ticket in one ZAF round trip. Missing or malformed parts become null. */
export async function readCustomerContext(client: ZafClient): Promise<CustomerContext> {
  return parseCustomerContext(await client.get(CONTEXT_PATHS))
}

/** The customer context from the answer to a ZAF `get` of `CONTEXT_PATHS`. */
export function parseCustomerContext(data: Record<string, unknown>): CustomerContext {
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
