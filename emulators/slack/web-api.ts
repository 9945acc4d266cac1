import { directChannelId, type SlackChannel, type SlackUser } from './seed'

/** A message as the emulated workspace holds it. */
export interface PostedMessage {
  readonly channel: string
  readonly ts: string
  readonly text: string
  readonly blocks: readonly unknown[] | null
  readonly threadTs: string | null
  /** The bot that posted it (the token's app). */
  readonly botName: string
}

export interface WorkspaceState {
  readonly users: readonly SlackUser[]
  readonly channels: readonly SlackChannel[]
  readonly messages: PostedMessage[]
  readonly permalinkBase: () => string
  nextTs(): string
}

/** What a method answers: Slack's envelope, always HTTP 200 for a refusal. */
export type MethodAnswer = { readonly ok: true; readonly [field: string]: unknown } | SlackRefusal
export interface SlackRefusal {
  readonly ok: false
  readonly error: string
  readonly [field: string]: unknown
}

const refuse = (error: string, extra: Record<string, unknown> = {}): SlackRefusal => ({
  ok: false,
  error,
  ...extra,
})

// Slack truncates text beyond 40,000 characters; older API versions refused it with msg_too_long,
// which is the case the app must be ready for.
const MAX_TEXT = 40_000
const MAX_BLOCKS = 50
const BLOCK_TYPES = new Set(['section', 'context', 'divider', 'header', 'actions', 'rich_text', 'image'])

function readBlocks(value: unknown): readonly unknown[] | null | 'invalid' {
  if (value === undefined || value === null || value === '') return null
  let blocks = value
  if (typeof value === 'string') {
    try {
      blocks = JSON.parse(value)
    } catch {
      return 'invalid'
    }
  }
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return 'invalid'
  const valid = blocks.every((block: unknown) => {
    if (typeof block !== 'object' || block === null) return false
    const { type, text } = block as { type?: unknown; text?: unknown }
    if (typeof type !== 'string' || !BLOCK_TYPES.has(type)) return false
    if (type === 'section' && text !== undefined) {
      const body = (text as { text?: unknown } | null)?.text
      return typeof body === 'string' && body.length > 0 && body.length <= 3000
    }
    return true
  })
  return valid ? blocks : 'invalid'
}

/** The four methods, over the workspace's state. `args` are the form, query or JSON arguments. */
export function callMethod(
  method: string,
  args: Readonly<Record<string, unknown>>,
  state: WorkspaceState
): MethodAnswer {
  const text = (name: string): string => (typeof args[name] === 'string' ? (args[name] as string) : '')
  switch (method) {
    case 'users.lookupByEmail': {
      const email = text('email').toLowerCase()
      if (!email) return refuse('invalid_arguments')
      const user = state.users.find((candidate) => candidate.email.toLowerCase() === email)
      if (!user) return refuse('users_not_found')
      return {
        ok: true,
        user: {
          id: user.id,
          name: user.name,
          real_name: user.realName,
          is_bot: false,
          profile: { email: user.email, real_name: user.realName, display_name: user.name },
        },
      }
    }
    case 'conversations.open': {
      const ids = text('users').split(',').filter(Boolean)
      if (ids.length === 0) return refuse('users_list_not_supplied')
      if (ids.length > 1) return refuse('too_many_users')
      if (!state.users.some((user) => user.id === ids[0])) return refuse('user_not_found')
      return { ok: true, channel: { id: directChannelId(ids[0] ?? '') } }
    }
    case 'chat.postMessage': {
      const target = text('channel')
      if (!target) return refuse('channel_not_found')
      const channel = resolveChannel(target, state)
      if (channel.error) return refuse(channel.error)
      const body = text('text')
      const blocks = readBlocks(args['blocks'])
      if (blocks === 'invalid') return refuse('invalid_blocks')
      if (!body && !blocks) return refuse('no_text')
      if (body.length > MAX_TEXT) return refuse('msg_too_long')
      const threadTs = text('thread_ts') || null
      if (threadTs && !state.messages.some((m) => m.channel === channel.id && m.ts === threadTs))
        return refuse('thread_not_found')
      const message: PostedMessage = {
        channel: channel.id,
        ts: state.nextTs(),
        text: body,
        blocks,
        threadTs,
        botName: 'Success Bridge',
      }
      state.messages.push(message)
      return {
        ok: true,
        channel: message.channel,
        ts: message.ts,
        message: { type: 'message', text: body, ts: message.ts, bot_id: 'B0SUCCESS1' },
      }
    }
    case 'chat.getPermalink': {
      const channel = text('channel')
      const ts = text('message_ts')
      if (!state.messages.some((m) => m.channel === channel))
        return refuse(
          channel.startsWith('D') || channel.startsWith('C') ? 'message_not_found' : 'channel_not_found'
        )
      const found = state.messages.find((m) => m.channel === channel && m.ts === ts)
      if (!found) return refuse('message_not_found')
      // A reply's permalink names its thread, as Slack's do: `?thread_ts=<parent>&cid=<channel>`.
      const thread = found.threadTs ? `?thread_ts=${found.threadTs}&cid=${channel}` : ''
      return {
        ok: true,
        channel,
        permalink: `${state.permalinkBase()}/archives/${channel}/p${ts.replace('.', '')}${thread}`,
      }
    }
    default:
      return refuse('unknown_method')
  }
}

/**
 * A channel id, or a user id: posting to a user's id puts the message in their direct conversation
 * with the app (its Messages tab), which Slack answers with the `D…` channel it used.
 */
function resolveChannel(target: string, state: WorkspaceState): { id: string; error?: string } {
  if (target.startsWith('U') || target.startsWith('W')) {
    return state.users.some((user) => user.id === target)
      ? { id: directChannelId(target) }
      : { id: target, error: 'channel_not_found' }
  }
  if (target.startsWith('D')) {
    return state.users.some((user) => directChannelId(user.id) === target)
      ? { id: target }
      : { id: target, error: 'channel_not_found' }
  }
  const channel = state.channels.find((candidate) => candidate.id === target)
  if (!channel) return { id: target, error: 'channel_not_found' }
  if (!channel.botIsMember) return { id: target, error: 'not_in_channel' }
  return { id: channel.id }
}

/** The scope each method needs, as Slack's `needed` field names it. */
export const NEEDED_SCOPE: Readonly<Record<string, string>> = {
  'users.lookupByEmail': 'users:read.email',
  'conversations.open': 'im:write',
  'chat.postMessage': 'chat:write',
}
