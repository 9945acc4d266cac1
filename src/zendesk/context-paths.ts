/**
 * Where the app runs and what it reads there on load, in one ZAF `get`. Its own module (no
 * imports) so the entry can ask for it before the parser and zod have loaded.
 * See docs/adr/0007-locations.md.
 */
export const APP_LOCATIONS = [
  'ticket_sidebar',
  'new_ticket_sidebar',
  'user_sidebar',
  'organization_sidebar',
] as const
export type AppLocation = (typeof APP_LOCATIONS)[number]

/**
 * The location Zendesk framed us in (`client.context().location`). The manifest declares only the
 * four above, so anything else is a Zendesk we do not know: treat it as the ticket sidebar, the
 * app's home, rather than render nothing.
 */
export function toAppLocation(location: unknown): AppLocation {
  return APP_LOCATIONS.find((known) => known === location) ?? 'ticket_sidebar'
}

// Each location exposes different objects; asking for another location's paths only earns
// "No such API" errors, so every location asks for exactly its own.
// ticket.tags tells whether the ticket was escalated (csm_escalated), in the same `get`.
const TICKET_PATHS = [
  'ticket.requester',
  'ticket.organization',
  'ticket.id',
  'ticket.tags',
  // For the "Why now" signals (domain/why-now.ts), in the same round trip.
  'ticket.priority',
  'ticket.type',
  'ticket.subject',
  'ticket.description',
  // Whether this ticket is among the customer's open ones ("Why now" ticket counts).
  'ticket.status',
  'currentAccount.subdomain',
] as const
const CONTEXT_PATHS: Readonly<Record<AppLocation, readonly string[]>> = {
  ticket_sidebar: TICKET_PATHS,
  // A new ticket has no id until it is submitted; requester and organization start empty.
  new_ticket_sidebar: ['ticket.requester', 'ticket.organization'],
  user_sidebar: ['user'],
  organization_sidebar: ['organization'],
}

/** What the customer is read from in `location`. */
export function contextPaths(location: AppLocation): readonly string[] {
  return CONTEXT_PATHS[location]
}

/**
 * The start-up `get`: the customer's paths plus the agent's locale and role (an admin is told where
 * to renew a lost CRM connection).
 */
export function startupPaths(location: AppLocation): string[] {
  return [...CONTEXT_PATHS[location], 'currentUser.locale', 'currentUser.role']
}
