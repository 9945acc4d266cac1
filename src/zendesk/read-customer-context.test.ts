import { describe, expect, it } from 'vitest'
import { contextPaths, startupPaths, toAppLocation } from './context-paths'
import { customerChangeEvents, parseCustomerContext } from './read-customer-context'

// ZAF's objects as the host sends them (camelCase, domains as one space-separated string).
const northwind = {
  id: 9001,
  name: 'Northwind Traders',
  externalId: '001000000000001AAA',
  domains: 'northwind.example nw.example',
}
const globex = { id: 9002, name: 'Globex', externalId: null, domains: 'globex.example' }
const hank = {
  id: 202,
  name: 'Hank Scorpio',
  email: ' hank@globex.example ',
  organizations: [globex, northwind],
}

describe('where the app runs', () => {
  it('knows the four manifest locations and treats anything else as the ticket sidebar', () => {
    expect(toAppLocation('organization_sidebar')).toBe('organization_sidebar')
    expect(toAppLocation('new_ticket_sidebar')).toBe('new_ticket_sidebar')
    expect(toAppLocation('top_bar')).toBe('ticket_sidebar')
    expect(toAppLocation(undefined)).toBe('ticket_sidebar')
  })

  it("asks each location for its own objects only, plus the agent's locale and role at start-up", () => {
    expect(startupPaths('ticket_sidebar')).toEqual([
      'ticket.requester',
      'ticket.organization',
      'ticket.id',
      'ticket.tags',
      'ticket.priority',
      'ticket.type',
      'ticket.subject',
      'ticket.description',
      'ticket.status',
      'currentAccount.subdomain',
      'currentUser.locale',
      'currentUser.role',
    ])
    expect(contextPaths('new_ticket_sidebar')).toEqual(['ticket.requester', 'ticket.organization'])
    expect(startupPaths('user_sidebar')).toEqual(['user', 'currentUser.locale', 'currentUser.role'])
    expect(startupPaths('organization_sidebar')).toEqual([
      'organization',
      'currentUser.locale',
      'currentUser.role',
    ])
  })
})

