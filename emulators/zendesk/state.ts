import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

const organizationSchema = z.object({ id: z.number(), name: z.string(), external_id: z.string().nullable(), domain_names: z.array(z.string()) })
const userSchema = z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.string(), organization_id: z.number().nullable() })
const ticketSchema = z.object({
  id: z.number(),
  subject: z.string(),
  description: z.string(),
  priority: z.string().nullable(),
  status: z.string(),
  requester_id: z.number(),
  organization_id: z.number().nullable(),
  tags: z.array(z.string()),
  created_at: z.string(),
})
export const seedSchema = z.object({
  account: z.object({ subdomain: z.string() }),
  currentUser: z.object({ id: z.number(), name: z.string(), email: z.string(), locale: z.string(), role: z.string(), timeZone: z.object({ ianaName: z.string() }) }),
  organizations: z.array(organizationSchema),
  users: z.array(userSchema),
  tickets: z.array(ticketSchema),
})
export type ZendeskSeed = z.infer<typeof seedSchema>
export type Ticket = z.infer<typeof ticketSchema>
export type User = z.infer<typeof userSchema>
export type Organization = z.infer<typeof organizationSchema>

export interface Comment {
  id: number
  author_id: number
  body: string
  html_body: string
  public: boolean
  created_at: string
}

export function loadDefaultSeed(): ZendeskSeed {
  return seedSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, 'seed.json'), 'utf8')))
}

/** The emulated account's mutable data: tickets (with requester changes), comments and tags. */
export class ZendeskState {
  tickets: Ticket[] = []
  comments = new Map<number, Comment[]>()
  private commentCounter = 0

  constructor(readonly seed: ZendeskSeed) {
    this.reset()
  }

  reset(): void {
    this.tickets = this.seed.tickets.map((ticket) => ({ ...ticket, tags: [...ticket.tags] }))
    this.comments = new Map()
    this.commentCounter = 0
  }

  ticket(id: number): Ticket | null {
    return this.tickets.find((ticket) => ticket.id === id) ?? null
  }
  user(id: number | null): User | null {
    return this.seed.users.find((user) => user.id === id) ?? null
  }
  organization(id: number | null): Organization | null {
    return this.seed.organizations.find((org) => org.id === id) ?? null
  }

  addComment(ticketId: number, body: string, htmlBody: string | null, isPublic: boolean): Comment {
    this.commentCounter += 1
    const comment: Comment = {
      id: this.commentCounter,
      author_id: this.seed.currentUser.id,
      body,
      html_body: htmlBody ?? body,
      public: isPublic,
      created_at: new Date().toISOString(),
    }
    this.comments.set(ticketId, [...(this.comments.get(ticketId) ?? []), comment])
    return comment
  }
}
