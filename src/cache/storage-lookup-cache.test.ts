import { afterEach, describe, expect, it, vi } from 'vitest'
import { anAccount } from '../test-support/accounts'
import { createStorageLookupCache, webStorageOrMemory } from './storage-lookup-cache'

const TTLS = { found: 60_000, ambiguous: 60_000, 'not-found': 0 }
const found = {
  fetchedAt: 1_000,
  outcome: {
    kind: 'found' as const,
    tried: [],
    account: anAccount({ id: 'a', name: 'Globex', matchedBy: 'requester-email' }),
  },
}
const notFound = { fetchedAt: 1_000, outcome: { kind: 'not-found' as const, tried: [] } }

describe('createStorageLookupCache', () => {
  it('returns what was written until the TTL passes', () => {
    const cache = createStorageLookupCache(window.sessionStorage, TTLS)
    cache.write('k', found)
    expect(cache.read('k', 30_000)).toEqual(found)
    expect(cache.read('k', 61_001)).toBeNull()
  })

  it('keeps no "no match": the next view asks the CRM again, and an older match for the key is dropped', () => {
    const cache = createStorageLookupCache(window.sessionStorage, TTLS)
    cache.write('k', found)
    cache.write('k', notFound)
    expect(cache.read('k', 1_000)).toBeNull()
  })

  it('ignores a "no match" stored by an earlier version that kept them longer', () => {
    const older = createStorageLookupCache(window.sessionStorage, { ...TTLS, 'not-found': 300_000 })
    older.write('old', notFound)
    expect(createStorageLookupCache(window.sessionStorage, TTLS).read('old', 2_000)).toBeNull()
  })

  it('treats corrupt or foreign entries as a miss', () => {
    const cache = createStorageLookupCache(window.sessionStorage, TTLS)
    window.sessionStorage.setItem('success-bridge:lookup:v1:bad', '{not json')
    window.sessionStorage.setItem('success-bridge:lookup:v1:odd', JSON.stringify({ fetchedAt: 'x' }))
    expect(cache.read('bad', 1_000)).toBeNull()
    expect(cache.read('odd', 1_000)).toBeNull()
  })

  it('works, as a cache that never hits, when storage is unavailable', () => {
    const cache = createStorageLookupCache(null, TTLS)
    cache.write('k', found)
    expect(cache.read('k', 1_000)).toBeNull()
  })

  it('forgets an entry on remove', () => {
    const cache = createStorageLookupCache(window.sessionStorage, TTLS)
    cache.write('gone', found)
    cache.remove('gone')
    expect(cache.read('gone', 1_000)).toBeNull()
  })
})

describe('webStorageOrMemory', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is the browser storage, persistent, when the browser allows it', () => {
    const storage = webStorageOrMemory('localStorage')
    storage.setItem('k', 'v')
    expect(storage.persistent).toBe(true)
    expect(window.localStorage.getItem('k')).toBe('v')
    window.localStorage.removeItem('k')
  })

  it('falls back to memory that keeps values for the life of the page when storage is blocked', () => {
    // What Chrome does when third-party storage is blocked: reading window.localStorage throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError')
    })
    const storage = webStorageOrMemory('localStorage')
    storage.setItem('pick', 'b')
    expect(storage.persistent).toBe(false)
    expect(storage.getItem('pick')).toBe('b')
  })
})
