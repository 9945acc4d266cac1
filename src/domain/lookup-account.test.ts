import { describe, expect, it } from 'vitest'
import { lookupAccount } from './lookup-account'
import type { CachedOutcome, CrmConnector, LookupCache } from './ports'
import type { CustomerContext } from './customer'
import type { LookupOutcome } from './match'

// A map-backed cache and a counting connector: both are real implementations of the ports,
// small enough to read at a glance, so the test checks lookupAccount's own decisions.
class MapCache implements LookupCache {
  readonly entries = new Map<string, CachedOutcome>()
  read(key: string): CachedOutcome | null {
    return this.entries.get(key) ?? null
  }
  write(key: string, entry: CachedOutcome): void {
    this.entries.set(key, entry)
  }
  remove(key: string): void {
    this.entries.delete(key)
  }
}

const notFound: LookupOutcome = { kind: 'not-found', tried: [] }

function countingConnector(outcome: LookupOutcome): CrmConnector & { calls: number } {
  return {
    calls: 0,
    findAccount() {
      this.calls += 1
      return Promise.resolve(outcome)
    },
  }
}

const jane: CustomerContext = {
  requester: { id: 1, name: 'Jane', email: 'jane@northwind.example' },
  organization: null,
}

describe('lookupAccount', () => {
  it('calls the connector once and serves the second view from the cache', async () => {
    const connector = countingConnector(notFound)
    const deps = { connector, cache: new MapCache(), cacheNamespace: 'sf', now: () => 1000 }

    const first = await lookupAccount(jane, deps)
    const second = await lookupAccount(jane, deps)

    expect(connector.calls).toBe(1)
    expect(first.fromCache).toBe(false)
    expect(second).toEqual({ outcome: notFound, fetchedAt: 1000, fromCache: true })
  })

  it('goes to the CRM again when asked for fresh data', async () => {
    const connector = countingConnector(notFound)
    const deps = { connector, cache: new MapCache(), cacheNamespace: 'sf', now: () => 1000 }

    await lookupAccount(jane, deps)
    const refreshed = await lookupAccount(jane, deps, { fresh: true })

    expect(connector.calls).toBe(2)
    expect(refreshed.fromCache).toBe(false)
  })

  it('keys the cache by requester, so another customer is looked up', async () => {
    const connector = countingConnector(notFound)
    const deps = { connector, cache: new MapCache(), cacheNamespace: 'sf', now: () => 1000 }
    const bob: CustomerContext = { ...jane, requester: { id: 2, name: 'Bob', email: 'bob@globex.example' } }

    await lookupAccount(jane, deps)
    await lookupAccount(bob, deps)

    expect(connector.calls).toBe(2)
  })
})
