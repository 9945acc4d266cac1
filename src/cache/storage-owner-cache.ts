import * as z from 'zod/mini'
import type { Csm } from '../domain/account'
import { safely, type KeyValueStorage } from './storage-lookup-cache'

const KEY_PREFIX = 'success-bridge:owner:v1:'
const entrySchema = z.object({
  at: z.number(),
  // Not nullable: "no owner" is never kept, and a null an older version stored reads as a miss.
  owner: z.object({ id: z.nullable(z.string()), name: z.string(), email: z.nullable(z.string()) }),
})

/**
 * CRM owners (CSMs) by id (per installation and CRM: `namespace`), kept in the tab's storage for `ttlMs`: one CSM looks after many
 * accounts, so after the first ticket their name costs no call. `undefined` = not cached. Only
 * owners that were read are stored: a failed or empty read is asked again on the next view.
 */
export function createStorageOwnerCache(
  storage: KeyValueStorage,
  namespace: string,
  ttlMs: number,
  now: () => number
) {
  const key = (ownerId: string): string => `${KEY_PREFIX}${namespace}|${ownerId}`
  return {
    read(ownerId: string): Csm | undefined {
      const entry = safely(() => entrySchema.safeParse(JSON.parse(storage.getItem(key(ownerId)) ?? 'null')))
      return entry?.success && now() - entry.data.at <= ttlMs ? entry.data.owner : undefined
    },
    // Storage full or refused: the next view asks HubSpot again, which is only slower.
    write: (ownerId: string, owner: Csm): void =>
      void safely(() => storage.setItem(key(ownerId), JSON.stringify({ at: now(), owner }))),
  }
}
