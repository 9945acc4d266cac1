import * as z from 'zod/mini'
import type { TicketDetails, TicketWriter } from '../domain/ports'
import type { ZafClient } from './zaf-client'

const DETAIL_PATHS = [
  'ticket.id',
  'ticket.subject',
  'ticket.priority',
  'ticket.status',
  // The "Why now" signals for the context note, in the same get.
  'ticket.type',
  'ticket.tags',
  'ticket.description',
  'ticket.requester',
  'ticket.organization',
  'currentUser.id',
  'currentUser.name',
  'currentAccount.subdomain',
] as const

const detailsSchema = z.object({
  'ticket.id': z.number(),
  'ticket.subject': z.nullable(z.optional(z.string())),
  'ticket.priority': z.nullable(z.optional(z.string())),
  'ticket.status': z.nullable(z.optional(z.string())),
  'ticket.type': z.nullable(z.optional(z.string())),
  'ticket.tags': z.nullable(z.optional(z.array(z.string()))),
  'ticket.description': z.nullable(z.optional(z.string())),
  'ticket.requester': z.nullable(
    z.optional(
      z.looseObject({ name: z.nullable(z.optional(z.string())), email: z.nullable(z.optional(z.string())) })
    )
  ),
  'ticket.organization': z.nullable(
    z.optional(z.looseObject({ id: z.number(), name: z.nullable(z.optional(z.string())) }))
  ),
  'currentUser.id': z.number(),
  'currentUser.name': z.string(),
  'currentAccount.subdomain': z.string(),
})

const ticketSchema = z.looseObject({
  ticket: z.looseObject({ tags: z.array(z.string()), updated_at: z.string() }),
})
const completeResponseSchema = z.looseObject({
  responseJSON: z.unknown(),
  headers: z.optional(z.record(z.string(), z.string())),
})
const userSchema = z.looseObject({ user: z.looseObject({ name: z.string() }) })

/** ZAF rejects a failed request with the response (jQuery-style); this reads its status. */
function statusOf(failure: unknown): number | null {
  if (typeof failure !== 'object' || failure === null || !('status' in failure)) return null
  const status = Number((failure as { status: unknown }).status)
  return Number.isFinite(status) ? status : null
}

const searchSchema = z.looseObject({ count: z.number() })
const usersSchema = z.looseObject({
  users: z.array(
    z.looseObject({
      id: z.number(),
      email: z.nullable(z.optional(z.string())),
      role: z.optional(z.string()),
      active: z.optional(z.boolean()),
    })
  ),
})
// Roles that can follow a ticket: agents (light agents are agents with a custom role) and admins.
const FOLLOWER_ROLES: ReadonlySet<string> = new Set(['agent', 'admin'])
const commentsSchema = z.looseObject({
  comments: z.array(
    z.looseObject({ body: z.nullable(z.optional(z.string())), public: z.optional(z.boolean()) })
  ),
})

