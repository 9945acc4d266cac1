import type { Csm } from '../../domain/account'
import { CrmError, isCrmError } from '../../domain/crm-error'
import type { CrmHttp } from '../http/create-crm-http'
import { OWNERS } from './hubspot-api'
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
export function createOwnerDirectory(http: CrmHttp, cache: OwnerCache) {
  return async function resolveOwner(ownerId: string | null): Promise<Csm | null> {
    if (!ownerId || !/^\d{1,20}$/.test(ownerId)) return null
    const cached = cache.read(ownerId)
    if (cached !== undefined) return cached
    try {
      const response = await http.send({ method: 'GET', url: `${OWNERS}/${ownerId}` })
      const owner = ownerSchema.safeParse(response.data)
      if (!owner.success) throw new CrmError('invalid-response', 'HubSpot returned an unreadable owner')
      const { firstName, lastName, email } = owner.data
      const name = [firstName, lastName].map((part) => part?.trim()).filter(Boolean).join(' ') || email?.trim() || ''
      const csm = name ? { id: owner.data.id, name, email: email?.trim() || null } : null
      cache.write(ownerId, csm)
      return csm
    } catch (error) {
      if (isCrmError(error) && error.details.status === 404) {
        cache.write(ownerId, null)
        return null
      }
      throw error
    }
  }
}
