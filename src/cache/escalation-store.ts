import * as z from 'zod/mini'
import { ESCALATION_REASONS } from '../domain/escalation'
import type { AttemptProgress, EscalationDraft } from '../domain/escalation'
import type { EscalationStore } from '../domain/ports'
import { SLACK_ERROR_KINDS } from '../domain/slack-error'
import { safely, type KeyValueStorage } from './storage-lookup-cache'

const draftSchema = z.object({ reason: z.enum(ESCALATION_REASONS), note: z.string() })
const attemptSchema = z.object({
  attemptId: z.string(),
  sequence: z.number(),
  draft: draftSchema,
  accountId: z.string(),
  crmAttempted: z.boolean(),
  task: z.nullable(z.object({ id: z.string(), url: z.nullable(z.string()), ownerName: z.string() })),
  zendeskAttempted: z.boolean(),
  tookOver: z.optional(z.boolean()),
  // Without it, a reload while the message was on its way, or after it was sent, would send it again.
  slack: z.optional(
    z.discriminatedUnion('state', [
      z.object({ state: z.enum(['posting', 'off', 'unknown']) }),
      z.object({
        state: z.literal('sent'),
        channel: z.string(),
        ts: z.string(),
        permalink: z.nullable(z.string()),
        to: z.enum(['dm', 'channel', 'fallback']),
      }),
      z.object({
        state: z.literal('not-sent'),
        kind: z.enum(SLACK_ERROR_KINDS),
        detail: z.nullable(z.string()),
      }),
    ])
  ),
})

/**
 * The draft and each attempt's progress for one ticket's escalation, in localStorage so they
 * survive a reload or a closed tab until the escalation has fully succeeded. Keyed by Zendesk
 * account and ticket; each attempt under its own id, so two tabs never overwrite each other's.
 */
export function createEscalationStore(
  storage: KeyValueStorage,
  subdomain: string,
  ticketId: number
): EscalationStore {
  const prefix = `success-bridge:escalation:v2:${subdomain}:${ticketId}`
  const draftKey = `${prefix}:draft`
  const currentKey = `${prefix}:current`
  const attemptKey = (attemptId: string): string => `${prefix}:attempt:${attemptId}`
  const read = <T>(key: string, schema: z.ZodMiniType<T>): T | null => {
    const parsed = safely(() => schema.safeParse(JSON.parse(storage.getItem(key) ?? 'null')))
    return parsed?.success ? parsed.data : null
  }
  // Storage full or blocked: the escalation still works; only what survives a reload is lost.
  const write = (key: string, value: unknown): void =>
    void safely(() => storage.setItem(key, JSON.stringify(value)))
  const remove = (key: string): void => void safely(() => storage.removeItem(key))

  return {
    loadDraft: () => read(draftKey, draftSchema) as EscalationDraft | null,
    saveDraft: (draft) => write(draftKey, draft),
    loadAttempt: (attemptId) => read(attemptKey(attemptId), attemptSchema) as AttemptProgress | null,
    saveAttempt: (progress) => write(attemptKey(progress.attemptId), progress),
    forgetAttempt: (attemptId) => remove(attemptKey(attemptId)),
    currentAttempt: () => read(currentKey, z.string()),
    setCurrentAttempt: (attemptId) =>
      attemptId === null ? remove(currentKey) : write(currentKey, attemptId),
    finish(attemptId) {
      remove(attemptKey(attemptId))
      if (read(currentKey, z.string()) === attemptId) remove(currentKey)
      remove(draftKey)
    },
  }
}
