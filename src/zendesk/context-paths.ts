/**
 * What the app reads from the ticket on load, in one ZAF `get`. Its own module (no imports) so the
 * entry can ask for it before the parser and zod have loaded.
 */
export const CONTEXT_PATHS = ['ticket.requester', 'ticket.organization', 'ticket.id', 'currentAccount.subdomain'] as const
export const STARTUP_PATHS = [...CONTEXT_PATHS, 'currentUser.locale'] as const
