import type { SlackPort } from './ports'
import { isSlackError } from './slack-error'
import {
  buildSlackMessage,
  buildSlackReply,
  type SlackMessage,
  type SlackMessageInput,
  type SlackReplyInput,
} from './slack-message'
import type { SlackOutcome } from './slack-step'
import type { SlackThread } from './slack-thread'

/** Where the admin wants escalations told in Slack: the shape of the installation's settings. */
export interface SlackRouting {
  readonly notify: 'dm' | 'channel' | 'off'
  readonly channel: string | null
}

export interface SlackDeps {
  readonly port: SlackPort
  readonly routing: SlackRouting
}

/** One escalation's Slack message, before anyone knows where it goes. Plain data: "Send again" keeps it. */
export interface SlackDelivery {
  readonly csmEmail: string | null
  readonly message: Omit<SlackMessageInput, 'audience'>
}

/**
 * Finds where the message goes and posts it once. The CSM's direct messages in `dm` mode, the
 * channel (mentioning the CSM) in `channel` mode, and the channel as the fallback when the CSM is
 * not in Slack. `beforePosting` runs just before `chat.postMessage` leaves, so the caller can save
 * that it may have been sent: an answer lost after that is `unknown`, never sent again here.
 */
export async function sendSlackMessage(
  delivery: SlackDelivery,
  deps: SlackDeps,
  beforePosting: () => void = () => undefined
): Promise<SlackOutcome> {
  const { routing, port } = deps
  if (routing.notify === 'off') return { state: 'off' }
  let userId: string | null
  try {
    userId = delivery.csmEmail ? await port.userIdByEmail(delivery.csmEmail) : null
  } catch (error) {
    return refused(error)
  }
  const target =
    routing.notify === 'dm' && userId
      ? { channel: userId, to: 'dm' as const, audience: { kind: 'dm' as const } }
      : routing.channel
        ? {
            channel: routing.channel,
            to: routing.notify === 'channel' ? ('channel' as const) : ('fallback' as const),
            audience: { kind: 'channel' as const, csmUserId: userId },
          }
        : null
  if (!target) return { state: 'not-sent', kind: 'user-not-found', detail: null }

  beforePosting()
  const message = buildSlackMessage({ ...delivery.message, audience: target.audience })
  return postOnce(port, { channel: target.channel, message, to: target.to })
}

/** A follow-up's reply in the thread of the escalation's message: plain data, like a delivery. */
export interface SlackReplyDelivery {
  readonly thread: SlackThread
  readonly reply: SlackReplyInput
}

/**
 * Posts the reply once, in the thread of the escalation's message. As with the first message, a
 * refusal is `not-sent` and a lost answer `unknown`: never posted again here.
 */
export async function sendSlackReply(delivery: SlackReplyDelivery, deps: SlackDeps): Promise<SlackOutcome> {
  if (deps.routing.notify === 'off') return { state: 'off' }
  const { thread } = delivery
  return postOnce(deps.port, {
    channel: thread.channel,
    message: buildSlackReply(delivery.reply),
    threadTs: thread.ts,
    // A reply goes where the first message went: a DM's conversation id starts with D.
    to: thread.channel.startsWith('D') ? 'dm' : 'channel',
  })
}

/** `chat.postMessage`, then its permalink (a message without one is sent all the same). */
async function postOnce(
  port: SlackPort,
  post: {
    readonly channel: string
    readonly message: SlackMessage
    readonly threadTs?: string
    readonly to: 'dm' | 'channel' | 'fallback'
  }
): Promise<SlackOutcome> {
  let posted: { channel: string; ts: string }
  try {
    posted = await port.postMessage(post.channel, post.message, post.threadTs)
  } catch (error) {
    // Slack said no (any `ok: false`, a 429): nothing was posted. Otherwise it may have been.
    if (isSlackError(error) && error.details.answered) return refused(error)
    return { state: 'unknown' }
  }
  const permalink = await port.permalink(posted.channel, posted.ts).catch(() => null)
  return { state: 'sent', channel: posted.channel, ts: posted.ts, permalink, to: post.to }
}

function refused(error: unknown): SlackOutcome {
  if (!isSlackError(error)) return { state: 'not-sent', kind: 'unavailable', detail: null }
  return {
    state: 'not-sent',
    kind: error.kind,
    detail: error.details.scope ?? error.details.code ?? null,
  }
}