/** Zendesk REST through ZAF (`/api/v2` with the agent's session), for escalations. */
export function createZafTicketWriter(client: ZafClient): TicketWriter {
  // Agents' names by id, for the life of the frame (only names that were read; a failure is asked again).
  const agentNames = new Map<number, string>()
  // CSMs' Zendesk users by email, also for the life of the frame (a failed read is asked again).
  const followers = new Map<string, number | null>()
  const api = (url: string, type = 'GET', body?: unknown): Promise<unknown> =>
    client.request({
      url,
      type,
      dataType: 'json',
      ...(body === undefined ? {} : { contentType: 'application/json', data: JSON.stringify(body) }),
    })

  // Newest first, so the notes an escalation just wrote are on the first page of a long ticket.
  const internalNotes = async (ticketId: number): Promise<readonly string[]> => {
    const parsed = commentsSchema.safeParse(
      await api(`/api/v2/tickets/${ticketId}/comments.json?sort_order=desc`)
    )
    if (!parsed.success) throw new Error("The ticket's comments could not be read")
    return parsed.data.comments.filter((comment) => comment.public === false).map((c) => c.body ?? '')
  }

  return {
    async details(): Promise<TicketDetails> {
      const data = detailsSchema.parse(await client.get(DETAIL_PATHS))
      const requester = data['ticket.requester']
      const organization = data['ticket.organization']
      return {
        id: data['ticket.id'],
        subdomain: data['currentAccount.subdomain'],
        subject: data['ticket.subject'] ?? '',
        priority: data['ticket.priority'] || null,
        status: data['ticket.status'] ?? 'open',
        requester: requester ? { name: requester.name ?? '', email: requester.email ?? null } : null,
        organization: organization ? { id: organization.id, name: organization.name ?? '' } : null,
        agentId: data['currentUser.id'],
        agentName: data['currentUser.name'],
        facts: {
          priority: data['ticket.priority'] || null,
          type: data['ticket.type'] || null,
          tags: data['ticket.tags'] ?? [],
          subject: data['ticket.subject'] ?? '',
          description: data['ticket.description'] ?? '',
        },
      }
    },
    async recentTicketCount(organizationId, since) {
      const query = `type:ticket organization:${organizationId} created>${since}`
      const parsed = searchSchema.safeParse(
        await api(`/api/v2/search.json?query=${encodeURIComponent(query)}`)
      )
      return parsed.success ? parsed.data.count : null
    },
    async readState(ticketId) {
      // The whole response, for its Date header: Zendesk's clock, which judges claims (ADR 0010).
      const response = completeResponseSchema.safeParse(
        await client.request({
          url: `/api/v2/tickets/${ticketId}.json`,
          type: 'GET',
          dataType: 'json',
          httpCompleteResponse: true,
        })
      )
      const parsed = ticketSchema.safeParse(response.success ? response.data.responseJSON : undefined)
      if (!parsed.success) throw new Error('Zendesk returned an unreadable ticket')
      const date = response.success ? Date.parse(response.data.headers?.['date'] ?? '') : Number.NaN
      return {
        tags: parsed.data.ticket.tags,
        updatedAt: parsed.data.ticket.updated_at,
        serverTime: Number.isFinite(date) ? date : null,
      }
    },
    async writeIfUnchanged(ticketId, state, change) {
      const ticket = {
        tags: change.tags,
        // Collision protection: Zendesk applies this only if the ticket's updated_at is still this.
        safe_update: true,
        updated_stamp: state.updatedAt,
        ...(change.internalNote === undefined
          ? {}
          : { comment: { body: change.internalNote, public: false } }),
        // Added in this same update, so following costs no extra write; `put` keeps the others.
        ...(change.followerIds?.length
          ? { followers: change.followerIds.map((user_id) => ({ user_id, action: 'put' })) }
          : {}),
      }
      try {
        await api(`/api/v2/tickets/${ticketId}.json`, 'PUT', { ticket })
        return 'written'
      } catch (failure) {
        if (statusOf(failure) === 409) return 'conflict'
        throw failure
      }
    },
    async agentName(userId) {
      // A card waiting on another agent's claim asks every 2.5 s; a name does not change meanwhile.
      const known = agentNames.get(userId)
      if (known) return known
      const parsed = userSchema.safeParse(await api(`/api/v2/users/${userId}.json`))
      if (!parsed.success) return null
      agentNames.set(userId, parsed.data.user.name)
      return parsed.data.user.name
    },
    async followerByEmail(email) {
      const key = email.trim().toLowerCase()
      if (followers.has(key)) return followers.get(key) ?? null
      const query = `email:${key}`
      const parsed = usersSchema.safeParse(
        await api(`/api/v2/users/search.json?query=${encodeURIComponent(query)}`)
      )
      if (!parsed.success) throw new Error('Zendesk returned an unreadable user search')
      const user = parsed.data.users.find(
        (candidate) =>
          (candidate.email ?? '').toLowerCase() === key &&
          FOLLOWER_ROLES.has(candidate.role ?? '') &&
          candidate.active !== false
      )
      followers.set(key, user?.id ?? null)
      return user?.id ?? null
    },
    async addInternalNoteAndTag(ticketId, note, tag) {
      await api(`/api/v2/tickets/${ticketId}.json`, 'PUT', {
        ticket: { comment: { body: note, public: false }, additional_tags: [tag] },
      })
    },
    async hasInternalNoteContaining(ticketId, marker) {
      const notes = await internalNotes(ticketId)
      return notes.some((body) => body.includes(marker))
    },
    internalNotes,
  }
}
