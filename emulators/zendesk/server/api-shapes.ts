import type { Comment, Organization, Ticket, User, ZendeskState } from '../state'
import { textToHtml } from './comment-format'

// Records as the Zendesk REST API returns them (snake_case, with `url`), from the emulator's state.

export interface ApiContext {
  readonly state: ZendeskState
  /** The account's API base, e.g. http://localhost:4000/api/v2 */
  readonly apiBase: string
  /** The signed-in agent (a user id): who writes comments and who `users/me` is. */
  readonly agentId: number
}

export function apiTicket(ctx: ApiContext, t: Ticket): Record<string, unknown> {
  return {
    id: t.id,
    url: `${ctx.apiBase}/tickets/${t.id}.json`,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.description,
    priority: t.priority,
    type: t.type,
    status: t.status,
    requester_id: t.requester_id,
    submitter_id: t.requester_id,
    organization_id: t.organization_id,
    tags: [...t.tags],
    follower_ids: [...t.follower_ids],
    created_at: t.created_at,
    updated_at: t.updated_at,
  }
}

export function apiUser(ctx: ApiContext, u: User): Record<string, unknown> {
  return {
    id: u.id,
    url: `${ctx.apiBase}/users/${u.id}.json`,
    name: u.name,
    email: u.email,
    role: u.role,
    organization_id: u.organization_id,
    external_id: null,
    active: true,
  }
}

export function apiOrganization(ctx: ApiContext, o: Organization): Record<string, unknown> {
  return {
    id: o.id,
    url: `${ctx.apiBase}/organizations/${o.id}.json`,
    name: o.name,
    external_id: o.external_id,
    domain_names: [...o.domain_names],
  }
}

/**
 * A ticket's comments as Zendesk lists them: the description is the first (public) comment, by the
 * requester; the ones added since follow.
 */
export function apiComments(ctx: ApiContext, t: Ticket): Comment[] {
  const description: Comment = {
    id: 1_000_000 + t.id,
    type: 'Comment',
    // The original requester wrote it, whoever the requester is now.
    author_id: ctx.state.seed.tickets.find((seeded) => seeded.id === t.id)?.requester_id ?? t.requester_id,
    body: t.description,
    html_body: textToHtml(t.description),
    plain_body: t.description,
    public: true,
    created_at: t.created_at,
  }
  return [description, ...ctx.state.comments(t.id)]
}