describe('parseCustomerContext', () => {
  it('reads the ticket’s requester, organization and ticket in the ticket sidebar', () => {
    const data = {
      'ticket.requester': hank,
      'ticket.organization': northwind,
      'ticket.id': 101,
      'currentAccount.subdomain': 'acme',
    }
    expect(parseCustomerContext('ticket_sidebar', data)).toEqual({
      requester: { id: 202, name: 'Hank Scorpio', email: 'hank@globex.example' },
      organization: {
        id: 9001,
        name: 'Northwind Traders',
        externalId: '001000000000001AAA',
        domains: ['northwind.example', 'nw.example'],
      },
      ticket: {
        id: 101,
        status: null,
        subdomain: 'acme',
        escalated: false,
        escalationTags: [],
        facts: { priority: null, type: null, tags: [], subject: '', description: '' },
      },
    })
  })

  it('reads the ticket’s priority, type, tags and text for the "Why now" signals', () => {
    const data = {
      'ticket.requester': hank,
      'ticket.organization': null,
      'ticket.id': 102,
      'currentAccount.subdomain': 'acme',
      'ticket.tags': ['outage', 7],
      'ticket.priority': 'urgent',
      'ticket.type': 'incident',
      'ticket.subject': 'Outage',
      'ticket.description': 'We will look at other vendors.',
      'ticket.status': 'open',
    }
    expect(parseCustomerContext('ticket_sidebar', data).ticket?.status).toBe('open')
    expect(parseCustomerContext('ticket_sidebar', data).ticket?.facts).toEqual({
      priority: 'urgent',
      type: 'incident',
      tags: ['outage'],
      subject: 'Outage',
      description: 'We will look at other vendors.',
    })
  })

  it('repairs a lone surrogate in Zendesk text (U+FFFD), so no encoder can throw on it later', () => {
    const data = {
      'ticket.requester': { id: 7, name: 'Ana \ud83d', email: ' ana\udc00@northwind.example ' },
      'ticket.organization': { id: 9, name: 'N\ud800', externalId: 'x\udfff', domains: 'a\ud800.example' },
    }
    const context = parseCustomerContext('ticket_sidebar', data)
    expect(context.requester).toEqual({ id: 7, name: 'Ana \ufffd', email: 'ana\ufffd@northwind.example' })
    expect(context.organization).toEqual({
      id: 9,
      name: 'N\ufffd',
      externalId: 'x\ufffd',
      domains: ['a\ufffd.example'],
    })
  })

  it('knows a ticket is escalated from its csm_escalated tag, and treats unreadable tags as not escalated', () => {
    const base = {
      'ticket.requester': hank,
      'ticket.organization': null,
      'ticket.id': 102,
      'currentAccount.subdomain': 'acme',
    }
    expect(
      parseCustomerContext('ticket_sidebar', { ...base, 'ticket.tags': ['outage', 'csm_escalated'] }).ticket
    ).toMatchObject({ id: 102, subdomain: 'acme', escalated: true, escalationTags: ['csm_escalated'] })
    expect(
      parseCustomerContext('ticket_sidebar', { ...base, 'ticket.tags': ['csm_escalated_later'] }).ticket
        ?.escalated
    ).toBe(false)
    expect(
      parseCustomerContext('ticket_sidebar', { ...base, 'ticket.tags': 'csm_escalated' }).ticket?.escalated
    ).toBe(false)
  })

  it('starts a new ticket empty, with no ticket to escalate, and reads the requester once set', () => {
    expect(
      parseCustomerContext('new_ticket_sidebar', { 'ticket.requester': null, 'ticket.organization': null })
    ).toEqual({
      requester: null,
      organization: null,
      ticket: null,
    })
    expect(
      parseCustomerContext('new_ticket_sidebar', { 'ticket.requester': hank, 'ticket.organization': globex })
    ).toMatchObject({
      requester: { id: 202 },
      organization: { id: 9002, domains: ['globex.example'] },
      ticket: null,
    })
  })

  it('uses the user as the requester and their first organization in the user sidebar', () => {
    expect(parseCustomerContext('user_sidebar', { user: hank })).toEqual({
      requester: { id: 202, name: 'Hank Scorpio', email: 'hank@globex.example' },
      organization: { id: 9002, name: 'Globex', externalId: null, domains: ['globex.example'] },
      ticket: null,
    })
    expect(
      parseCustomerContext('user_sidebar', { user: { ...hank, organizations: [] } }).organization
    ).toBeNull()
  })

  it('has only the organization in the organization sidebar', () => {
    expect(parseCustomerContext('organization_sidebar', { organization: northwind })).toEqual({
      requester: null,
      organization: {
        id: 9001,
        name: 'Northwind Traders',
        externalId: '001000000000001AAA',
        domains: ['northwind.example', 'nw.example'],
      },
      ticket: null,
    })
  })

  it('turns what a location does not have, or malformed objects, into null', () => {
    // An unknown path is absent from the answer (its error sits in `errors`).
    expect(parseCustomerContext('organization_sidebar', { errors: { organization: {} } })).toEqual({
      requester: null,
      organization: null,
      ticket: null,
    })
    expect(parseCustomerContext('user_sidebar', { user: { name: 'no id' } })).toEqual({
      requester: null,
      organization: null,
      ticket: null,
    })
  })
})

describe('customerChangeEvents', () => {
  it('follows the fields the match cascade reads, per location', () => {
    expect(customerChangeEvents('ticket_sidebar')).toEqual([
      'ticket.requester.id.changed',
      'ticket.organization.changed',
    ])
    expect(customerChangeEvents('new_ticket_sidebar')).toEqual([
      'ticket.requester.id.changed',
      'ticket.organization.changed',
    ])
    expect(customerChangeEvents('user_sidebar')).toEqual(['user.email.changed', 'user.organizations.changed'])
    expect(customerChangeEvents('organization_sidebar')).toEqual([
      'organization.externalId.changed',
      'organization.domains.changed',
    ])
  })
})
