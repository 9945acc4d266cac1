import * as z from 'zod/mini'
import type { TicketCounts, TicketCountsCache } from '../domain/ticket-trend'
import { safely, type KeyValueStorage } from './storage-lookup-cache'

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
      const raw = safely(() => storage?.getItem(KEY_PREFIX + key) ?? null)
      if (!raw) return null
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch {
        return null
      }
      const parsed = entrySchema.safeParse(value)
      if (!parsed.success) return null
      if (now - parsed.data.fetchedAt > ttlMs || parsed.data.fetchedAt > now) return null
      return parsed.data.counts
    },
    write(key, counts: TicketCounts, now) {
      safely(() => storage?.setItem(KEY_PREFIX + key, JSON.stringify({ fetchedAt: now, counts })))
    },
  }
}
