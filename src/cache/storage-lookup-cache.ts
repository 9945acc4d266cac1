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
 * card already shows. Storage may be unavailable (privacy modes, partitioned iframes); then every
 * view is a miss instead of an error.
 */
export function createStorageLookupCache(storage: Storage | null, ttlMs: number): LookupCache {
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

function safely<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch {
    return undefined
  }
}

/** sessionStorage, or null where the browser refuses access to it. */
export function sessionStorageOrNull(): Storage | null {
  return safely(() => window.sessionStorage) ?? null
}
