import { associationLabel, hasProperty, isObjectType, SCHEMA, type ObjectType } from './schema'
import { propertyHistory, type HsObject, type HubSpotStore, type PropertyVersion } from './store'

/** Every answer carries these, whatever was asked for. */
const ALWAYS = (type: ObjectType): string[] => [
  'hs_object_id',
  SCHEMA[type].createdProperty,
  SCHEMA[type].modifiedProperty,
]

/**
 * The requested properties of one object, HubSpot style: known properties appear (null when
 * empty), unknown names are simply absent, and no names means the object type's defaults.
 */
export function projectProperties(
  type: ObjectType,
  object: HsObject,
  requested: readonly string[]
): Record<string, string | null> {
  const names = requested.length ? [...requested, ...ALWAYS(type)] : SCHEMA[type].defaults
  const properties: Record<string, string | null> = {}
  for (const name of names) if (hasProperty(type, name)) properties[name] = object.properties[name] ?? null
  return properties
}

/**
 * `propertiesWithHistory`: each known requested property's versions, newest first; unknown names are
 * ignored silently, as HubSpot does. Absent from the answer when none was asked for.
 */
function projectHistory(
  type: ObjectType,
  object: HsObject,
  withHistory: readonly string[]
): { propertiesWithHistory?: Record<string, PropertyVersion[]> } {
  if (withHistory.length === 0) return {}
  const history: Record<string, PropertyVersion[]> = {}
  for (const name of withHistory) if (hasProperty(type, name)) history[name] = propertyHistory(object, name)
  return { propertiesWithHistory: history }
}

/** SimplePublicObject: what search, batch read and writes answer with. */
export function simpleObject(
  type: ObjectType,
  object: HsObject,
  requested: readonly string[],
  withHistory: readonly string[] = []
): Record<string, unknown> {
  return {
    id: object.id,
    properties: projectProperties(type, object, requested),
    ...projectHistory(type, object, withHistory),
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: object.archived,
  }
}

/** SimplePublicObjectWithAssociations: the `associations` block only when there are some. */
export function objectWithAssociations(
  store: HubSpotStore,
  type: ObjectType,
  object: HsObject,
  requested: readonly string[],
  associationTypes: readonly string[],
  withHistory: readonly string[] = []
): Record<string, unknown> {
  const associations: Record<string, { results: { id: string; type: string }[] }> = {}
  for (const to of new Set(associationTypes)) {
    if (!isObjectType(to) || to === type) continue
    const ids = store.associated(type, object.id, to)
    if (ids.length)
      associations[to] = { results: ids.map((id) => ({ id, type: associationLabel(type, to) })) }
  }
  return {
    ...simpleObject(type, object, requested, withHistory),
    ...(Object.keys(associations).length ? { associations } : {}),
  }
}

/** Query lists: `a,b` and/or repeated `?x=a&x=b`. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean)
}
