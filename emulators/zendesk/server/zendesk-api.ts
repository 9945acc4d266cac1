import { z } from 'zod'
import type { Ticket, ZendeskSeed, ZendeskState } from '../state'
import { apiComments, apiOrganization, apiTicket, apiUser, type ApiContext } from './api-shapes'
import { parseTicketSearch } from './search-query'

/**
 * The Support REST API endpoints the app (and the agent view) use, in memory, answered as for the
 * agent's session. Error bodies follow Zendesk's `{error, description}` shape.
 */
export interface ApiResponse {
  status: number
  body: unknown
}

const invalidEndpoint = (): ApiResponse => ({
  status: 404,
  body: { error: 'InvalidEndpoint', description: 'Not found' },
})
const recordNotFound = (): ApiResponse => ({
  status: 404,
  body: { error: 'RecordNotFound', description: 'Not found' },
})
const recordInvalid = (description: string): ApiResponse => ({
  status: 422,
  body: {
    error: 'RecordInvalid',
    description: 'Record validation errors',
    details: { base: [{ description }] },
  },
})

// The body of a safe-update 409 is not documented; this is the `{error, description}` shape of
// Zendesk's other errors. Apps should treat any 409 on a guarded write as "re-read, then decide".
const updateConflict = (): ApiResponse => ({
  status: 409,
  body: { error: 'UpdateConflict', description: 'The ticket was updated since updated_stamp' },
})

/** The signed-in agent as `users/me` and ZAF's `currentUser` describe them. */
export function agentProfile(state: ZendeskState, agentId: number): ZendeskSeed['currentUser'] {
  const me = state.seed.currentUser
  const user = agentId === me.id ? null : state.user(agentId)
  if (!user || user.role === 'end-user') return me
  // Another agent of the account: the same locale and time zone as the seed's agent.
  return { ...me, id: user.id, name: user.name, email: user.email, role: user.role }
}

const tagList = z.array(z.string())
const ticketUpdateSchema = z.object({
  ticket: z.object({
    comment: z
      .object({
        body: z.string().optional(),
        html_body: z.string().optional(),
        public: z.boolean().optional(),
      })
      .optional(),
    tags: tagList.optional(),
    additional_tags: tagList.optional(),
    remove_tags: tagList.optional(),
    requester_id: z.number().int().optional(),
    // Collision protection: Zendesk documents `safe_update` as a boolean; its tags endpoint's
    // example sends the string "true", so both are accepted.
    safe_update: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
    updated_stamp: z.string().optional(),
    followers: z
      .array(z.object({ user_id: z.number().int(), action: z.enum(['put', 'delete']).optional() }))
      .optional(),
  }),
})
const tagsBodySchema = z.object({ tags: tagList })

type Body = { ok: true; value: unknown } | { ok: false }

