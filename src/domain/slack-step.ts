import type { SlackErrorKind } from './slack-error'

/**
 * The Slack message's place in an attempt's saved progress (ADR 0012). `posting` is saved before
 * `chat.postMessage` leaves: found on a resume, it means the answer was lost, and the message is
 * not sent again on its own (it may have arrived); the agent decides.
 */
export type SlackStep = { readonly state: 'posting' } | SlackOutcome

/** How the Slack message ended, as the card tells it. */
export type SlackOutcome =
  /** Slack is off, or no bot token is set (slack_notify left blank). */
  | { readonly state: 'off' }
  | {
      readonly state: 'sent'
      readonly channel: string
      readonly ts: string
      /** Null when Slack would not give one; the message was sent all the same. */
      readonly permalink: string | null
      /** `dm`: to the CSM; `channel`: to the channel (mentioning the CSM when found); `fallback`: to the channel, the CSM not found. */
      readonly to: 'dm' | 'channel' | 'fallback'
    }
  | {
      readonly state: 'not-sent'
      readonly kind: SlackErrorKind
      /** Slack's code, or the scope for `missing-scope`. */
      readonly detail: string | null
    }
  /** The request left and its answer was lost: the message may or may not be in Slack. */
  | { readonly state: 'unknown' }

/** How a follow-up's Slack thread reply ended; `no-thread` when there was no message to reply to. */
export type SlackReplyOutcome =
  | SlackOutcome
  | {
      readonly state: 'no-thread'
      /** The ticket's notes could not be read to find the message (else: it was never sent). */
      readonly unreadable: boolean
    }

/** Whether the CSM follows the ticket after the escalation, as the card tells it. */
export type FollowerOutcome = 'added' | 'not-a-user' | 'not-checked' | 'off'
