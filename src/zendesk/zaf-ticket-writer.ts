import * as z from 'zod/mini'
import type { TicketDetails, TicketWriter } from '../domain/ports'
import type { ZafClient } from './zaf-client'

const DETAIL_PATHS = [
  'ticket.id',
  'ticket.subject',
  'ticket.priority',
  'ticket.status',
  'ticket.requester',
  'ticket.organization',
  'currentUser.name',
  'currentAccount.subdomain',
] as const

const detailsSchema = z.object({
  'ticket.id': z.number(),
  'ticket.subject': z.nullable(z.optional(z.string())),
  'ticket.priority': z.nullable(z.optional(z.string())),
  'ticket.status': z.nullable(z.optional(z.string())),
  'ticket.requester': z.nullable(
    z.optional(
      z.looseObject({ name: z.nullable(z.optional(z.string())), email: z.nullable(z.optional(z.string())) })
    )
  ),
  'ticket.organization': z.nullable(
    z.optional(z.looseObject({ id: z.number(), name: z.nullable(z.optional(z.string())) }))
  ),
  'currentUser.name': z.string(),
  'currentAccount.subdomain': z.string(),
})

const searchSchema = z.looseObject({ count: z.number() })
const commentsSchema = z.looseObject({
  comments: z.array(
    z.looseObject({ body: z.nullable(z.optional(z.string())), public: z.optional(z.boolean()) })
  ),
})

/** Zendesk REST through ZAF (`/api/v2` with the agent's session), for escalations. */
export function createZafTicketWriter(client: ZafClient): TicketWriter {
  const api = (url: string, type = 'GET', body?: unknown): Promise<unknown> =>
    client.request({
      url,
      type,
      dataType: 'json',
      ...(body === undefined ? {} : { contentType: 'application/json', data: JSON.stringify(body) }),
    })

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
        agentName: data['currentUser.name'],
      }
    },
    async recentTicketCount(organizationId, since) {
      const query = `type:ticket organization:${organizationId} created>${since}`
      const parsed = searchSchema.safeParse(
        await api(`/api/v2/search.json?query=${encodeURIComponent(query)}`)
      )
      return parsed.success ? parsed.data.count : null
    },
    async addInternalNoteAndTag(ticketId, note, tag) {
      await api(`/api/v2/tickets/${ticketId}.json`, 'PUT', {
        ticket: { comment: { body: note, public: false }, additional_tags: [tag] },
      })
    },
    async hasInternalNoteContaining(ticketId, marker) {
      const parsed = commentsSchema.safeParse(await api(`/api/v2/tickets/${ticketId}/comments.json`))
      return (
        parsed.success &&
        parsed.data.comments.some(
          (comment) => comment.public === false && (comment.body ?? '').includes(marker)
        )
      )
    },
  }
}
