import { describe, expect, it } from 'vitest'
import { loadDefaultSeed, ZendeskState } from '../state'
import { handleZendeskApi } from './zendesk-api'

const api = (state: ZendeskState, method: string, path: string, body?: unknown) =>
  handleZendeskApi(
    { state, apiBase: 'http://localhost/api/v2', agentId: 1 },
    method,
    new URL(`http://localhost${path}`),
    body === undefined ? '' : JSON.stringify(body)
  )

describe('users search and ticket followers', () => {
  it('finds a user by email, with or without the email: prefix, case-insensitively', () => {
    const state = new ZendeskState(loadDefaultSeed())
    const byPrefix = api(
      state,
      'GET',
      `/api/v2/users/search.json?query=${encodeURIComponent('email:Marcus.Oyelaran@successbridge.example')}`
    )
    expect(byPrefix).toMatchObject({ status: 200, body: { count: 1, users: [{ id: 3, role: 'agent' }] } })
    const bare = api(state, 'GET', '/api/v2/users/search.json?query=priya.raman%40successbridge.example')
    expect(bare).toMatchObject({ body: { users: [{ id: 4 }] } })
    const nobody = api(
      state,
      'GET',
      '/api/v2/users/search.json?query=email%3Adana.whitfield%40successbridge.example'
    )
    expect(nobody).toMatchObject({ status: 200, body: { count: 0, users: [] } })
  })

  it('adds a follower with action put in the same update as a note and tags, once however often it is put', () => {
    const state = new ZendeskState(loadDefaultSeed())
    const update = {
      ticket: {
        tags: ['outage', 'csm_escalated'],
        comment: { body: 'Escalated', public: false },
        followers: [{ user_id: 3, action: 'put' }],
      },
    }
    const answer = api(state, 'PUT', '/api/v2/tickets/102.json', update)
    expect(answer).toMatchObject({ status: 200, body: { ticket: { follower_ids: [3] } } })
    api(state, 'PUT', '/api/v2/tickets/102.json', { ticket: { followers: [{ user_id: 3, action: 'put' }] } })
    expect(state.ticket(102)?.follower_ids).toEqual([3])
    expect(state.comments(102)).toHaveLength(1)
    expect(api(state, 'GET', '/api/v2/tickets/102.json').body).toMatchObject({
      ticket: { follower_ids: [3] },
    })
  })

  it('refuses an end user as a follower and changes nothing', () => {
    const state = new ZendeskState(loadDefaultSeed())
    const answer = api(state, 'PUT', '/api/v2/tickets/102.json', {
      ticket: { tags: ['changed'], followers: [{ user_id: 202, action: 'put' }] },
    })
    expect(answer.status).toBe(422)
    expect(state.ticket(102)).toMatchObject({ tags: ['outage'], follower_ids: [] })
  })
})
