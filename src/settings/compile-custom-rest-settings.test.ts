import { describe, expect, it } from 'vitest'
import { parseSettings } from './app-settings'
import type { SettingProblem } from './setting-problem'
import { compileCustomRestSettings } from './compile-custom-rest-settings'

// The Northwind Success API example, as an admin would paste it into the multiline settings.
const lookups = [
  {
    match: 'organization-external-id',
    path: '/api/v1/accounts?external_id={{organization.external_id}}',
    result: '$.data',
  },
  {
    match: 'requester-email',
    method: 'GET',
    path: '/api/v1/accounts?contact_email={{requester.email}}',
    result: '$.data',
  },
  {
    match: 'email-domain',
    method: 'POST',
    path: '/api/v1/accounts/search',
    body: { domain: { '@path': '$.requester.email_domain' } },
    result: '$.data',
  },
]
const fieldMap = {
  id: { '@path': '$.id' },
  name: { '@path': '$.name' },
  recordUrl: { '@template': 'https://crm.example.com/a/{{id}}' },
  'csm.name': { '@path': '$.owner.full_name' },
  healthScore: { '@path': '$.health.score' },
}
const escalation = {
  path: '/api/v1/accounts/{{task.accountId}}/tasks',
  body: {
    title: { '@path': '$.task.subject' },
    priority: { '@path': '$.task.priority' },
    external_key: { '@path': '$.task.key' },
  },
  idPath: '$.data.id',
  urlPath: '$.data.url',
  existing: { path: '/api/v1/tasks?external_key={{task.key}}', result: '$.data', idPath: '$.id' },
  followUp: { path: '/api/v1/tasks/{{task.id}}/comments', body: { body: { '@path': '$.text' } } },
}

const valid = {
  custom_lookup_requests: JSON.stringify(lookups),
  custom_field_map: JSON.stringify(fieldMap),
  custom_escalation_request: JSON.stringify(escalation),
}

function problemsOf(raw: Record<string, unknown>): SettingProblem[] {
  const problems: SettingProblem[] = []
  const settings = compileCustomRestSettings(raw, (problem) => problems.push(problem))
  expect(settings === null).toBe(problems.length > 0)
  return problems
}

const withJson = (setting: keyof typeof valid, value: unknown) => ({
  ...valid,
  [setting]: JSON.stringify(value),
})
const without = (json: object, key: string) =>
  Object.fromEntries(Object.entries(json).filter(([name]) => name !== key))

