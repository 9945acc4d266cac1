import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios'
import { describe, expect, it } from 'vitest'
import { CrmError } from '../../domain/crm-error'
import { createCrmHttp, DEFAULT_RETRY, retryDelay } from './create-crm-http'
import { retryAfter } from './to-crm-error'

/** One scripted HTTP answer: a status with headers, or a failure before any answer. */
type Answer = { status: number; headers?: string } | 'network-error' | 'timeout'

/**
 * An axios adapter that plays a script of answers the way axios's own adapters settle them (2xx
 * resolves, anything else rejects with the response), and records what was sent. The unit under
 * test is our retry policy, not HTTP: the contract tests cover the wire against the emulators.
 */
function scripted(...answers: Answer[]): { adapter: AxiosAdapter; sent: string[] } {
  const sent: string[] = []
  const adapter: AxiosAdapter = (config: InternalAxiosRequestConfig) => {
    sent.push(`${(config.method ?? 'get').toUpperCase()} ${config.url ?? ''}`)
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)] ?? { status: 200 }
    if (answer === 'network-error')
      return Promise.reject(new AxiosError('Network Error', AxiosError.ERR_NETWORK, config))
    if (answer === 'timeout')
      return Promise.reject(new AxiosError('timeout', AxiosError.ECONNABORTED, config))
    const response = {
      data: answer.status < 300 ? { ok: true } : {},
      status: answer.status,
      statusText: '',
      // ZAF hands the headers over as one CRLF-separated block; axios parses such a string.
      headers: AxiosHeaders.from(answer.headers ?? ''),
      config,
    }
    if (answer.status >= 200 && answer.status < 300) return Promise.resolve(response)
    return Promise.reject(
      new AxiosError(`status ${answer.status}`, AxiosError.ERR_BAD_RESPONSE, config, null, response)
    )
  }
  return { adapter, sent }
}

