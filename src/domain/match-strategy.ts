/** The ways a ticket's customer can be matched to a CRM account, in the default cascade order. */
export const MATCH_STRATEGIES = ['organization-external-id', 'requester-email', 'email-domain'] as const
export type MatchStrategy = (typeof MATCH_STRATEGIES)[number]
