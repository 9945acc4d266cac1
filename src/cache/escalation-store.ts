import * as z from 'zod/mini'
import { ESCALATION_REASONS } from '../domain/escalation-note'
import type { StoredEscalation } from '../domain/escalation'
import type { EscalationStore } from '../domain/ports'
import { safely, type KeyValueStorage } from './storage-lookup-cache'

const storedSchema = z.object({
  draft: z.object({ reason: z.enum(ESCALATION_REASONS), note: z.string() }),
  progress: z.object({
    crmAttempted: z.boolean(),
    task: z.nullable(z.object({ id: z.string(), url: z.nullable(z.string()), ownerName: z.string() })),
    zendeskAttempted: z.boolean(),
  }),
})

/**
 * The draft and progress of one ticket's escalation, in localStorage so they survive a reload or a
 * closed tab until the escalation has fully succeeded. Keyed by Zendesk account and ticket.
 */
export function createEscalationStore(
  storage: KeyValueStorage,
  subdomain: string,
  ticketId: number
): EscalationStore {
  const key = `success-bridge:escalation:v1:${subdomain}:${ticketId}`
  return {
    load() {
      const parsed = safely(() => storedSchema.safeParse(JSON.parse(storage.getItem(key) ?? 'null')))
      return parsed?.success ? (parsed.data as StoredEscalation) : null
    },
    // Storage full or blocked: the escalation still works, only the draft is not kept.
    save: (value) => void safely(() => storage.setItem(key, JSON.stringify(value))),
    clear: () => void safely(() => storage.removeItem(key)),
  }
}