function client(adapter: AxiosAdapter, random = () => 0.5) {
  const waits: number[] = []
  const http = createCrmHttp({
    baseUrl: 'https://crm.example',
    adapter,
    readVendorError: () => ({}),
    sleep: (ms) => {
      waits.push(ms)
      return Promise.resolve()
    },
    random,
  })
  return { http, waits }
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CrmError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

describe('createCrmHttp retries', () => {
  it('retries a GET after a 503 with jittered backoff, then succeeds', async () => {
    const { adapter, sent } = scripted({ status: 503 }, { status: 503 }, { status: 200 })
    const { http, waits } = client(adapter, () => 0.5)
    const response = await http.send({ method: 'GET', url: '/accounts' })
    expect(response.status).toBe(200)
    expect(sent).toHaveLength(3)
    // base 250 ms × 3ⁿ, scaled by 0.5 + random/2 = 0.75
    expect(waits).toEqual([188, 563])
  })

  it('keeps the jitter between half and all of the backoff', () => {
    const error = new CrmError('unavailable', 'down')
    expect(retryDelay(error, 1, DEFAULT_RETRY, () => 0)).toBe(375)
    expect(retryDelay(error, 1, DEFAULT_RETRY, () => 0.999999)).toBe(750)
  })

  it('gives up after the policy’s retries and throws the last error', async () => {
    const { adapter, sent } = scripted({ status: 502 })
    const { http } = client(adapter)
    const error = await failure(http.send({ method: 'GET', url: '/accounts' }))
    expect([error.kind, error.details.status]).toEqual(['unavailable', 502])
    expect(sent).toHaveLength(1 + DEFAULT_RETRY.retries)
  })

  it('never retries a write that is not marked idempotent', async () => {
    const { adapter, sent } = scripted({ status: 503 }, { status: 201 })
    const { http, waits } = client(adapter)
    expect((await failure(http.send({ method: 'POST', url: '/tasks', data: {} }))).kind).toBe('unavailable')
    expect(sent).toEqual(['POST /tasks'])
    expect(waits).toEqual([])
  })

  it('marks a write the CRM failed or never answered as unconfirmed, and a read or a refusal not', async () => {
    for (const answer of [{ status: 503 }, 'timeout', 'network-error'] as const) {
      const { adapter } = scripted(answer)
      const write = await failure(client(adapter).http.send({ method: 'POST', url: '/tasks', data: {} }))
      expect([write.kind, write.details.unconfirmedWrite]).toEqual(['unavailable', true])
    }
    const refused = scripted({ status: 403 })
    const refusal = await failure(
      client(refused.adapter).http.send({ method: 'POST', url: '/tasks', data: {} })
    )
    expect([refusal.kind, refusal.details.unconfirmedWrite]).toEqual(['forbidden', undefined])
    const read = scripted('timeout')
    const readError = await failure(client(read.adapter).http.send({ method: 'GET', url: '/tasks' }))
    expect(readError.details.unconfirmedWrite).toBeUndefined()
  })

  it('retries a read-only POST marked idempotent', async () => {
    const { adapter, sent } = scripted('network-error', { status: 200 })
    const { http } = client(adapter)
    await http.send({ method: 'POST', url: '/composite', data: {}, idempotent: true })
    expect(sent).toEqual(['POST /composite', 'POST /composite'])
  })

  it('does not retry a timeout: one more would double the agent’s wait', async () => {
    const { adapter, sent } = scripted('timeout', { status: 200 })
    const { http } = client(adapter)
    const error = await failure(http.send({ method: 'GET', url: '/accounts' }))
    expect([error.kind, error.details.timedOut]).toEqual(['unavailable', true])
    expect(sent).toHaveLength(1)
  })

  it('treats a request that got no answer at all (status 0) as unreachable, and retries it', async () => {
    const { adapter, sent } = scripted('network-error')
    const { http, waits } = client(adapter)
    const error = await failure(http.send({ method: 'GET', url: '/accounts' }))
    expect([error.kind, error.details.timedOut, error.details.status]).toEqual([
      'unavailable',
      false,
      undefined,
    ])
    expect(sent).toHaveLength(3)
    expect(waits).toHaveLength(2)
  })

  it('waits exactly the Retry-After of a 429, in seconds, from a header block given as a string', async () => {
    const { adapter } = scripted(
      { status: 429, headers: 'Content-Type: application/json\r\nRetry-After: 2\r\n' },
      { status: 200 }
    )
    const { http, waits } = client(adapter, () => 0)
    await http.send({ method: 'GET', url: '/accounts' })
    expect(waits).toEqual([2000])
  })

  it('does not wait for a Retry-After longer than the policy allows: the agent sees "try later"', async () => {
    const { adapter, sent } = scripted({ status: 429, headers: 'Retry-After: 60' }, { status: 200 })
    const { http, waits } = client(adapter)
    const error = await failure(http.send({ method: 'GET', url: '/accounts' }))
    expect([error.kind, error.details.retryAfterMs]).toEqual(['rate-limited', 60_000])
    expect(sent).toHaveLength(1)
    expect(waits).toEqual([])
  })

  it('never retries 401, 403 or other 4xx', async () => {
    for (const status of [400, 401, 403, 404]) {
      const { adapter, sent } = scripted({ status }, { status: 200 })
      const { http } = client(adapter)
      await failure(http.send({ method: 'GET', url: '/accounts' }))
      expect({ status, sent: sent.length }).toEqual({ status, sent: 1 })
    }
  })
})

describe('retryAfter', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')

  it('reads seconds and HTTP dates, never a negative wait', () => {
    expect(retryAfter(AxiosHeaders.from('Retry-After: 3'), now)).toBe(3000)
    expect(retryAfter(AxiosHeaders.from('Retry-After: Tue, 01 Dec 2026 12:00:05 GMT'), now)).toBe(5000)
    expect(retryAfter(AxiosHeaders.from('Retry-After: Tue, 01 Dec 2026 11:59:00 GMT'), now)).toBe(0)
  })

  it('ignores a missing, empty or unreadable header', () => {
    expect(retryAfter(AxiosHeaders.from(''), now)).toBeUndefined()
    expect(retryAfter(AxiosHeaders.from('Retry-After: soon'), now)).toBeUndefined()
    expect(retryAfter(undefined, now)).toBeUndefined()
  })
})
