import { describe, expect, it } from 'vitest'
import { SlackError } from '../domain/slack-error'
import { readSlackAnswer } from './read-slack-answer'

function failure(outcome: unknown): SlackError {
  try {
    readSlackAnswer(outcome)
  } catch (error) {
    if (error instanceof SlackError) return error
    throw error
  }
  throw new Error('expected a SlackError')
}

describe('readSlackAnswer', () => {
  it('returns the envelope of an ok answer', () => {
    expect(readSlackAnswer({ status: 200, responseText: '{"ok":true,"ts":"1.2","channel":"D1"}' })).toEqual({
      ok: true,
      ts: '1.2',
      channel: 'D1',
    })
  })

  it('reads an HTTP 200 ok:false as Slack refusing, with the scope it needs', () => {
    const error = failure({
      status: 200,
      responseText:
        '{"ok":false,"error":"missing_scope","needed":"users:read.email","provided":"chat:write"}',
    })
    expect(error).toMatchObject({
      kind: 'missing-scope',
      details: { code: 'missing_scope', scope: 'users:read.email', answered: true },
    })
    expect(failure({ status: 200, responseJSON: { ok: false, error: 'invalid_blocks' } })).toMatchObject({
      kind: 'rejected',
      details: { code: 'invalid_blocks', answered: true },
    })
  })

  it('reads 429 with Retry-After, from a header object or a raw header block', () => {
    expect(failure({ status: 429, headers: { 'Retry-After': '30' }, responseText: '' })).toMatchObject({
      kind: 'rate-limited',
      details: { retryAfterMs: 30_000, answered: true },
    })
    expect(
      failure({ status: 429, headers: 'content-type: application/json\r\nretry-after: 2' })
    ).toMatchObject({
      details: { retryAfterMs: 2000 },
    })
  })

  it('counts a lost, failed or unreadable answer as not answered: a message may have been posted', () => {
    for (const outcome of [
      { status: 0, statusText: 'timeout' },
      { status: 502, responseText: 'Proxy error' },
      { status: 200, responseText: '<html>Sign in</html>' },
      undefined,
    ])
      expect(failure(outcome)).toMatchObject({ kind: 'unavailable', details: { answered: false } })
  })

  it('reads a refusal by the proxy (a 4xx) as answered: the request never left', () => {
    expect(failure({ status: 403, responseText: 'Proxy error: not in whitelist' })).toMatchObject({
      kind: 'rejected',
      details: { code: 'http_403', answered: true },
    })
  })
})
