import type { Csm } from '../../domain/account'
import { isNotFound } from '../../domain/crm-error'
import type { CrmHttp } from '../http/create-crm-http'
import { isHubSpotId, OWNERS, unreadable } from './hubspot-api'
import { ownerSchema } from './hubspot-schemas'

/** Remembers owners between ticket views: a CSM owns many accounts, and owners rarely change. */
export interface OwnerCache {
  read(ownerId: string): Csm | null | undefined
  write(ownerId: string, owner: Csm | null): void
}

export function memoryOwnerCache(): OwnerCache {
  const owners = new Map<string, Csm | null>()
  return { read: (id) => owners.get(id), write: (id, owner) => void owners.set(id, owner) }
}

/**
 * Resolves an owner id (the value of `hubspot_owner_id` or a custom owner property) to a name and
 * email through `GET /crm/v3/owners/{id}`, at most once per owner while the cache lives. An owner
 * that no longer exists (deactivated user) is remembered as "no CSM".
 */
export type ResolveOwner = (ownerId: string | null) => Promise<Csm | null>

export function createOwnerDirectory(http: CrmHttp, cache: OwnerCache): ResolveOwner {
  return async function resolveOwner(ownerId: string | null): Promise<Csm | null> {
    if (!ownerId || !isHubSpotId(ownerId)) return null
    const cached = cache.read(ownerId)
    if (cached !== undefined) return cached
    try {
      const response = await http.send({ method: 'GET', url: `${OWNERS}/${ownerId}` })
      const owner = ownerSchema.safeParse(response.data)
      if (!owner.success) throw unreadable('owner')
      const { firstName, lastName, email } = owner.data
      const name =
        [firstName, lastName]
          .map((part) => part?.trim())
          .filter(Boolean)
          .join(' ') ||
        email?.trim() ||
        ''
      const csm = name ? { id: owner.data.id, name, email: email?.trim() || null } : null
      cache.write(ownerId, csm)
      return csm
    } catch (error) {
      if (isNotFound(error)) {
        cache.write(ownerId, null)
        return null
      }
      throw error
    }
  }
}