function parseBody(raw: string): Body {
  if (raw.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch {
    return { ok: false }
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
}

export function handleZendeskApi(ctx: ApiContext, method: string, url: URL, rawBody: string): ApiResponse {
  const { state } = ctx
  const path = url.pathname
  const body = parseBody(rawBody)
  if (!body.ok)
    return { status: 400, body: { error: 'InvalidJSON', description: 'The request body is not valid JSON' } }
  let match: RegExpExecArray | null

  if ((match = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path))) {
    const ticket = state.ticket(Number(match[1]))
    if (method === 'GET')
      return ticket ? { status: 200, body: { ticket: apiTicket(ctx, ticket) } } : recordNotFound()
    if (method !== 'PUT') return invalidEndpoint()
    if (!ticket) return recordNotFound()
    return updateTicket(ctx, ticket, body.value)
  }
  if ((match = /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/.exec(path)) && method === 'GET') {
    const ticket = state.ticket(Number(match[1]))
    if (!ticket) return recordNotFound()
    // Oldest first, as Zendesk lists them; `sort_order=desc` for newest first.
    const oldestFirst = apiComments(ctx, ticket)
    const comments = url.searchParams.get('sort_order') === 'desc' ? oldestFirst.reverse() : oldestFirst
    return { status: 200, body: { comments, next_page: null, previous_page: null, count: comments.length } }
  }
  if ((match = /^\/api\/v2\/tickets\/(\d+)\/tags\.json$/.exec(path))) {
    const ticket = state.ticket(Number(match[1]))
    if (!['GET', 'PUT', 'POST', 'DELETE'].includes(method)) return invalidEndpoint()
    if (!ticket) return recordNotFound()
    if (method === 'GET') return { status: 200, body: { tags: [...ticket.tags] } }
    const parsed = tagsBodySchema.safeParse(body.value)
    if (!parsed.success) return recordInvalid(describeIssues(parsed.error))
    // Zendesk: PUT adds, POST replaces, DELETE removes.
    if (method === 'PUT') state.addTags(ticket, parsed.data.tags)
    else if (method === 'POST') state.setTags(ticket, parsed.data.tags)
    else state.removeTags(ticket, parsed.data.tags)
    return { status: 200, body: { tags: [...ticket.tags] } }
  }
  if (path === '/api/v2/users/me.json' && method === 'GET') {
    const me = agentProfile(state, ctx.agentId)
    return {
      status: 200,
      body: {
        user: {
          id: me.id,
          name: me.name,
          email: me.email,
          role: me.role,
          locale: me.locale,
          time_zone: me.timeZone.ianaName,
        },
      },
    }
  }
  if ((path === '/api/v2/users/search.json' || path === '/api/v2/users/search') && method === 'GET')
    return searchUsers(ctx, url)
  if ((match = /^\/api\/v2\/users\/(\d+)\.json$/.exec(path)) && method === 'GET') {
    const user = state.user(Number(match[1]))
    return user ? { status: 200, body: { user: apiUser(ctx, user) } } : recordNotFound()
  }
  if ((match = /^\/api\/v2\/organizations\/(\d+)\.json$/.exec(path)) && method === 'GET') {
    const organization = state.organization(Number(match[1]))
    return organization
      ? { status: 200, body: { organization: apiOrganization(ctx, organization) } }
      : recordNotFound()
  }
  if (path === '/api/v2/search.json' && method === 'GET') return search(ctx, url)
  if (/^\/api\/v2\/search\/count(?:\.json)?$/.test(path) && method === 'GET') return searchCount(ctx, url)
  return invalidEndpoint()
}

function updateTicket(ctx: ApiContext, ticket: Ticket, value: unknown): ApiResponse {
  const { state } = ctx
  const parsed = ticketUpdateSchema.safeParse(value)
  if (!parsed.success) return recordInvalid(describeIssues(parsed.error))
  const update = parsed.data.ticket
  const comment = update.comment
  if (comment && !comment.body?.trim() && !comment.html_body?.trim())
    return recordInvalid('Comment: cannot be blank')
  const requester = update.requester_id === undefined ? null : state.user(update.requester_id)
  if (update.requester_id !== undefined && !requester) return recordInvalid('Requester: is invalid')
  // Zendesk: with `safe_update` present (even `false`, which behaves like true) the update applies
  // only when `updated_stamp` is the ticket's current `updated_at`; otherwise 409 and nothing changes.
  if (update.safe_update !== undefined) {
    if (update.updated_stamp === undefined)
      return recordInvalid('Updated stamp: is required for a safe update')
    const stamp = Date.parse(update.updated_stamp)
    if (Number.isNaN(stamp)) return recordInvalid('Updated stamp: is invalid')
    if (stamp !== Date.parse(ticket.updated_at)) return updateConflict()
  }

  // Only agents and admins can follow a ticket (light agents have the agent role).
  const followers = update.followers ?? []
  for (const follower of followers) {
    const user = state.user(follower.user_id)
    if (!user || user.role === 'end-user') return recordInvalid('Followers: is invalid')
  }

  // Validate everything first, then apply: a rejected update changes nothing, as in Zendesk.
  const events: Record<string, unknown>[] = []
  const tagsBefore = [...ticket.tags]
  if (requester) {
    events.push({
      type: 'Change',
      field_name: 'requester_id',
      value: String(requester.id),
      previous_value: String(ticket.requester_id),
    })
    state.setRequester(ticket, requester)
  }
  if (update.tags) state.setTags(ticket, update.tags)
  if (update.additional_tags) state.addTags(ticket, update.additional_tags)
  if (update.remove_tags) state.removeTags(ticket, update.remove_tags)
  const followersBefore = [...ticket.follower_ids]
  if (followers.length > 0) state.setFollowers(ticket, followers)
  if (ticket.follower_ids.join(',') !== followersBefore.join(','))
    events.push({
      type: 'Change',
      field_name: 'follower_ids',
      value: ticket.follower_ids.map(String),
      previous_value: followersBefore.map(String),
    })
  if (ticket.tags.join(' ') !== tagsBefore.join(' '))
    events.push({ type: 'Change', field_name: 'tags', value: [...ticket.tags], previous_value: tagsBefore })
  if (comment) {
    const added = state.addComment(ticket, {
      body: comment.body,
      htmlBody: comment.html_body,
      isPublic: comment.public ?? true,
      authorId: ctx.agentId,
    })
    events.unshift({ ...added })
  }
  const audit = {
    id: Date.now(),
    ticket_id: ticket.id,
    created_at: new Date().toISOString(),
    author_id: ctx.agentId,
    events,
  }
  return { status: 200, body: { ticket: apiTicket(ctx, ticket), audit } }
}

const missingQuery = (): ApiResponse => ({
  status: 400,
  body: { error: 'InvalidSearch', description: 'The query parameter is required' },
})

/** The tickets a search query matches, over everything the search index holds. */
function matching(ctx: ApiContext, query: string): Ticket[] {
  const parsed = parseTicketSearch(query, ctx.state.now())
  const email = (id: number): string | null => ctx.state.user(id)?.email ?? null
  return ctx.state.searchableTickets().filter((t) => parsed.matches(t, email))
}

/** GET /api/v2/search/count?query=…: `{"count": n}`, the number of results, without them. */
function searchCount(ctx: ApiContext, url: URL): ApiResponse {
  const query = url.searchParams.get('query')
  if (!query?.trim()) return missingQuery()
  return { status: 200, body: { count: matching(ctx, query).length } }
}

/**
 * `GET /api/v2/users/search?query=…`: the subset the app uses, `email:<address>` or a bare address
 * (Zendesk's search syntax allows both), matched exactly and case-insensitively.
 */
function searchUsers(ctx: ApiContext, url: URL): ApiResponse {
  const query = url.searchParams.get('query')?.trim() ?? ''
  if (!query)
    return { status: 400, body: { error: 'InvalidSearch', description: 'The query parameter is required' } }
  const email = query.replace(/^email:/i, '').replace(/^"(.*)"$/, '$1')
  const users = ctx.state.usersByEmail(email).map((user) => apiUser(ctx, user))
  return { status: 200, body: { users, count: users.length, next_page: null, previous_page: null } }
}

function search(ctx: ApiContext, url: URL): ApiResponse {
  const query = url.searchParams.get('query')
  if (!query?.trim()) return missingQuery()
  const sortBy = url.searchParams.get('sort_by') === 'updated_at' ? 'updated_at' : 'created_at'
  const direction = url.searchParams.get('sort_order') === 'asc' ? 1 : -1
  const results = matching(ctx, query)
    .sort((a, b) => direction * a[sortBy].localeCompare(b[sortBy]))
    .map((t) => ({ ...apiTicket(ctx, t), result_type: 'ticket' }))
  return {
    status: 200,
    body: { results, facets: null, next_page: null, previous_page: null, count: results.length },
  }
}
