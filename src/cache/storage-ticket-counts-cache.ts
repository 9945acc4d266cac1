import * as z from 'zod/mini'
import type { TicketCounts, TicketCountsCache } from '../domain/ticket-trend'
import { readStored, safely, type KeyValueStorage } from './storage-lookup-cache'

const KEY_PREFIX = 'success-bridge:ticket-counts:v1:'

const count = z.nullable(z.number())
const entrySchema = z.object({
  fetchedAt: z.number(),
  counts: z.object({
    windowDays: z.number(),
    recent: count,
    before: count,
    openUrgent: count,
    escalated: count,
  }),
})

/**
 * The customer's Zendesk ticket counts over Web Storage (sessionStorage in the app), beside the
 * lookup and for as long (`ttlMs`): reopening a ticket costs no Zendesk search either. A storage
 * that throws, or an entry that does not parse, is a miss.
 */
export function createStorageTicketCountsCache(
  storage: KeyValueStorage | null,
  ttlMs: number
): TicketCountsCache {
  return {
    read(key, now) {
      const entry = readStored(storage, KEY_PREFIX + key, entrySchema)
      if (!entry) return null
      if (now - entry.fetchedAt > ttlMs || entry.fetchedAt > now) return null
      return entry.counts
    },
    write(key, counts: TicketCounts, now) {
      safely(() => storage?.setItem(KEY_PREFIX + key, JSON.stringify({ fetchedAt: now, counts })))
    },
  }
}
