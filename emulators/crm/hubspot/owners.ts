import type { VendorResponse } from '../server/dialect'
import { notFound, validationError } from './errors'
import type { HsOwner, HubSpotStore } from './store'

const OWNER_SINCE = '2022-05-01T10:00:00.000Z'

/** PublicOwner: no avatar; teams as HubSpot lists them. */
function publicOwner(owner: HsOwner): Record<string, unknown> {
  return {
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    type: 'PERSON',
    createdAt: OWNER_SINCE,
    updatedAt: OWNER_SINCE,
    archived: false,
    teams: [{ id: '402', name: 'Customer Success', primary: true }],
  }
}

/** GET /crm/v3/owners/{ownerId}?idProperty=id|userId */
export function getOwner(store: HubSpotStore, id: string, query: URLSearchParams): VendorResponse {
  const idProperty = query.get('idProperty') ?? 'id'
  if (idProperty !== 'id' && idProperty !== 'userId')
    return validationError(`idProperty must be id or userId`)
  if (query.get('archived') === 'true') return notFound()
  const owner = store.owners.find((candidate) =>
    idProperty === 'id' ? candidate.id === id : String(candidate.userId) === id
  )
  return owner ? { status: 200, body: publicOwner(owner) } : notFound()
}

/** GET /crm/v3/owners/?email=&limit=&after= */
export function listOwners(store: HubSpotStore, query: URLSearchParams): VendorResponse {
  const email = query.get('email')?.toLowerCase()
  const limit = Number(query.get('limit') ?? 100)
  const after = Number(query.get('after') ?? 0)
  if (!Number.isInteger(limit) || limit < 1 || limit > 500 || !Number.isInteger(after) || after < 0)
    return validationError('limit must be 1–500 and after a paging cursor')
  const owners =
    query.get('archived') === 'true'
      ? []
      : store.owners.filter((owner) => !email || owner.email.toLowerCase() === email)
  const page = owners.slice(after, after + limit)
  const next = after + limit
  return {
    status: 200,
    body: {
      results: page.map(publicOwner),
      ...(next < owners.length ? { paging: { next: { after: String(next), link: `?after=${next}` } } } : {}),
    },
  }
}
