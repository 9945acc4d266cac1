import type { Csm } from '../../domain/account'
import { CrmError, isCrmError, isNotFound } from '../../domain/crm-error'
import type { CrmHttp } from '../http/create-crm-http'
import { isHubSpotId, OWNERS, unreadable } from './hubspot-api'
import { ownerSchema } from './hubspot-schemas'

/**
 * Remembers owners between ticket views: a CSM owns many accounts, and owners rarely change. Only
 * owners that were read and named are kept; an absent or failed read is never remembered.
 */
export interface OwnerCache {
  read(ownerId: string): Csm | undefined
  write(ownerId: string, owner: Csm): void
}

export function memoryOwnerCache(): OwnerCache {
  const owners = new Map<string, Csm>()
  return { read: (id) => owners.get(id), write: (id, owner) => void owners.set(id, owner) }
}

/**
 * Resolves an owner id (the value of `hubspot_owner_id` or a custom owner property) to a name and
 * email through `GET /crm/v3/owners/{id}`, at most once per owner while the cache lives. "No CSM"
 * only when the account names no owner (or one without a name). An owner the account names but
 * HubSpot does not return (404: deactivated, a passing fault, a token without the owners scope) is
 * an error the agent can retry, never "no CSM": that would withdraw escalation on a guess.
 */
export type ResolveOwner = (ownerId: string | null) => Promise<Csm | null>

export function createOwnerDirectory(http: CrmHttp, cache: OwnerCache): ResolveOwner {
  return async function resolveOwner(ownerId: string | null): Promise<Csm | null> {
    if (!ownerId || !isHubSpotId(ownerId)) return null
    const cached = cache.read(ownerId)
    if (cached !== undefined) return cached
    let response
    try {
      response = await http.send({ method: 'GET', url: `${OWNERS}/${ownerId}` })
    } catch (error) {
      if (!isCrmError(error) || !isNotFound(error)) throw error
      throw new CrmError('invalid-response', `HubSpot has no readable owner ${ownerId}`, error.details)
    }
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
    if (!name) return null
    const csm = { id: owner.data.id, name, email: email?.trim() || null }
    cache.write(ownerId, csm)
    return csm
  }
}
