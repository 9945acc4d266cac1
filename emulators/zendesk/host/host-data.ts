import * as z from 'zod/mini'

// What the server hands the agent view (inline JSON). Records keep Zendesk's REST (snake_case)
// shapes; host/zaf-objects.ts derives the camelCase objects ZAF gives apps.
export const organizationRecord = z.object({
  id: z.number(),
  name: z.string(),
  external_id: z.nullable(z.string()),
  domain_names: z.array(z.string()),
})
export const userRecord = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  organization_id: z.nullable(z.number()),
})
/** The app locations this emulator frames (manifest `location.support` keys). */
export const LOCATIONS = [
  'ticket_sidebar',
  'new_ticket_sidebar',
  'user_sidebar',
  'organization_sidebar',
] as const
export type Location = (typeof LOCATIONS)[number]

// On the new-ticket page the ticket has no id and, until the agent picks one, no requester.
export const ticketRecord = z.object({
  id: z.nullable(z.number()),
  subject: z.string(),
  description: z.string(),
  priority: z.nullable(z.string()),
  type: z.nullable(z.string()),
  status: z.string(),
  requester_id: z.nullable(z.number()),
  organization_id: z.nullable(z.number()),
  tags: z.array(z.string()),
  /** The ticket's followers, as the API's ticket lists them. */
  follower_ids: z.array(z.number()),
  created_at: z.nullable(z.string()),
})
export const noteRecord = z.object({
  id: z.number(),
  body: z.string(),
  public: z.boolean(),
  created_at: z.string(),
})

export const hostDataSchema = z.object({
  /** The app's page without the query Zendesk appends (origin, app_guid). */
  appUrl: z.string(),
  appName: z.string(),
  appVersion: z.string(),
  /** Non-secure settings only: secure ones never leave the server. */
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  subdomain: z.string(),
  crmControlUrl: z.nullable(z.string()),
  /** The app's manifest has an oauth block: the demo panel adds the Salesforce session controls. */
  oauthInstalled: z._default(z.boolean(), false),
  /** Which page this is, so which app location it frames. */
  location: z.enum(LOCATIONS),
  /** The ticket of a ticket page (saved or new); null on a user or organization page. */
  ticket: z.nullable(ticketRecord),
  /** The user of a user page, the organization of an organization page; else null. */
  userId: z.nullable(z.number()),
  organizationId: z.nullable(z.number()),
  tickets: z.array(z.object({ id: z.number(), subject: z.string() })),
  users: z.array(userRecord),
  organizations: z.array(organizationRecord),
  currentUser: z.object({
    id: z.number(),
    name: z.string(),
    email: z.string(),
    locale: z.string(),
    role: z.string(),
    timeZone: z.object({ ianaName: z.string() }),
  }),
  comments: z.array(noteRecord),
})

export type HostData = z.infer<typeof hostDataSchema>
export type TicketRecord = z.infer<typeof ticketRecord>
export type UserRecord = z.infer<typeof userRecord>
export type OrganizationRecord = z.infer<typeof organizationRecord>
export type NoteRecord = z.infer<typeof noteRecord>

/** The element id of the inline JSON; shared so server and page cannot drift apart. */
export const HOST_DATA_ELEMENT_ID = 'zendesk-host-data'
