import { describe, expect, it } from 'vitest'
import { createStorageLookupCache } from './storage-lookup-cache'

const entry = { fetchedAt: 1_000, outcome: { kind: 'not-found' as const, tried: [] } }

describe('createStorageLookupCache', () => {
  it('returns what was written until the TTL passes', () => {
    const cache = createStorageLookupCache(window.sessionStorage, 60_000)
    cache.write('k', entry)
    expect(cache.read('k', 30_000)).toEqual(entry)
    expect(cache.read('k', 61_001)).toBeNull()
  })

  it('treats corrupt or foreign entries as a miss', () => {
    const cache = createStorageLookupCache(window.sessionStorage, 60_000)
    window.sessionStorage.setItem('success-bridge:lookup:v1:bad', '{not json')
    window.sessionStorage.setItem('success-bridge:lookup:v1:odd', JSON.stringify({ fetchedAt: 'x' }))
    expect(cache.read('bad', 1_000)).toBeNull()
    expect(cache.read('odd', 1_000)).toBeNull()
  })

  it('works, as a cache that never hits, when storage is unavailable', () => {
    const cache = createStorageLookupCache(null, 60_000)
    cache.write('k', entry)
    expect(cache.read('k', 1_000)).toBeNull()
  })

  it('forgets an entry on remove', () => {
    const cache = createStorageLookupCache(window.sessionStorage, 60_000)
    cache.write('gone', entry)
    cache.remove('gone')
    expect(cache.read('gone', 1_000)).toBeNull()
  })
})
