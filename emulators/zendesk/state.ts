import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { htmlToText, textToHtml } from './server/comment-format'

// The seed is Zendesk's own (snake_case) data, as the REST API would hold it. Anything the ZAF side
// needs (camelCase objects) is derived from it in host/zaf-objects.ts.
const organizationSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  external_id: z.string().nullable(),
  domain_names: z.array(z.string()),
})
const userSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['end-user', 'agent', 'admin']),
  organization_id: z.number().int().positive().nullable(),
})
const ticketSchema = z.object({
  id: z.number().int().positive(),
  subject: z.string(),
  description: z.string(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullable(),
  // Zendesk's ticket type; null when the ticket has none (most tickets in the seed).
  type: z.enum(['problem', 'incident', 'question', 'task']).nullable().default(null),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  requester_id: z.number().int().positive(),
  organization_id: z.number().int().positive().nullable(),
  tags: z.array(z.string()),
  created_at: z.iso.datetime(),
})
// The customers' earlier tickets: only Zendesk's search sees them (the "Why now" ticket trend and
// escalations), never the ticket picker. Their age is relative to the emulator's clock, so the
// trend holds whatever day the demo runs.
const pastTicketSchema = ticketSchema
  .omit({ created_at: true, description: true })
  .extend({ createdDaysAgo: z.number().nonnegative() })
export const seedSchema = z
  .object({
    account: z.object({ subdomain: z.string().min(1) }),
    currentUser: z.object({
      id: z.number().int().positive(),
      name: z.string(),
      email: z.string(),
      locale: z.string(),
      role: z.string(),
      timeZone: z.object({ ianaName: z.string() }),
    }),
    organizations: z.array(organizationSchema),
    users: z.array(userSchema),
    tickets: z.array(ticketSchema).min(1),
    pastTickets: z.array(pastTicketSchema).default([]),
  })
  // A seed whose tickets point at nobody would make the agent view and the API disagree.
  .superRefine((seed, ctx) => {
    const users = new Set(seed.users.map((u) => u.id))
    const orgs = new Set(seed.organizations.map((o) => o.id))
    // Two users with one id: `?as=<id>` and the API would each pick one of them.
    for (const [index, user] of seed.users.entries())
      if (seed.users.findIndex((other) => other.id === user.id) !== index)
        ctx.addIssue({ code: 'custom', path: ['users', index, 'id'], message: 'another user has this id' })
    for (const list of ['tickets', 'pastTickets'] as const)
      for (const [index, t] of seed[list].entries()) {
        if (!users.has(t.requester_id))
          ctx.addIssue({ code: 'custom', path: [list, index, 'requester_id'], message: 'no such user' })
        if (t.organization_id !== null && !orgs.has(t.organization_id))
          ctx.addIssue({
            code: 'custom',
            path: [list, index, 'organization_id'],
            message: 'no such organization',
          })
      }
  })
export type ZendeskSeed = z.infer<typeof seedSchema>
export type SeedTicket = z.infer<typeof ticketSchema>
export type User = z.infer<typeof userSchema>
export type Organization = z.infer<typeof organizationSchema>

/** A ticket as the emulator holds it: the seed's fields plus what changes over time. */
export interface Ticket extends SeedTicket {
  updated_at: string
  /** Users who follow the ticket (agents only); Zendesk notifies them of updates. */
  follower_ids: number[]
}

/** A comment the app (or a test) added through PUT /api/v2/tickets/:id.json, in Zendesk's shape. */
export interface Comment {
  id: number
  type: 'Comment'
  author_id: number
  body: string
  html_body: string
  plain_body: string
  public: boolean
  created_at: string
}

export function loadDefaultSeed(): ZendeskSeed {
  return seedSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, 'seed.json'), 'utf8')))
}

/**
 * The emulated account's mutable data. The seed is never mutated, so `reset()` restores exactly
 * what a fresh emulator starts with.
 */
export class ZendeskState {
  readonly seed: ZendeskSeed
  private ticketsById = new Map<number, Ticket>()
  private pastTickets: Ticket[] = []
  private commentsByTicket = new Map<number, Comment[]>()
  private nextCommentId = 1

  constructor(
    seed: ZendeskSeed,
    /** The emulator's clock: relative search dates (`created>30days`) and past tickets' ages. */
    readonly now: () => number = Date.now
  ) {
    // Validate here too: a seed passed in code bypasses loadDefaultSeed().
    this.seed = seedSchema.parse(seed)
    this.reset()
  }

