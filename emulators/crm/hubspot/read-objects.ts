import { z } from 'zod'
import type { VendorResponse } from '../server/dialect'
import { invalidJson, notFound, validationError } from './errors'
import { listParam, objectWithAssociations, simpleObject } from './project'
import type { ObjectType } from './schema'
import type { HsObject, HubSpotStore } from './store'

/** Unique properties a GET may address an object by (`idProperty`). */
const ID_PROPERTIES: Record<ObjectType, readonly string[]> = {
  companies: ['hs_object_id'],
  contacts: ['hs_object_id', 'email'],
  tasks: ['hs_object_id'],
}

function lookUp(
  store: HubSpotStore,
  type: ObjectType,
  id: string,
  idProperty: string | null,
  archived: boolean
): HsObject | null | 'bad-id-property' {
  if (idProperty === null || idProperty === 'hs_object_id') return store.find(type, id, archived)
  if (!ID_PROPERTIES[type].includes(idProperty)) return 'bad-id-property'
  // Email is unique and case-insensitive in HubSpot.
  return store.findBy(type, idProperty, id, archived)
}

/** GET /crm/v3/objects/{type}/{id}?properties=&associations=&idProperty=&archived= */
export function getObject(
  store: HubSpotStore,
  type: ObjectType,
  id: string,
  query: URLSearchParams
): VendorResponse {
  const found = lookUp(store, type, id, query.get('idProperty'), query.get('archived') === 'true')
  if (found === 'bad-id-property')
    return validationError(
      `Property ${query.get('idProperty') ?? ''} is not a unique identifier property for ${type}`
    )
  if (!found) return notFound()
  return {
    status: 200,
    body: objectWithAssociations(
      store,
      type,
      found,
      listParam(query, 'properties'),
      listParam(query, 'associations'),
      listParam(query, 'propertiesWithHistory')
    ),
  }
}

const batchReadSchema = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]) })).max(100),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
  archived: z.boolean().optional(),
})

/** POST /crm/v3/objects/{type}/batch/read: 200 COMPLETE, or 207 with the ids it could not find. */
export function batchRead(
  store: HubSpotStore,
  type: ObjectType,
  body: Record<string, unknown> | null
): VendorResponse {
  const parsed = batchReadSchema.safeParse(body)
  if (!parsed.success)
    return body && Array.isArray(body['inputs']) && body['inputs'].length > 100
      ? validationError('Batch input is limited to 100 inputs')
      : invalidJson()
  const {
    inputs,
    properties = [],
    propertiesWithHistory = [],
    idProperty = null,
    archived = false,
  } = parsed.data
  if (propertiesWithHistory.length > 0 && inputs.length > 50)
    return validationError(
      'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of inputs.'
    )
  const startedAt = new Date().toISOString()
  const results: Record<string, unknown>[] = []
  const missing: string[] = []
  for (const input of inputs) {
    const found = lookUp(store, type, String(input.id), idProperty, archived)
    if (found === 'bad-id-property')
      return validationError(`Property ${idProperty ?? ''} is not a unique identifier property for ${type}`)
    if (found) results.push(simpleObject(type, found, properties, propertiesWithHistory))
    else missing.push(String(input.id))
  }
  const completedAt = new Date().toISOString()
  if (!missing.length) return { status: 200, body: { status: 'COMPLETE', results, startedAt, completedAt } }
  const error = {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${type.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids: missing },
    errors: [],
  }
  return {
    status: 207,
    body: { status: 'COMPLETE', results, numErrors: 1, errors: [error], startedAt, completedAt },
  }
}
