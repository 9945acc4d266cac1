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

/**
 * How long each kind of answer is reused, in ms; 0 = never stored. Only answers are cached (errors
 * never reach the cache): a "no match" may be a CRM's passing 404 or a record created a minute ago,
 * so it can be kept for a shorter time than a match, or not at all.
 */
export type LookupTtls = Readonly<Record<LookupOutcome['kind'], number>>

export function createStorageLookupCache(storage: KeyValueStorage | null, ttls: LookupTtls): LookupCache {
  return {
    read(key, now) {
      const entry = readStored(storage, KEY_PREFIX + key, entrySchema)
      if (!entry) return null
      // Checked on read too, so an entry an older version stored under other rules is not trusted.
      const ttl = ttls[entry.outcome.kind]
      if (now - entry.fetchedAt > ttl || entry.fetchedAt > now) return null
      return { fetchedAt: entry.fetchedAt, outcome: entry.outcome as unknown as LookupOutcome }
    },
    write(key, entry: CachedOutcome) {
      if (ttls[entry.outcome.kind] <= 0) {
        // Drops what an earlier answer for this key left, so the next view asks the CRM.
        safely(() => storage?.removeItem(KEY_PREFIX + key))
        return
      }
      safely(() => storage?.setItem(KEY_PREFIX + key, JSON.stringify(entry)))
    },
    remove(key) {
      safely(() => storage?.removeItem(KEY_PREFIX + key))
    },
  }
}

/** Runs a storage call; a browser that refuses (quota, blocked storage) gives undefined, never an error. */
/**
 * The entry stored under `key`, if it is there and reads as `schema`: a storage that throws, text
 * that is not JSON and JSON of another shape (an older version's) are all a miss, never an error.
 */
export function readStored<T>(
  storage: KeyValueStorage | null,
  key: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }
): T | null {
  const raw = safely(() => storage?.getItem(key) ?? null)
  if (!raw) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : null
}

export function safely<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch {
    return undefined
  }
}

/** Web Storage as the app uses it; `persistent` is false for the in-memory stand-in. */
export type AppStorage = KeyValueStorage & { readonly persistent: boolean }

/**
 * Web Storage, or an in-memory map where the browser refuses it (third-party storage blocked:
 * the app iframe is third-party to Zendesk). Memory still saves the calls, and keeps picks and
 * drafts, while this iframe lives, e.g. when the requester is switched back and forth. Callers
 * read `persistent` to avoid promising the agent anything beyond that.
 */
export function webStorageOrMemory(kind: 'sessionStorage' | 'localStorage'): AppStorage {
  const storage = safely(() => {
    const candidate = window[kind]
    // A write too: some browsers hand out a storage that reads but refuses every write.
    candidate.setItem('success-bridge:probe', '1')
    candidate.removeItem('success-bridge:probe')
    return candidate
  })
  if (storage)
    return {
      persistent: true,
      getItem: (key) => storage.getItem(key),
      setItem: (key, value) => storage.setItem(key, value),
      removeItem: (key) => storage.removeItem(key),
    }
  const memory = new Map<string, string>()
  return {
    persistent: false,
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  }
}
