import type { TicketFacts } from './why-now'

/**
 * Who the ticket is about, as far as the CRM lookup is concerned. Built from the Zendesk ticket's
 * requester and organization; every field may be missing (new tickets, phone-only requesters,
 * tickets without an organization).
 */
export interface Requester {
  readonly id: number
  readonly name: string
  readonly email: string | null
}

export interface Organization {
  readonly id: number
  readonly name: string
  readonly externalId: string | null
  readonly domains: readonly string[]
}

/** The ticket the sidebar is on, when there is one: escalation state is looked up per ticket. */
export interface TicketRef {
  readonly id: number
  readonly subdomain: string
  /**
   * The ticket carries the escalation tag: a task may exist in the CRM. Lets CRMs whose lookup
   * cannot include the ticket's task (HubSpot, custom) search for it only when it is worth a request.
   */
  readonly escalated?: boolean
  /** Zendesk's status (new, open, pending, hold, solved, closed); absent where not read. */
  readonly status?: string | null
  /** The ticket's escalation tags as it was opened (`escalation-claim.ts`): claims and completed escalations. */
  readonly escalationTags?: readonly string[]
  /** Priority, type, tags and text, for the "Why now" signals; absent where not read. */
  readonly facts?: TicketFacts
}

/**
 * Whose page the sidebar is on, which is what the card speaks of: a ticket and its requester (a
 * saved or a new ticket), a user and their email, or an organization and its domain.
 */
export type CustomerPage = 'ticket' | 'user' | 'organization'

export interface CustomerContext {
  readonly requester: Requester | null
  readonly organization: Organization | null
  readonly ticket?: TicketRef | null
}

/** The part after the last `@`, lower-cased; null when the address has none. */
export function emailDomain(email: string | null): string | null {
  if (!email) return null
  const at = email.lastIndexOf('@')
  if (at < 1 || at === email.length - 1) return null
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
}

// Matching an email domain against account websites only makes sense for company domains:
// thousands of unrelated customers share these, so a "match" would be a wrong account.
const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'qq.com',
  '163.com',
])

export function isPublicEmailDomain(domain: string): boolean {
  return PUBLIC_EMAIL_DOMAINS.has(domain.toLowerCase())
}

/**
 * A stable string naming exactly the inputs a lookup depends on, so a cached result is reused only
 * for the same requester and organization.
 */
export function customerKey(context: CustomerContext): string {
  const { requester, organization } = context
  return [
    organization ? `org:${organization.id}:${organization.externalId ?? ''}` : 'org:-',
    `email:${requester?.email?.toLowerCase() ?? ''}`,
    `ticket:${context.ticket?.id ?? ''}${context.ticket?.escalated ? ':escalated' : ''}`,
  ].join('|')
}
