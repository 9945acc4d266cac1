/**
 * Every way the Slack message can fail, as the agent needs to understand it: each kind has one
 * sentence on the card (`ui.escalation.slack.error.*`) saying what happened and who can fix it.
 * Slack answers refusals as HTTP 200 `{"ok": false, "error": code}`; the adapter maps codes here.
 */
export const SLACK_ERROR_KINDS = [
  'not-configured', // not_authed: no bot token reached Slack (none is set)
  'unauthorized', // invalid_auth, token_revoked, token_expired, account_inactive: a Zendesk admin sets a new token
  'missing-scope', // the Slack app lacks a scope (`needed`): a Slack admin adds it and reinstalls
  'user-not-found', // the CSM's email is not in Slack and no fallback channel is set
  'channel-not-found', // the channel id in the settings does not exist (or is archived)
  'not-in-channel', // the app is not a member of the channel: someone there invites it
  'rejected', // msg_too_long, invalid_blocks and any other refusal of the message as built
  'rate-limited', // 429 or rate_limited: sending again later helps
  'unavailable', // Slack or the proxy could not be reached, or failed (5xx, timeout)
] as const
export type SlackErrorKind = (typeof SLACK_ERROR_KINDS)[number]

export interface SlackErrorDetails {
  /** Slack's own error code, e.g. `invalid_blocks`; never a secret. */
  readonly code?: string
  /** For `missing-scope`: the scope Slack said is needed. */
  readonly scope?: string
  readonly retryAfterMs?: number
  /**
   * Slack answered, and its answer says it did nothing (any `ok: false`, any 429). False when the
   * answer was lost or unreadable: a message may then have been posted all the same.
   */
  readonly answered: boolean
}

export class SlackError extends Error {
  override readonly name = 'SlackError'
  constructor(
    readonly kind: SlackErrorKind,
    message: string,
    readonly details: SlackErrorDetails
  ) {
    super(message)
  }
}

export function isSlackError(error: unknown): error is SlackError {
  return error instanceof Error && error.name === 'SlackError' && 'kind' in error
}

const AUTH_CODES = new Set([
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'not_allowed_token_type',
  'no_permission',
  'access_denied',
])
const UNAVAILABLE_CODES = new Set(['fatal_error', 'service_unavailable', 'request_timeout', 'internal_error'])

/** Slack's `error` code (from an `ok: false` answer) as a kind. */
export function slackErrorKind(code: string): SlackErrorKind {
  if (code === 'not_authed') return 'not-configured'
  if (AUTH_CODES.has(code)) return 'unauthorized'
  if (code === 'missing_scope') return 'missing-scope'
  if (code === 'users_not_found' || code === 'user_not_found') return 'user-not-found'
  if (code === 'channel_not_found' || code === 'is_archived') return 'channel-not-found'
  if (code === 'not_in_channel') return 'not-in-channel'
  if (code === 'ratelimited' || code === 'rate_limited' || code === 'message_limit_exceeded')
    return 'rate-limited'
  if (UNAVAILABLE_CODES.has(code)) return 'unavailable'
  return 'rejected'
}
