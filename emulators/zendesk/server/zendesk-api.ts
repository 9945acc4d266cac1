import { z } from 'zod'
import type { ZendeskState } from '../state'

export interface ApiResponse {
  status: number
  body: unknown
}

const notFound = (): ApiResponse => ({ status: 404, body: { error: 'RecordNotFound', description: 'Not found' } })
const invalid = (description: string): ApiResponse => ({ status: 400, body: { error: 'InvalidValue', description } })

const ticketUpdateSchema = z.object({
  ticket: z.object({
    comment: z.object({ body: z.string().optional(), html_body: z.string().optional(), public: z.boolean().optional() }).optional(),
    additional_tags: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    requester_id: z.number().optional(),
  }),
})

/** The Support REST API endpoints the app uses, in memory, answered as the agent's session would be. */
export function handleZendeskApi(state: ZendeskState, method: string, url: URL, rawBody: string): ApiResponse {
  const path = url.pathname
  let match: RegExpExecArray | null
  const body = (): unknown => {
    try {
      return JSON.parse(rawBody)
    } catch {
      return undefined
    }
  }

  if ((match = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path))) {
    const ticket = state.ticket(Number(match[1]))
    if (!ticket) return notFound()
    if (method === 'GET') return { status: 200, body: { ticket } }
    if (method !== 'PUT') return notFound()
    const parsed = ticketUpdateSchema.safeParse(body())
    if (!parsed.success) return invalid('Body must be {"ticket": {...}}')
    const update = parsed.data.ticket
    let audit: unknown = null
    if (update.comment && (update.comment.body || update.comment.html_body)) {
      const comment = state.addComment(ticket.id, update.comment.body ?? '', update.comment.html_body ?? null, update.comment.public ?? true)
      audit = { events: [{ type: 'Comment', ...comment }] }
    }
    if (update.tags) ticket.tags = [...new Set(update.tags)]
    if (update.additional_tags) ticket.tags = [...new Set([...ticket.tags, ...update.additional_tags])]
    if (update.requester_id !== undefined) {
      const requester = state.user(update.requester_id)
      if (!requester) return invalid('Requester not found')
      ticket.requester_id = requester.id
      ticket.organization_id = requester.organization_id
    }
    return { status: 200, body: { ticket, audit } }
  }
  if ((match = /^\/api\/v2\/tickets\/(\d+)\/tags\.json$/.exec(path)) && method === 'PUT') {
    const ticket = state.ticket(Number(match[1]))
    if (!ticket) return notFound()
    const parsed = z.object({ tags: z.array(z.string()) }).safeParse(body())
    if (!parsed.success) return invalid('Body must be {"tags": [...]}')
    ticket.tags = [...new Set([...ticket.tags, ...parsed.data.tags])]
    return { status: 200, body: { tags: ticket.tags } }
  }
  if ((match = /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/.exec(path)) && method === 'GET') {
    const ticket = state.ticket(Number(match[1]))
    return ticket ? { status: 200, body: { comments: state.comments.get(ticket.id) ?? [] } } : notFound()
  }
  if ((match = /^\/api\/v2\/users\/(\d+)\.json$/.exec(path)) && method === 'GET') {
    const user = state.user(Number(match[1]))
    return user ? { status: 200, body: { user } } : notFound()
  }
  if ((match = /^\/api\/v2\/organizations\/(\d+)\.json$/.exec(path)) && method === 'GET') {
    const organization = state.organization(Number(match[1]))
    return organization ? { status: 200, body: { organization } } : notFound()
  }
  if (path === '/api/v2/search.json' && method === 'GET') {
    const query = url.searchParams.get('query') ?? ''
    const org = /organization:(\d+)/.exec(query)?.[1]
    const since = /created>(\d{4}-\d{2}-\d{2})/.exec(query)?.[1]
    const results = state.tickets.filter(
      (ticket) =>
        /type:ticket/.test(query) &&
        (org === undefined || ticket.organization_id === Number(org)) &&
        (since === undefined || ticket.created_at.slice(0, 10) > since)
    )
    return { status: 200, body: { results: results.map((ticket) => ({ ...ticket, result_type: 'ticket' })), count: results.length } }
  }
  return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } }
}
