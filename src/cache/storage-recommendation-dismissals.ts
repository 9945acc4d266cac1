import * as z from 'zod/mini'
import type { RecommendationDismissals } from '../domain/ports'
import type { DismissedKinds } from '../domain/recommendation-dismissal'
import { safely, type KeyValueStorage } from './storage-lookup-cache'

// Kinds are kept as plain strings: one this version does not know (written by a newer one) simply
// never matches a signal, so the banner shows rather than staying hidden by mistake.
const dismissalSchema = z.object({ kinds: z.array(z.string()) })

/**
 * The agent's "Not now" per ticket, in localStorage next to the escalation draft (same scope:
 * Zendesk account and ticket), so it survives a reload or a closed tab. Where the browser blocks
 * storage, `storage` is memory (see `webStorageOrMemory`) and a dismissal lasts the iframe's life,
 * as the draft does. A full or refusing storage never breaks the card: the banner just comes back.
 */
export function createStorageRecommendationDismissals(storage: KeyValueStorage): RecommendationDismissals {
  const key = (ticket: { subdomain: string; id: number }): string =>
    `success-bridge:not-now:v1:${ticket.subdomain}:${ticket.id}`
  return {
    read(ticket) {
      const parsed = safely(() =>
        dismissalSchema.safeParse(JSON.parse(storage.getItem(key(ticket)) ?? 'null'))
      )
      return parsed?.success ? (parsed.data.kinds as DismissedKinds) : null
    },
    write: (ticket, kinds) => void safely(() => storage.setItem(key(ticket), JSON.stringify({ kinds }))),
    clear: (ticket) => void safely(() => storage.removeItem(key(ticket))),
  }
}
