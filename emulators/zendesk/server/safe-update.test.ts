import { describe, expect, it } from 'vitest'
import { loadDefaultSeed, ZendeskState } from '../state'
import { ApiFaultSwitch } from './api-faults'
import { handleZendeskApi } from './zendesk-api'

const api = (state: ZendeskState, method: string, path: string, body?: unknown, agentId = 1) =>
  handleZendeskApi(
    { state, apiBase: 'http://localhost/api/v2', agentId },
    method,
    new URL(`http://localhost${path}`),
    body === undefined ? '' : JSON.stringify(body)
  )

function stampOf(state: ZendeskState): string {
  const answer = api(state, 'GET', '/api/v2/tickets/102.json').body as { ticket: { updated_at: string } }
  return answer.ticket.updated_at
}

describe('ticket updates with collision protection', () => {
  it('applies a safe update with the current stamp, and refuses a stale one with 409, changing nothing', () => {
    const state = new ZendeskState(loadDefaultSeed())
    const stamp = stampOf(state)
    const first = api(state, 'PUT', '/api/v2/tickets/102.json', {
      ticket: { tags: ['outage', 'claimed'], safe_update: true, updated_stamp: stamp },
    })
    expect(first.status).toBe(200)
    expect(stampOf(state)).not.toBe(stamp)

    const stale = api(state, 'PUT', '/api/v2/tickets/102.json', {
      ticket: {
        tags: ['mine'],
        comment: { body: 'x', public: false },
        safe_update: 'true',
        updated_stamp: stamp,
      },
    })
    expect(stale.status).toBe(409)
    expect(state.ticket(102)?.tags).toEqual(['outage', 'claimed'])
    expect(state.comments(102)).toEqual([])
  })

  it('treats safe_update false like true, as Zendesk documents, and needs a stamp', () => {
    const state = new ZendeskState(loadDefaultSeed())
    expect(
      api(state, 'PUT', '/api/v2/tickets/102.json', {
        ticket: { tags: [], safe_update: false, updated_stamp: '2000-01-01T00:00:00Z' },
      }).status
    ).toBe(409)
    expect(
      api(state, 'PUT', '/api/v2/tickets/102.json', { ticket: { tags: [], safe_update: true } }).status
    ).toBe(422)
  })

  it('keeps updated_at in whole seconds, as Zendesk does, so two changes in one second share a stamp', () => {
    const state = new ZendeskState(loadDefaultSeed())
    api(state, 'PUT', '/api/v2/tickets/102.json', { ticket: { additional_tags: ['a'] } })
    const stamp = stampOf(state)
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(Date.parse(stamp)).toBeLessThanOrEqual(Date.now())
  })

  it('writes comments as the signed-in agent', () => {
    const state = new ZendeskState(loadDefaultSeed())
    api(state, 'PUT', '/api/v2/tickets/102.json', { ticket: { comment: { body: 'hi', public: false } } }, 2)
    expect(state.comments(102)[0]?.author_id).toBe(2)
    expect(
      (api(state, 'GET', '/api/v2/users/me.json', undefined, 2).body as { user: { name: string } }).user.name
    ).toBe('Sam Okafor')
  })

  it('fails only the updates a fault names, counting down', () => {
    const faults = new ApiFaultSwitch()
    faults.set({ mode: 'server-error', only: 'comment', remaining: 1 })
    expect(faults.take('PUT', '/api/v2/tickets/102.json', '{"ticket":{"tags":[]}}')).toBeNull()
    expect(faults.take('GET', '/api/v2/tickets/102.json', '')).toBeNull()
    expect(faults.take('PUT', '/api/v2/tickets/102.json', '{"ticket":{"comment":{"body":"x"}}}')).toBe(
      'server-error'
    )
    expect(faults.take('PUT', '/api/v2/tickets/102.json', '{"ticket":{"comment":{"body":"x"}}}')).toBeNull()
  })
})
