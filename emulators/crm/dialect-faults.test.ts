import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator, type DialectName } from './create-crm-emulator'
import { caller } from './testing/call'

const TOKEN = 'fault-token'
/** One cheap read per dialect, with that vendor's credentials. */
const PROBES: Record<DialectName, { auth: Record<string, string>; path: string }> = {
  salesforce: {
    auth: { Authorization: `Bearer ${TOKEN}` },
    path: '/services/data/v62.0/query?q=SELECT+Id+FROM+User',
  },
  hubspot: { auth: { Authorization: `Bearer ${TOKEN}` }, path: '/crm/v3/owners/64490001' },
  custom: { auth: { 'X-Api-Key': TOKEN }, path: '/api/v1/accounts/acc_globex' },
}

const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/)
const EXPECTED = {
  salesforce: {
    unauthorized: [401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]],
    forbidden: [403, [{ message: expect.any(String), errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }]],
    quota: [403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]],
    'server-error': [500, [{ message: expect.any(String), errorCode: 'UNKNOWN_EXCEPTION' }]],
  },
  hubspot: {
    unauthorized: [
      401,
      {
        status: 'error',
        message: expect.stringMatching(/^Authentication credentials not found/),
        correlationId: uuid,
        category: 'INVALID_AUTHENTICATION',
      },
    ],
    forbidden: [
      403,
      {
        status: 'error',
        correlationId: uuid,
        category: 'MISSING_SCOPES',
        errors: [{ context: { requiredGranularScopes: expect.any(Array) } }],
      },
    ],
    quota: [
      429,
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: uuid,
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    ],
    'server-error': [500, { status: 'error', correlationId: uuid }],
  },
  custom: {
    unauthorized: [401, { error: { code: 'unauthorized', message: 'Missing or invalid API key' } }],
    forbidden: [403, { error: { code: 'forbidden', message: expect.any(String) } }],
    quota: [429, { error: { code: 'rate_limited', message: expect.any(String) } }],
    'server-error': [500, { error: { code: 'internal', message: expect.any(String) } }],
  },
} as const

const emulators = {} as Record<DialectName, CrmEmulator>
beforeAll(async () => {
  for (const dialect of ['salesforce', 'hubspot', 'custom'] as const)
    emulators[dialect] = await startCrmEmulator({ dialect, token: TOKEN })
})
afterAll(() => Promise.all(Object.values(emulators).map((crm) => crm.close())))

const probe = (dialect: DialectName, auth = PROBES[dialect].auth) =>
  caller(() => emulators[dialect].url, auth)('GET', PROBES[dialect].path)

describe.each(['salesforce', 'hubspot', 'custom'] as const)('%s faults', (dialect) => {
  it.each(['unauthorized', 'forbidden', 'quota', 'server-error'] as const)(
    '%s answers in the vendor’s shape, for the requested number of requests',
    async (mode) => {
      const crm = emulators[dialect]
      crm.reset()
      crm.setFaults({ mode, remaining: 1 })
      const [status, body] = EXPECTED[dialect][mode]
      expect(await probe(dialect)).toMatchObject({ status, body })
      expect((await probe(dialect)).status).toBe(200)
    }
  )

  it('refuses a request without the vendor’s credentials with its 401', async () => {
    emulators[dialect].reset()
    const [status, body] = EXPECTED[dialect].unauthorized
    expect(await probe(dialect, {})).toMatchObject({ status, body })
    expect(
      await probe(dialect, {
        Authorization: 'Bearer {{setting.crm_api_token}}',
        'X-Api-Key': '{{setting.crm_api_token}}',
      })
    ).toMatchObject({ status })
  })

  it('sends a body that does not parse when malformed', async () => {
    const crm = emulators[dialect]
    crm.reset()
    crm.setFaults({ mode: 'malformed' })
    const answer = await probe(dialect)
    expect(answer.status).toBe(200)
    expect(typeof answer.body).toBe('string')
    expect(() => JSON.parse(answer.body)).toThrow()
  })

  it('answers 200 with an empty body, or with an HTML page, when asked to', async () => {
    const crm = emulators[dialect]
    crm.reset()
    crm.setFaults({ mode: 'empty' })
    expect(await probe(dialect)).toMatchObject({ status: 200, body: null })
    crm.setFaults({ mode: 'html' })
    const page = await probe(dialect)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(String(page.body)).toMatch(/^<!doctype html>/)
  })

  it('holds a request until the fault is lifted when hanging', async () => {
    const crm = emulators[dialect]
    crm.reset()
    crm.setFaults({ mode: 'hang' })
    const pending = probe(dialect).then(
      () => 'answered',
      () => 'dropped'
    )
    const early = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200)),
    ])
    crm.setFaults({ mode: 'none' })
    expect(early).toBe('still waiting')
    expect(await pending).toBe('dropped')
  })
})

describe('rate limits', () => {
  it('custom quota sends Retry-After: 2, or the seconds the fault asks for', async () => {
    const crm = emulators.custom
    crm.setFaults({ mode: 'quota', remaining: 1 })
    expect((await probe('custom')).headers.get('retry-after')).toBe('2')
    crm.setFaults({ mode: 'quota', remaining: 1, retryAfterSeconds: 7 })
    expect((await probe('custom')).headers.get('retry-after')).toBe('7')
  })

  it('HubSpot quota sends Retry-After only when the fault asks for it', async () => {
    const crm = emulators.hubspot
    crm.setFaults({ mode: 'quota', remaining: 1 })
    expect((await probe('hubspot')).headers.get('retry-after')).toBeNull()
    crm.setFaults({ mode: 'quota', remaining: 1, retryAfterSeconds: 10 })
    expect((await probe('hubspot')).headers.get('retry-after')).toBe('10')
  })

  it('HubSpot allows searchPerSecond searches in a rolling second, then 429 SECONDLY; other calls are not limited by it', async () => {
    let now = 1_000_000
    const crm = await startCrmEmulator({
      dialect: 'hubspot',
      token: TOKEN,
      searchPerSecond: 3,
      now: () => now,
    })
    try {
      const call = caller(() => crm.url, PROBES.hubspot.auth)
      const search = () =>
        call('POST', '/crm/v3/objects/companies/search', {
          filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: 'globex.example' }] }],
        })
      for (let i = 0; i < 3; i += 1) expect((await search()).status).toBe(200)
      const limited = await search()
      expect(limited).toMatchObject({
        status: 429,
        body: {
          status: 'error',
          message: 'You have reached your secondly limit.',
          errorType: 'RATE_LIMIT',
          correlationId: uuid,
          policyName: 'SECONDLY',
          groupName: 'publicapi:search',
        },
      })
      expect([...limited.headers.keys()].filter((name) => name.startsWith('x-hubspot-ratelimit'))).toEqual([])
      expect((await call('GET', '/crm/v3/objects/companies/5100002')).status).toBe(200)
      expect(
        (await call('POST', '/crm/v3/objects/companies/batch/read', { inputs: [{ id: '5100002' }] })).status
      ).toBe(200)
      now += 999
      expect((await search()).status).toBe(429)
      now += 2
      expect((await search()).status).toBe(200)
    } finally {
      await crm.close()
    }
  })
})