  reset(): void {
    this.pastTickets = this.seed.pastTickets.map(({ createdDaysAgo, ...past }) => {
      const created = new Date(this.now() - createdDaysAgo * 86_400_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
      return {
        ...past,
        tags: [...past.tags],
        description: '',
        created_at: created,
        updated_at: created,
        follower_ids: [],
      }
    })
    this.ticketsById = new Map(
      this.seed.tickets.map((t) => [
        t.id,
        { ...t, tags: [...t.tags], updated_at: t.created_at, follower_ids: [] },
      ])
    )
    this.commentsByTicket = new Map()
    // Zendesk comment ids are large; starting high keeps them apart from ticket and user ids in logs.
    this.nextCommentId = 5_000_001
  }

  tickets(): Ticket[] {
    return [...this.ticketsById.values()]
  }
  /** What Zendesk's search sees: the tickets, and the customers' earlier ones. */
  searchableTickets(): Ticket[] {
    return [...this.ticketsById.values(), ...this.pastTickets]
  }
  ticket(id: number): Ticket | null {
    return this.ticketsById.get(id) ?? null
  }
  user(id: number | null): User | null {
    return this.seed.users.find((u) => u.id === id) ?? null
  }
  organization(id: number | null): Organization | null {
    return this.seed.organizations.find((o) => o.id === id) ?? null
  }
  /** Comments added since start (or the last reset); the ticket's description is not one of them. */
  comments(ticketId: number): Comment[] {
    return [...(this.commentsByTicket.get(ticketId) ?? [])]
  }

  /** Zendesk moves the ticket to the new requester's default organization. */
  setRequester(ticket: Ticket, requester: User): void {
    ticket.requester_id = requester.id
    ticket.organization_id = requester.organization_id
    this.touch(ticket)
  }

  setTags(ticket: Ticket, tags: readonly string[]): void {
    ticket.tags = normaliseTags(tags)
    this.touch(ticket)
  }
  addTags(ticket: Ticket, tags: readonly string[]): void {
    this.setTags(ticket, [...ticket.tags, ...tags])
  }
  removeTags(ticket: Ticket, tags: readonly string[]): void {
    const gone = new Set(normaliseTags(tags))
    this.setTags(
      ticket,
      ticket.tags.filter((t) => !gone.has(t))
    )
  }

  /** `put` adds a follower, `delete` removes one (the `followers` array of a ticket update). */
  setFollowers(
    ticket: Ticket,
    changes: readonly { user_id: number; action?: 'put' | 'delete' | undefined }[]
  ): void {
    let ids = [...ticket.follower_ids]
    for (const change of changes)
      ids =
        change.action === 'delete'
          ? ids.filter((id) => id !== change.user_id)
          : [...new Set([...ids, change.user_id])]
    if (ids.join(',') === ticket.follower_ids.join(',')) return
    ticket.follower_ids = ids
    this.touch(ticket)
  }
  /** Users whose email is `email` (case-insensitive), as Zendesk's user search finds them. */
  usersByEmail(email: string): User[] {
    const wanted = email.trim().toLowerCase()
    return this.seed.users.filter((u) => u.email.toLowerCase() === wanted)
  }

  /** Zendesk keeps both renderings of a comment; whichever was sent, the other is derived. */
  addComment(
    ticket: Ticket,
    input: { body?: string | undefined; htmlBody?: string | undefined; isPublic: boolean; authorId?: number }
  ): Comment {
    const body = input.body ?? htmlToText(input.htmlBody ?? '')
    const comment: Comment = {
      id: this.nextCommentId++,
      type: 'Comment',
      author_id: input.authorId ?? this.seed.currentUser.id,
      body,
      html_body: input.htmlBody ?? textToHtml(body),
      plain_body: body,
      public: input.isPublic,
      created_at: new Date().toISOString(),
    }
    this.commentsByTicket.set(ticket.id, [...(this.commentsByTicket.get(ticket.id) ?? []), comment])
    this.touch(ticket)
    return comment
  }

  /**
   * Zendesk's `updated_at` has whole seconds ("2026-05-01T10:00:00Z"), and that stamp is what
   * `safe_update` compares: two changes within one second share it, as they do in Zendesk, so an
   * app cannot rely on a stamp alone to tell them apart.
   */
  private touch(ticket: Ticket): void {
    ticket.updated_at = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
  }
}

/** Zendesk stores tags lower-cased, with spaces splitting tags, without duplicates. */
function normaliseTags(tags: readonly string[]): string[] {
  const split = tags.flatMap((t) => t.toLowerCase().split(/\s+/)).filter((t) => t.length > 0)
  return [...new Set(split)]
}
