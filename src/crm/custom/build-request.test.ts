import { describe, expect, it } from 'vitest'
import type { MatchStrategy } from '../../domain/match-strategy'
import { buildRequest, requestVariables, type RequestTemplate } from './build-request'
import { orderedLookups } from './custom-connector'
import { lookupScope } from './lookup-scope'
import { compileMapping, type Mapping } from '../../mapping/mapping'
import { parseTemplate } from '../../mapping/template'
import { taskScope } from './task-scope'

function request(method: string, path: string, body?: unknown): RequestTemplate {
  const template = parseTemplate(path)
  if (!template) throw new Error(path)
  let mapping: Mapping | null = null
  if (body !== undefined) {
    const compiled = compileMapping(body, 'body')
    if (!compiled.ok) throw new Error('body')
    mapping = compiled.value
  }
  return { method, path: template, body: mapping }
}

const customer = (
  email: string | null,
  organization: { externalId?: string | null; domains?: string[] } | null = null
) =>
  lookupScope({
    requester: email === null ? null : { id: 1, name: 'R', email },
    organization: organization
      ? {
          id: 9001,
          name: ' Northwind ',
          externalId: organization.externalId ?? null,
          domains: organization.domains ?? [],
        }
      : null,
  })

describe('building custom-REST requests', () => {
  it('gives lookups the ticket customer as variables', () => {
    expect(
      customer('Jane.Doe@Northwind.example', {
        externalId: ' 001A ',
        domains: ['Northwind.example', 'nw.example'],
      })
    ).toEqual({
      requester: { email: 'Jane.Doe@Northwind.example', email_domain: 'northwind.example' },
      organization: { id: '9001', external_id: '001A', name: 'Northwind', domain: 'northwind.example' },
    })
  })

  it('URL-encodes hostile emails into the query, so they cannot add parameters', () => {
    const built = buildRequest(
      request('GET', '/api/v1/accounts?contact_email={{requester.email}}'),
      customer('a&b=c@x.example')
    )
    expect(built).toEqual({ method: 'GET', url: '/api/v1/accounts?contact_email=a%26b%3Dc%40x.example' })
    const url = new URL(built?.url ?? '', 'https://crm.example')
    expect([...url.searchParams.keys()]).toEqual(['contact_email'])
    expect(url.searchParams.get('contact_email')).toBe('a&b=c@x.example')
  })

  it('builds no request when a value would be a dot segment of the path (requester x@..)', () => {
    const byDomain = request('GET', '/api/v1/{{requester.email_domain}}/accounts')
    expect(buildRequest(byDomain, customer('x@..'))).toBeNull()
    expect(buildRequest(byDomain, customer('x@.'))).toBeNull()
    expect(
      buildRequest(
        request('GET', '/api/v1/{{organization.external_id}}'),
        customer(null, { externalId: '..' })
      )
    ).toBeNull()
    // Dots inside a segment are ordinary characters, and the query may hold anything.
    expect(buildRequest(byDomain, customer('x@northwind.example'))?.url).toBe(
      '/api/v1/northwind.example/accounts'
    )
    expect(
      buildRequest(request('GET', '/api/v1/accounts?d={{requester.email_domain}}'), customer('x@..'))?.url
    ).toBe('/api/v1/accounts?d=..')
  })

  it('encodes a lone surrogate as U+FFFD instead of throwing', () => {
    const built = buildRequest(
      request('GET', '/api/v1/accounts?contact_email={{requester.email}}'),
      customer('a\ud800b@x.example')
    )
    expect(built?.url).toBe('/api/v1/accounts?contact_email=a%EF%BF%BDb%40x.example')
  })

  it('puts values into POST bodies as JSON values', () => {
    const email = 'x"}, "admin": true, "y": {"@x.example'
    const built = buildRequest(
      request('POST', '/api/v1/accounts/search', { filter: { email: { '@path': '$.requester.email' } } }),
      customer(email)
    )
    expect(JSON.parse(JSON.stringify(built?.data))).toEqual({ filter: { email } })
  })

  it('builds no lookup when one of its variables is empty', () => {
    const byBoth = request('POST', '/api/v1/search?org={{organization.external_id}}', {
      email: { '@path': '$.requester.email' },
    })
    expect(requestVariables(byBoth)).toEqual(['organization.external_id', 'requester.email'])
    expect(buildRequest(byBoth, customer('jane@northwind.example'))).toBeNull()
    expect(buildRequest(byBoth, customer(null, { externalId: '001A' }))).toBeNull()
    expect(buildRequest(byBoth, customer('jane@northwind.example', { externalId: '001A' }))).not.toBeNull()
  })

  it('lets a write leave an empty body value out, but never an empty path value', () => {
    const input = {
      key: 'zd:acme:102',
      ticketId: 102,
      subject: 'S',
      description: 'D',
      ownerId: 'usr_1',
      accountId: 'acc 1',
      contactId: null,
      priority: 'High',
      dueDate: '2026-11-27',
      afterUnknownOutcome: false,
    } as const
    const create = request('POST', '/api/v1/accounts/{{task.accountId}}/tasks', {
      priority: { '@path': '$.task.priority' },
      contact_id: { '@path': '$.task.contactId' },
    })
    expect(buildRequest(create, taskScope(input), { optionalBodyValues: true })).toEqual({
      method: 'POST',
      url: '/api/v1/accounts/acc%201/tasks',
      data: { priority: 'high' },
    })
    const byContact = request('POST', '/api/v1/contacts/{{task.contactId}}/tasks')
    expect(buildRequest(byContact, taskScope(input), { optionalBodyValues: true })).toBeNull()
  })

  it('orders and filters lookups by match_order, keeping the admin order within a strategy', () => {
    const lookup = (match: MatchStrategy, path: string) => ({
      ...request('GET', path),
      method: 'GET' as const,
      match,
      result: [],
    })
    const lookups = [
      lookup('email-domain', '/d1'),
      lookup('requester-email', '/e'),
      lookup('email-domain', '/d2'),
      lookup('organization-external-id', '/x'),
    ]
    const order = orderedLookups(lookups, ['email-domain', 'organization-external-id'])
    expect(order.map((l) => l.path.parts[0])).toEqual(['/d1', '/d2', '/x'])
  })
})
