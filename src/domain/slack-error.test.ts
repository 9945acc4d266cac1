import { describe, expect, it } from 'vitest'
import { slackErrorKind } from './slack-error'

describe('slackErrorKind', () => {
  it.each([
    ['not_authed', 'not-configured'],
    ['invalid_auth', 'unauthorized'],
    ['token_revoked', 'unauthorized'],
    ['token_expired', 'unauthorized'],
    ['account_inactive', 'unauthorized'],
    ['missing_scope', 'missing-scope'],
    ['users_not_found', 'user-not-found'],
    ['channel_not_found', 'channel-not-found'],
    ['is_archived', 'channel-not-found'],
    ['not_in_channel', 'not-in-channel'],
    ['msg_too_long', 'rejected'],
    ['invalid_blocks', 'rejected'],
    ['messages_tab_disabled', 'rejected'],
    ['ratelimited', 'rate-limited'],
    ['rate_limited', 'rate-limited'],
    ['fatal_error', 'unavailable'],
    ['service_unavailable', 'unavailable'],
  ])('reads %s as %s', (code, kind) => {
    expect(slackErrorKind(code)).toBe(kind)
  })
})
