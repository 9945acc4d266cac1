import { describe, expect, it } from 'vitest'
import { compileMapping, evaluateMapping, mappingVariables, type Mapping } from './mapping'
import { urlEncoded } from './template'

function compile(json: unknown, variables?: readonly string[]): Mapping {
  const compiled = compileMapping(json, 'body', variables ? { variables: new Set(variables) } : {})
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problem))
  return compiled.value
}

const problemOf = (json: unknown, variables?: readonly string[]) => {
  const compiled = compileMapping(json, 'body', variables ? { variables: new Set(variables) } : {})
  return compiled.ok ? null : compiled.problem
}

describe('mappings (Segment Mapping Kit style)', () => {
  const scope = {
    task: { key: 'zd:acme:102', subject: 'Outage', ticketId: 102, contactId: undefined },
    text: 'Follow-up',
  }

  it('evaluates raw JSON literally and directives against the scope', () => {
    const mapping = compile({
      title: { '@template': '#{{task.ticketId}} {{task.subject}}' },
      external_key: { '@path': '$.task.key' },
      status: 'open',
      tags: ['zendesk', { '@path': '$.task.ticketId' }],
      meta: { '@literal': { '@path': 'kept as written' } },
      archived: false,
      parent: null,
    })
    expect(evaluateMapping(mapping, scope)).toEqual({
      title: '#102 Outage',
      external_key: 'zd:acme:102',
      status: 'open',
      tags: ['zendesk', 102],
      meta: { '@path': 'kept as written' },
      archived: false,
      parent: null,
    })
  })

  it('leaves out members that resolve to nothing, and keeps null', () => {
    const mapping = compile({
      contact_id: { '@path': '$.task.contactId' },
      note: { '@template': '{{task.contactId}}' },
      list: [{ '@path': '$.nope' }],
      parent: null,
    })
    expect(evaluateMapping(mapping, scope)).toEqual({ list: [], parent: null })
  })

  it('places values as JSON values, so quotes and braces in them cannot change the body', () => {
    const hostile = { requester: { email: '"},"admin":true,"x":{"y":"@x.example' } }
    const body = evaluateMapping(
      compile({ email: { '@path': '$.requester.email' }, q: { '@template': 'email:{{requester.email}}' } }),
      hostile
    )
    const sent = JSON.parse(JSON.stringify(body)) as Record<string, unknown>
    expect(Object.keys(sent)).toEqual(['email', 'q'])
    expect(sent['email']).toBe(hostile.requester.email)
    expect(sent['q']).toBe(`email:${hostile.requester.email}`)
  })

  it('keeps a __proto__ key a plain member of the result', () => {
    const body = evaluateMapping(
      compile(JSON.parse('{"__proto__": {"@path": "$.task.key"}}')),
      scope
    ) as Record<string, unknown>
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype)
    expect(JSON.stringify(body)).toBe('{"__proto__":"zd:acme:102"}')
  })

  it('URL-encodes template values only when asked (record links)', () => {
    const link = compile({ '@template': 'https://crm.example/a/{{id}}' })
    expect(evaluateMapping(link, { id: 'a/b c' }, urlEncoded)).toBe('https://crm.example/a/a%2Fb%20c')
  })

  it('lists the variables it reads', () => {
    expect(
      mappingVariables(
        compile({
          a: { '@path': '$.task.key' },
          b: [{ '@template': '{{task.subject}}-{{task.key}}' }],
          c: 'x',
        })
      )
    ).toEqual(['task.key', 'task.subject', 'task.key'])
  })

  it.each([
    ['an unknown directive', { title: { '@concat': ['a', 'b'] } }, 'body.title'],
    ['a directive mixed with raw keys', { title: { '@path': '$.task.key', fallback: 'x' } }, 'body.title'],
    ['two directives at once', { title: { '@path': '$.task.key', '@template': 'x' } }, 'body.title'],
    ['a path that is not a string', { title: { '@path': 3 } }, 'body.title'],
    ['a malformed path', { title: { '@path': '$.task[*]' } }, 'body.title'],
    ['a malformed template', { list: ['ok', { '@template': '{{task.key' }] }, 'body.list[1]'],
    [
      'a raw string with a placeholder (a forgotten @template)',
      { title: 'Ticket {{task.ticketId}}' },
      'body.title',
    ],
  ])('refuses %s, saying where', (_what, json, where) => {
    expect(problemOf(json)).toEqual({ kind: 'invalid', at: where })
  })

  it('refuses variables outside the allowed list, in paths and in templates', () => {
    const allowed = ['task.key', 'task.subject']
    expect(problemOf({ a: { '@path': '$.task.secret' } }, allowed)).toEqual({
      kind: 'unknown-variable',
      at: 'body.a',
    })
    expect(problemOf({ a: { '@template': '{{task.key}} {{setting.crm_api_token}}' } }, allowed)).toEqual({
      kind: 'unknown-variable',
      at: 'body.a',
    })
    expect(problemOf({ a: { '@path': '$.task' } }, allowed)).toEqual({
      kind: 'unknown-variable',
      at: 'body.a',
    })
    expect(
      problemOf({ a: { '@path': '$.task.key' }, b: { '@template': '{{task.subject}}' } }, allowed)
    ).toBeNull()
  })
})
