import * as z from 'zod/mini'
import type { CachedOutcome, LookupCache } from '../domain/ports'
import type { LookupOutcome } from '../domain/match'

const KEY_PREFIX = 'success-bridge:lookup:v1:'

// Only the envelope is checked: entries are written by this same code, and an entry that fails
// to parse is treated as a miss, never trusted.
const entrySchema = z.object({
  fetchedAt: z.number(),
  outcome: z.looseObject({ kind: z.enum(['found', 'ambiguous', 'not-found']) }),
})

/**
 * Lookup cache over Web Storage (sessionStorage in the app): it survives reopening a ticket and
 * switching tickets in the same browser tab, and dies with the tab. Holds no secrets: only what the
 * card already shows. A storage that throws (quota, privacy modes) makes a miss, never an error.
 */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export function createStorageLookupCache(storage: KeyValueStorage | null, ttlMs: number): LookupCache {
  return {
    read(key, now) {
      const raw = safely(() => storage?.getItem(KEY_PREFIX + key) ?? null)
      if (!raw) return null
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch {
        return null
      }
      const parsed = entrySchema.safeParse(value)
      if (!parsed.success || now - parsed.data.fetchedAt > ttlMs || parsed.data.fetchedAt > now) return null
      return { fetchedAt: parsed.data.fetchedAt, outcome: parsed.data.outcome as unknown as LookupOutcome }
    },
    write(key, entry: CachedOutcome) {
      safely(() => storage?.setItem(KEY_PREFIX + key, JSON.stringify(entry)))
    },
    remove(key) {
      safely(() => storage?.removeItem(KEY_PREFIX + key))
    },
  }
}

/** Runs a storage call; a browser that refuses (quota, blocked storage) gives undefined, never an error. */
export function safely<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch {
    return undefined
  }
}

/**
 * Web Storage, or an in-memory map where the browser refuses it (third-party storage blocked:
 * the app iframe is third-party to Zendesk). Memory still saves the calls while this iframe lives,
 * e.g. when the requester is switched back and forth.
 */
export function webStorageOrMemory(kind: 'sessionStorage' | 'localStorage'): KeyValueStorage {
  const storage = safely(() => {
    const candidate = window[kind]
    candidate.getItem('success-bridge:probe')
    return candidate
  })
  if (storage) return storage
  const memory = new Map<string, string>()
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  }
}
