import { describe, expect, it } from 'vitest'
import { asText, parseTemplate, renderTemplate, templateVariables, urlEncoded } from './template'

function template(text: string) {
  const parsed = parseTemplate(text)
  if (!parsed) throw new Error(`not a template: ${text}`)
  return parsed
}

describe('templates', () => {
  it('lists the variables a template reads', () => {
    expect(templateVariables(template('/api/v1/accounts/{{task.accountId}}/tasks?k={{ task.key }}'))).toEqual(
      ['task.accountId', 'task.key']
    )
    expect(templateVariables(template('/api/v1/accounts'))).toEqual([])
  })

  it.each([
    '/a/{{}}',
    '/a/{{task.key}',
    '/a/{{task..key}}',
    '/a/task.key}}',
    '/a/{{{task.key}}}',
    '/a/{{$}}',
  ])('refuses the malformed template %j', (text) => {
    expect(parseTemplate(text)).toBeNull()
  })

  it('URL-encodes values into paths, so an email cannot add query parameters', () => {
    const scope = { requester: { email: 'a&b=c@x.example' } }
    expect(
      renderTemplate(template('/api/v1/accounts?contact_email={{requester.email}}'), scope, urlEncoded)
    ).toBe('/api/v1/accounts?contact_email=a%26b%3Dc%40x.example')
    expect(renderTemplate(template('/accounts/{{id}}'), { id: '../admin?x=1#' }, urlEncoded)).toBe(
      '/accounts/..%2Fadmin%3Fx%3D1%23'
    )
  })

  it('writes values as they are into text', () => {
    expect(
      renderTemplate(
        template('[Escalation] {{task.subject}} ({{task.ticketId}})'),
        { task: { subject: '"}<b>', ticketId: 102 } },
        asText
      )
    ).toBe('[Escalation] "}<b> (102)')
  })

  it('gives nothing at all when a placeholder has no value', () => {
    const path = template('/accounts?domain={{requester.email_domain}}')
    expect(renderTemplate(path, { requester: {} }, urlEncoded)).toBeUndefined()
    expect(renderTemplate(path, { requester: { email_domain: '' } }, urlEncoded)).toBeUndefined()
    expect(
      renderTemplate(path, { requester: { email_domain: { nested: true } } }, urlEncoded)
    ).toBeUndefined()
  })
})
