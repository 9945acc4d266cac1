import { beforeEach, describe, expect, it } from 'vitest'
import type { CustomerContext } from '../domain/customer'
import { customerTicketCounts, type TicketSearch } from '../domain/ticket-trend'
import { createStorageTicketCountsCache } from './storage-ticket-counts-cache'

const TTL = 5 * 60_000
const initech: CustomerContext = {
  requester: { id: 203, name: 'Bill', email: 'bill@initech.example' },
  organization: { id: 9003, name: 'Initech', externalId: null, domains: [] },
}

/** A Zendesk that counts every query as `n`, or fails the ones `fails` names, and logs them. */
function zendesk(n: number, fails: (query: string) => boolean = () => false) {
  const queries: string[] = []
  const search: TicketSearch = {
    count: (query) => {
      queries.push(query)
      return fails(query) ? Promise.reject(new Error('503')) : Promise.resolve(n)
    },
  }
  return { search, queries }
}

describe('the customer’s ticket counts, cached beside the lookup', () => {
  beforeEach(() => window.sessionStorage.clear())
  const cache = () => createStorageTicketCountsCache(window.sessionStorage, TTL)
  const deps = (search: TicketSearch, at: number) => ({
    search,
    cache: cache(),
    cacheNamespace: '1:salesforce:https://acme',
    windowDays: 30,
    now: () => at,
  })

  it('asks Zendesk four counts once, then answers from storage until the lookup’s TTL ends', async () => {
    const first = zendesk(2)
    expect(await customerTicketCounts(initech, deps(first.search, 1000))).toEqual({
      windowDays: 30,
      recent: 2,
      before: 2,
      openUrgent: 2,
      escalated: 2,
    })
    expect(first.queries).toHaveLength(4)
    const again = zendesk(7)
    expect((await customerTicketCounts(initech, deps(again.search, 1000 + TTL)))?.recent).toBe(2)
    expect(again.queries).toEqual([])
    expect((await customerTicketCounts(initech, deps(again.search, 1001 + TTL)))?.recent).toBe(7)
    expect(again.queries).toHaveLength(4)
  })

  it('keeps no partial answer, so a count that failed is asked again', async () => {
    const flaky = zendesk(2, (query) => query.includes('tags:'))
    expect((await customerTicketCounts(initech, deps(flaky.search, 1000)))?.escalated).toBeNull()
    const next = zendesk(3)
    expect((await customerTicketCounts(initech, deps(next.search, 1001)))?.escalated).toBe(3)
  })

  it('reads a broken or foreign entry as a miss, and asks nothing without a customer', async () => {
    await customerTicketCounts(initech, deps(zendesk(1).search, 1000))
    const key = Object.keys(window.sessionStorage).find((name) => name.includes('org:9003|30d')) ?? ''
    window.sessionStorage.setItem(key, '{"fetchedAt":1000,"counts":{"recent":"many"}}')
    const fresh = zendesk(4)
    expect((await customerTicketCounts(initech, deps(fresh.search, 1000)))?.recent).toBe(4)
    expect(fresh.queries).toHaveLength(4)
    const none = zendesk(1)
    expect(
      await customerTicketCounts({ requester: null, organization: null }, deps(none.search, 1))
    ).toBeNull()
    expect(none.queries).toEqual([])
  })
})