describe('custom-REST settings', () => {
  it('compiles the requests, the field map and the escalation, with their defaults', () => {
    const settings = compileCustomRestSettings(valid, () => expect.unreachable())
    expect(settings).toMatchObject({
      authHeader: 'Authorization',
      idempotencyHeader: null,
      lookups: [
        { match: 'organization-external-id', method: 'GET', body: null, result: ['data'] },
        { match: 'requester-email', method: 'GET', body: null },
        { match: 'email-domain', method: 'POST', body: { kind: 'object' } },
      ],
      fieldMap: { id: { kind: 'path', path: ['id'] }, recordUrl: { kind: 'template' } },
      escalation: {
        method: 'POST',
        success: [200, 201],
        conflict: [],
        idPath: ['data', 'id'],
        urlPath: ['data', 'url'],
        existing: { method: 'GET', result: ['data'], idPath: ['id'], urlPath: null, closed: null },
        followUp: { method: 'POST' },
      },
    })
  })

  it('compiles the closed statuses of an existing task in lower case, to compare them as words', () => {
    const json = {
      ...escalation,
      existing: { ...escalation.existing, closed: { path: '$.state.name', values: ['Done', 'CLOSED'] } },
    }
    const settings = compileCustomRestSettings(withJson('custom_escalation_request', json), () =>
      expect.unreachable()
    )
    expect(settings?.escalation.existing?.closed).toEqual({
      path: ['state', 'name'],
      values: ['done', 'closed'],
    })
  })

  it('is read by parseSettings for the custom provider only', () => {
    const custom = parseSettings({
      crm_provider: 'custom',
      crm_base_url: 'https://crm.example.com',
      custom_auth_header: 'X-Api-Key',
      ...valid,
    })
    expect(custom.ok && custom.settings.custom?.authHeader).toBe('X-Api-Key')
    const salesforce = parseSettings({
      crm_provider: 'salesforce',
      crm_base_url: 'https://acme.my.salesforce.com',
      custom_field_map: '{',
    })
    expect(salesforce.ok && salesforce.settings.custom).toBeNull()
    expect(parseSettings({ crm_provider: 'custom', crm_base_url: 'https://crm.example.com' })).toEqual({
      ok: false,
      problems: [
        { setting: 'custom_lookup_requests', code: 'required' },
        { setting: 'custom_field_map', code: 'required' },
        { setting: 'custom_escalation_request', code: 'required' },
      ],
    })
  })

  it.each(['custom_lookup_requests', 'custom_field_map', 'custom_escalation_request'] as const)(
    'names %s when it is not JSON',
    (setting) => {
      expect(problemsOf({ ...valid, [setting]: '{"id": {"@path": "$.id"}' })).toEqual([
        { setting, code: 'invalid-json' },
      ])
      expect(problemsOf({ ...valid, [setting]: 42 })).toEqual([{ setting, code: 'invalid-json' }])
    }
  )

  it.each([
    ['not a list', { match: 'requester-email' }, '$'],
    ['an empty list', [], '$'],
    ['an unknown strategy', [{ ...lookups[0], match: 'phone' }], '[0].match'],
    ['a misspelt key', [lookups[0], { ...lookups[1], reslut: '$.data' }], '[1].reslut'],
    ['a PUT lookup', [{ ...lookups[0], method: 'PUT' }], '[0].method'],
    [
      'a path that is not relative',
      [lookups[0], { ...lookups[1], path: 'https://evil.example/?e={{requester.email}}' }],
      '[1].path',
    ],
    ['a protocol-relative path', [{ ...lookups[0], path: '//evil.example/{{requester.email}}' }], '[0].path'],
    [
      'a path starting with a variable',
      [{ ...lookups[0], path: '{{organization.domain}}/accounts' }],
      '[0].path',
    ],
    [
      'an unbalanced placeholder',
      [{ ...lookups[0], path: '/accounts?id={{organization.external_id}' }],
      '[0].path',
    ],
    ['a GET with a body', [{ ...lookups[0], body: { id: 'x' } }], '[0].body'],
    [
      'an unknown directive',
      [lookups[0], lookups[1], { ...lookups[2], body: { domain: { '@jsonpath': '$..domain' } } }],
      '[2].body.domain',
    ],
    [
      'a directive mixed with raw keys',
      [{ ...lookups[2], body: { domain: { '@path': '$.requester.email_domain', exact: true } } }],
      '[0].body.domain',
    ],
    ['a bad result path', [{ ...lookups[0], result: '$.data[*]' }], '[0].result'],
  ])('refuses lookups with %s, saying where', (_what, json, detail) => {
    expect(problemsOf(withJson('custom_lookup_requests', json))).toEqual([
      { setting: 'custom_lookup_requests', code: 'invalid-mapping', detail },
    ])
  })

  it('refuses lookup variables the app does not provide, in paths and bodies', () => {
    const inPath = [lookups[0], { ...lookups[1], path: '/api/v1/accounts?email={{requester.phone}}' }]
    expect(problemsOf(withJson('custom_lookup_requests', inPath))).toEqual([
      { setting: 'custom_lookup_requests', code: 'unknown-variable', detail: '[1].path' },
    ])
    const inBody = [{ ...lookups[2], body: { token: { '@template': '{{setting.crm_api_token}}' } } }]
    expect(problemsOf(withJson('custom_lookup_requests', inBody))).toEqual([
      { setting: 'custom_lookup_requests', code: 'unknown-variable', detail: '[0].body.token' },
    ])
  })

  it('requires id and name in the field map and refuses fields the card does not have', () => {
    expect(problemsOf(withJson('custom_field_map', without(fieldMap, 'name')))).toEqual([
      { setting: 'custom_field_map', code: 'missing-mapping', detail: 'name' },
    ])
    expect(
      problemsOf(withJson('custom_field_map', { ...fieldMap, 'csm.phone': { '@path': '$.owner.phone' } }))
    ).toEqual([{ setting: 'custom_field_map', code: 'invalid-mapping', detail: 'csm.phone' }])
    expect(
      problemsOf(
        withJson('custom_field_map', {
          ...fieldMap,
          'csm.name': { '@path': '$.owner.full_name', '@template': '{{owner}}' },
        })
      )
    ).toEqual([{ setting: 'custom_field_map', code: 'invalid-mapping', detail: 'csm.name' }])
    expect(problemsOf(withJson('custom_field_map', ['id', 'name']))).toEqual([
      { setting: 'custom_field_map', code: 'invalid-mapping', detail: '$' },
    ])
  })

  it.each([
    ['a GET create', { ...escalation, method: 'GET' }, 'invalid-mapping', 'method'],
    ['no id path', { ...escalation, idPath: undefined }, 'invalid-mapping', 'idPath'],
    ['a non-2xx success status', { ...escalation, success: [201, 302] }, 'invalid-mapping', 'success[1]'],
    ['a 2xx conflict status', { ...escalation, conflict: [200] }, 'invalid-mapping', 'conflict[0]'],
    ['a misspelt key', { ...escalation, folowUp: escalation.followUp }, 'invalid-mapping', 'folowUp'],
    [
      'a raw placeholder in the body',
      { ...escalation, body: { title: 'Ticket {{task.ticketId}}' } },
      'invalid-mapping',
      'body.title',
    ],
    [
      'a bad existing result path',
      { ...escalation, existing: { ...escalation.existing, result: 'data.' } },
      'invalid-mapping',
      'existing.result',
    ],
    [
      'closed statuses without a path',
      { ...escalation, existing: { ...escalation.existing, closed: { values: ['done'] } } },
      'invalid-mapping',
      'existing.closed.path',
    ],
    [
      'a closed rule with no statuses',
      { ...escalation, existing: { ...escalation.existing, closed: { path: '$.status', values: [] } } },
      'invalid-mapping',
      'existing.closed.values',
    ],
    [
      'a bad closed status path',
      { ...escalation, existing: { ...escalation.existing, closed: { path: 'status.', values: ['done'] } } },
      'invalid-mapping',
      'existing.closed.path',
    ],
    [
      'an unknown task variable',
      { ...escalation, body: { title: { '@template': '{{task.subject}} for {{ticket.requester}}' } } },
      'unknown-variable',
      'body.title',
    ],
    [
      'an unknown variable in the existing search',
      { ...escalation, existing: { ...escalation.existing, path: '/tasks?k={{task.id}}' } },
      'unknown-variable',
      'existing.path',
    ],
    [
      'a task variable in the follow-up',
      { ...escalation, followUp: { ...escalation.followUp, path: '/tasks/{{task.key}}/comments' } },
      'unknown-variable',
      'followUp.path',
    ],
  ])('refuses an escalation with %s', (_what, json, code, detail) => {
    expect(problemsOf(withJson('custom_escalation_request', json))).toEqual([
      { setting: 'custom_escalation_request', code, detail },
    ])
  })

  it('refuses an escalation that could create two tasks: no idempotency header and no existing search', () => {
    const withoutSearch = without(escalation, 'existing')
    expect(problemsOf(withJson('custom_escalation_request', withoutSearch))).toEqual([
      { setting: 'custom_escalation_request', code: 'no-dedupe' },
    ])
    expect(
      problemsOf({
        ...withJson('custom_escalation_request', withoutSearch),
        custom_idempotency_header: 'Idempotency-Key',
      })
    ).toEqual([])
  })

  it.each(['custom_auth_header', 'custom_idempotency_header'])(
    'refuses %s names Zendesk cannot send',
    (setting) => {
      expect(problemsOf({ ...valid, [setting]: 'X_Api_Key' })).toEqual([
        { setting, code: 'invalid-header-name' },
      ])
      expect(problemsOf({ ...valid, [setting]: 'X-Api-Key: secret' })).toEqual([
        { setting, code: 'invalid-header-name' },
      ])
    }
  )

  it.each([
    'Host',
    'cookie',
    'Content-Length',
    'Origin',
    'Proxy-Authorization',
    'Sec-Fetch-Mode',
    'Content-Type',
  ])('refuses %s as the auth or idempotency header: the browser or Zendesk sets it', (name) => {
    for (const setting of ['custom_auth_header', 'custom_idempotency_header']) {
      expect(problemsOf({ ...valid, [setting]: name })).toEqual([{ setting, code: 'reserved-header' }])
    }
  })

  it('refuses an idempotency header that is the auth header: the token would replace the key', () => {
    expect(problemsOf({ ...valid, custom_idempotency_header: 'authorization' })).toEqual([
      { setting: 'custom_idempotency_header', code: 'same-header' },
    ])
    expect(
      problemsOf({ ...valid, custom_auth_header: 'X-Api-Key', custom_idempotency_header: 'x-api-key' })
    ).toEqual([{ setting: 'custom_idempotency_header', code: 'same-header' }])
    expect(
      problemsOf({ ...valid, custom_auth_header: 'X-Api-Key', custom_idempotency_header: 'Authorization' })
    ).toEqual([])
  })

  it('refuses @literal values holding placeholder braces, which the proxy would read as its own', () => {
    const body = { ...escalation.body, source: { '@literal': { note: 'sent by {{setting.crm_api_token}}' } } }
    expect(problemsOf(withJson('custom_escalation_request', { ...escalation, body }))).toEqual([
      { setting: 'custom_escalation_request', code: 'invalid-mapping', detail: 'body.source' },
    ])
    const keyed = { ...escalation.body, source: { '@literal': [{ '{{x}}': 1 }] } }
    expect(problemsOf(withJson('custom_escalation_request', { ...escalation, body: keyed }))).toEqual([
      { setting: 'custom_escalation_request', code: 'invalid-mapping', detail: 'body.source' },
    ])
    const plain = { ...escalation.body, source: { '@literal': { note: 'sent by {the app}' } } }
    expect(problemsOf(withJson('custom_escalation_request', { ...escalation, body: plain }))).toEqual([])
  })

  it('refuses JSON nested deeper than 32 levels with a settings error, not a crash (20,000 levels)', () => {
    const deep = `{"id": {"@path": "$.id"}, "name": {"@path": "$.name"}, "healthScore": ${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}}`
    expect(problemsOf({ ...valid, custom_field_map: deep })).toEqual([
      { setting: 'custom_field_map', code: 'too-deep' },
    ])
    // Brackets inside strings do not count, and 32 levels are still accepted.
    const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}"[[[[{ [{ [{"${'}'.repeat(levels - 1)}`
    expect(
      problemsOf({
        ...valid,
        custom_field_map: `{"id": {"@path": "$.id"}, "name": {"@literal": ${nested(30)}}}`,
      })
    ).toEqual([])
  })

  it('refuses a request path with a literal dot segment', () => {
    const upward = [{ ...lookups[0], path: '/api/v1/../admin?external_id={{organization.external_id}}' }]
    expect(problemsOf(withJson('custom_lookup_requests', upward))).toEqual([
      { setting: 'custom_lookup_requests', code: 'invalid-mapping', detail: '[0].path' },
    ])
  })

  it('reports every bad setting at once, and never echoes a value', () => {
    const secret = 'sk_live_do_not_echo'
    const problems = problemsOf({
      custom_auth_header: `X_${secret}`,
      custom_lookup_requests: JSON.stringify([
        { ...lookups[0], path: `/accounts/${secret}/{{requester.secret}}` },
      ]),
      custom_field_map: `{"id": "${secret}"`,
      custom_escalation_request: JSON.stringify({ ...escalation, body: { title: { '@x': secret } } }),
    })
    expect(problems.map((problem) => problem.setting)).toEqual([
      'custom_auth_header',
      'custom_lookup_requests',
      'custom_field_map',
      'custom_escalation_request',
    ])
    expect(JSON.stringify(problems)).not.toContain(secret)
  })
})
