import * as z from 'zod/mini'
import type { CustomerContext, CustomerPage, Organization, Requester } from '../domain/customer'
import { ESCALATED_TAG, escalationTags } from '../domain/escalation-claim'
import { contextPaths, type AppLocation } from './context-paths'
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

const userOrganizationsSchema = z.looseObject({ organizations: z.optional(z.array(z.unknown())) })

/** Reads the customer of `location` in one ZAF round trip. Missing or malformed parts become null. */
export async function readCustomerContext(
  client: ZafClient,
  location: AppLocation
): Promise<CustomerContext> {
  return parseCustomerContext(location, await client.get(contextPaths(location)))
}

/**
 * The customer context from the answer to a ZAF `get` of `contextPaths(location)`:
 * - ticket_sidebar: the ticket's requester and organization, and the ticket (escalation is per ticket);
 * - new_ticket_sidebar: the same, empty until the agent sets them, and no ticket until it is submitted;
 * - user_sidebar: the user as the "requester" (their email) and their first (default) organization;
 * - organization_sidebar: the organization alone.
 */
export function parseCustomerContext(location: AppLocation, data: Record<string, unknown>): CustomerContext {
  switch (location) {
    case 'ticket_sidebar': {
      const ticketId = data['ticket.id']
      const subdomain = data['currentAccount.subdomain']
      return {
        requester: toRequester(data['ticket.requester']),
        organization: toOrganization(data['ticket.organization']),
        ticket:
          typeof ticketId === 'number' && typeof subdomain === 'string'
            ? {
                id: ticketId,
                subdomain,
                escalated: hasTag(data['ticket.tags'], ESCALATED_TAG),
                status: textOrNull(data['ticket.status']),
                escalationTags: escalationTags(stringTags(data['ticket.tags'])),
                facts: {
                  priority: textOrNull(data['ticket.priority']),
                  type: textOrNull(data['ticket.type']),
                  tags: stringTags(data['ticket.tags']),
                  subject: textOrNull(data['ticket.subject']) ?? '',
                  description: textOrNull(data['ticket.description']) ?? '',
                },
              }
            : null,
      }
    }
    case 'new_ticket_sidebar':
      return {
        requester: toRequester(data['ticket.requester']),
        organization: toOrganization(data['ticket.organization']),
        ticket: null,
      }
    case 'user_sidebar': {
      const user = data['user']
      const organizations = userOrganizationsSchema.safeParse(user)
      const first = organizations.success ? organizations.data.organizations?.[0] : undefined
      return { requester: toRequester(user), organization: toOrganization(first), ticket: null }
    }
    case 'organization_sidebar':
      return { requester: null, organization: toOrganization(data['organization']), ticket: null }
  }
}

function toRequester(value: unknown): Requester | null {
  const parsed = userSchema.safeParse(value)
  if (!parsed.success) return null
  const { id, name, email } = parsed.data
  return { id, name: wellFormed(name) ?? '', email: wellFormed(email)?.trim() || null }
}

function toOrganization(value: unknown): Organization | null {
  const parsed = organizationSchema.safeParse(value)
  if (!parsed.success) return null
  const { id, name, externalId, domains } = parsed.data
  const list = typeof domains === 'string' ? domains.split(/[\s,]+/) : (domains ?? [])
  return {
    id,
    name: wellFormed(name) ?? '',
    externalId:
      externalId === null || externalId === undefined || externalId === ''
        ? null
        : String(externalId).toWellFormed(),
    domains: list.map((d) => d.toWellFormed().trim().toLowerCase()).filter(Boolean),
  }
}

/**
 * Zendesk text can hold a lone UTF-16 surrogate (a name or email cut in the middle of an emoji);
 * encodeURIComponent throws on one, so every string is made well formed (U+FFFD) on the way in.
 */
function wellFormed(text: string | null | undefined): string | null | undefined {
  return typeof text === 'string' ? text.toWellFormed() : text
}

/** What the card on `location` speaks of: the ticket (saved or new), the user or the organization. */
export function customerPage(location: AppLocation): CustomerPage {
  switch (location) {
    case 'ticket_sidebar':
    case 'new_ticket_sidebar':
      return 'ticket'
    case 'user_sidebar':
      return 'user'
    case 'organization_sidebar':
      return 'organization'
  }
}

/**
 * ZAF events after which the customer of `location` may be someone else (or newly set, on a new
 * ticket). Only the fields the match cascade reads: a renamed user still has the same email.
 */
export function customerChangeEvents(location: AppLocation): readonly string[] {
  switch (location) {
    case 'ticket_sidebar':
    case 'new_ticket_sidebar':
      return ['ticket.requester.id.changed', 'ticket.organization.changed']
    case 'user_sidebar':
      return ['user.email.changed', 'user.organizations.changed']
    case 'organization_sidebar':
      return ['organization.externalId.changed', 'organization.domains.changed']
  }
}

function stringTags(tags: unknown): string[] {
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : []
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.toWellFormed() : null
}

/** ZAF gives `ticket.tags` as an array of strings; anything else means "not known to be tagged". */
function hasTag(tags: unknown, tag: string): boolean {
  return Array.isArray(tags) && tags.includes(tag)
}
