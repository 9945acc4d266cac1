import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEADLINE_GRACE_MS, TIMED_OUT, withRequestDeadline } from './request-deadline'
import type { ZafClient, ZafRequestOptions } from './zaf-client'

// A ZAF client whose host answers only what a test tells it to: like the SDK's `request`, it waits
// for an answer event and has no timeout of its own.
function hostThatMayNeverAnswer() {
  const pending: {
    options: ZafRequestOptions
    answer: (value: unknown) => void
    fail: (value: unknown) => void
  }[] = []
  const client = {
    request: (options: ZafRequestOptions) =>
      new Promise((answer, fail) => pending.push({ options, answer, fail })),
  } as unknown as ZafClient
  return { client, pending }
}

describe('request deadline', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('fails a request Zendesk never answers as the host times out, once its timeout and the grace have passed', async () => {
    const host = hostThatMayNeverAnswer()
    const outcome = withRequestDeadline(host.client)
      .request({ url: 'https://crm.example/q', type: 'GET', timeout: 8000 })
      .then(
        () => 'answered',
        (failure: unknown) => failure
      )
    await vi.advanceTimersByTimeAsync(8000 + DEADLINE_GRACE_MS - 1)
    expect(host.pending).toHaveLength(1)
    let settled = false
    void outcome.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await outcome).toEqual(TIMED_OUT)
    // An answer that comes after the deadline changes nothing.
    host.pending[0]?.answer({ status: 200, responseText: '{}' })
    expect(await outcome).toEqual(TIMED_OUT)
  })

  it('passes on an answer or a refusal that comes in time, and leaves no timer behind', async () => {
    const host = hostThatMayNeverAnswer()
    const requests = withRequestDeadline(host.client)
    const answered = requests.request({ url: 'https://crm.example/a', type: 'GET', timeout: 8000 })
    const refused = requests
      .request({ url: 'https://crm.example/b', type: 'GET', timeout: 8000 })
      .catch((e: unknown) => e)
    host.pending[0]?.answer({ status: 200, responseText: 'ok' })
    host.pending[1]?.fail({ status: 503, responseText: 'down' })
    expect(await answered).toEqual({ status: 200, responseText: 'ok' })
    expect(await refused).toEqual({ status: 503, responseText: 'down' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('sets no deadline on a request without a timeout (Zendesk API calls on its own origin)', async () => {
    const host = hostThatMayNeverAnswer()
    void withRequestDeadline(host.client).request({ url: '/api/v2/tickets/1.json', type: 'GET' })
    expect(vi.getTimerCount()).toBe(0)
    expect(host.pending[0]?.options).toEqual({ url: '/api/v2/tickets/1.json', type: 'GET' })
  })
})
