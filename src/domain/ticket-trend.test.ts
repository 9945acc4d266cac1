import { describe, expect, it } from 'vitest'
import {
  customerScope,
  readTicketCounts,
  scopeKey,
  ticketTrendQueries,
  ticketTrendSignals,
  type TicketCounts,
} from './ticket-trend'

const counts = (overrides: Partial<TicketCounts> = {}): TicketCounts => ({
  windowDays: 30,
  recent: 1,
  before: 3,
  openUrgent: 0,
  escalated: 0,
  ...overrides,
})
const quietTicket = { priority: 'normal', status: 'open', escalated: false }

describe('customerScope', () => {
  it('counts by organization, else by the requester’s plain address, else by the requester’s id', () => {
    const requester = { id: 205, name: 'M', email: ' Mallory@Hostile.example ' }
    const org = { id: 9003, name: 'Initech', externalId: null, domains: [] }
    expect(customerScope({ requester, organization: org })).toEqual({ kind: 'organization', id: 9003 })
    expect(customerScope({ requester, organization: null })).toEqual({
      kind: 'requester',
      key: 'mallory@hostile.example',
    })
    // An address the search syntax could misread (a quote, a space) is not sent as text.
    const odd = { id: 206, name: 'S', email: '"sam o"@unknown.example' }
    expect(customerScope({ requester: odd, organization: null })).toEqual({ kind: 'requester', key: '206' })
    expect(customerScope({ requester: { ...odd, email: null }, organization: null })).toEqual({
      kind: 'requester',
      key: '206',
    })
    expect(customerScope({ requester: null, organization: null })).toBeNull()
  })
})

describe('ticketTrendQueries', () => {
  it('asks for the window, the 90 days before it, open urgent or high tickets and recent escalations', () => {
    expect(ticketTrendQueries({ kind: 'organization', id: 9003 }, 30)).toEqual({
      recent: 'type:ticket organization:9003 created>30days',
      before: 'type:ticket organization:9003 created>120days created<30days',
      openUrgent: 'type:ticket organization:9003 status<solved priority>normal',
      escalated: 'type:ticket organization:9003 tags:csm_escalated created>90days',
    })
    expect(ticketTrendQueries({ kind: 'requester', key: 'bill@initech.example' }, 14).before).toBe(
      'type:ticket requester:bill@initech.example created>104days created<14days'
    )
    expect(scopeKey({ kind: 'requester', key: '206' }, 14)).toBe('requester:206|14d')
  })
})

describe('ticketTrendSignals', () => {
  it('reads a trend: six tickets in 30 days against three in the 90 days before (usually one)', () => {
    expect(ticketTrendSignals(counts({ recent: 6, before: 3 }), quietTicket)).toEqual([
      { kind: 'ticket-trend', recent: 6, usual: 1, days: 30 },
    ])
  })

  it('keeps to the edges: at least three tickets and at least twice the usual rate', () => {
    const trend = (recent: number, before: number, windowDays = 30) =>
      ticketTrendSignals(counts({ recent, before, windowDays }), quietTicket).map((s) => s.kind)
    expect(trend(3, 0)).toEqual(['ticket-trend']) // a customer who never wrote, now three times
    expect(trend(2, 0)).toEqual([])
    expect(trend(6, 9)).toEqual(['ticket-trend']) // usual 3: twice exactly
    expect(trend(5, 9)).toEqual([])
    // The usual rate follows the window: 14 days against 90 days of 9 tickets is 1.4.
    expect(trend(3, 9, 14)).toEqual(['ticket-trend'])
    expect(trend(3, 10, 14)).toEqual([])
  })

  it('counts the customer’s other open urgent or high tickets and other escalations, not this one', () => {
    const urgentHere = { priority: 'urgent', status: 'open', escalated: true }
    expect(ticketTrendSignals(counts({ openUrgent: 1, escalated: 1 }), urgentHere)).toEqual([])
    expect(ticketTrendSignals(counts({ openUrgent: 3, escalated: 2 }), urgentHere)).toEqual([
      { kind: 'open-urgent', count: 2 },
      { kind: 'recent-escalations', count: 1, days: 90 },
    ])
    expect(ticketTrendSignals(counts({ openUrgent: 1, escalated: 1 }), quietTicket)).toEqual([
      { kind: 'open-urgent', count: 1 },
      { kind: 'recent-escalations', count: 1, days: 90 },
    ])
    // A solved high ticket is not among the open ones; a lagging index (count 0) never goes negative.
    const solvedHigh = { priority: 'high', status: 'solved', escalated: false }
    expect(ticketTrendSignals(counts({ openUrgent: 1 }), solvedHigh)).toEqual([
      { kind: 'open-urgent', count: 1 },
    ])
    expect(ticketTrendSignals(counts({ openUrgent: 0 }), urgentHere)).toEqual([])
  })

  it('says nothing from a count Zendesk could not give, and still reads the others', () => {
    expect(
      ticketTrendSignals(counts({ recent: 9, before: null, openUrgent: null, escalated: 2 }), null)
    ).toEqual([{ kind: 'recent-escalations', count: 2, days: 90 }])
    expect(
      ticketTrendSignals(
        { windowDays: 30, recent: null, before: null, openUrgent: null, escalated: null },
        null
      )
    ).toEqual([])
  })
})

describe('readTicketCounts', () => {
  it('asks the four counts at once; one that fails is null, the rest stand', async () => {
    const asked: string[] = []
    const result = await readTicketCounts({ kind: 'organization', id: 9003 }, 30, {
      count: (query) => {
        asked.push(query)
        if (query.includes('priority>normal')) return Promise.reject(new Error('429'))
        return Promise.resolve(query.includes('created<') ? 3 : 6)
      },
    })
    expect(asked).toHaveLength(4)
    expect(result).toEqual({ windowDays: 30, recent: 6, before: 3, openUrgent: null, escalated: 6 })
  })
})
