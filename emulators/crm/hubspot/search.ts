import { z } from 'zod'
import type { VendorResponse } from '../server/dialect'
import { invalidJson, validationError, type ErrorDetail } from './errors'
import { simpleObject } from './project'
import { hasProperty, SCHEMA, type ObjectType } from './schema'
import type { HsObject, HubSpotStore } from './store'

const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const
type Operator = (typeof OPERATORS)[number]

const scalar = z.union([z.string(), z.number(), z.boolean()])
const filterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
})
type Filter = z.infer<typeof filterSchema>
const sortSchema = z.union([
  z.string(),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() }),
])
const searchSchema = z.object({
  query: z.string().optional(),
  filterGroups: z.array(z.object({ filters: z.array(filterSchema) })).optional(),
  sorts: z.array(sortSchema).optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
  after: z.union([z.string(), z.number()]).optional(),
})

/** The search API's limits (changelog, Aug 2024) and page size. */
export const SEARCH_LIMITS = {
  groups: 5,
  filtersPerGroup: 10,
  filters: 25,
  pageSize: 200,
  defaultPageSize: 10,
}

/** POST /crm/v3/objects/{type}/search: filterGroups OR-ed, filters AND-ed; no associations in results. */
export function search(
  store: HubSpotStore,
  type: ObjectType,
  body: Record<string, unknown> | null,
  /** HubSpot's search index lags behind writes: objects created after this instant are not found yet. */
  indexedUpTo: number = Number.POSITIVE_INFINITY
): VendorResponse {
  const parsed = searchSchema.safeParse(body)
  if (!parsed.success) return invalidJson()
  const request = parsed.data
  const groups = request.filterGroups ?? []
  const problem = checkLimits(type, groups, request.limit)
  if (problem) return problem

  const offset = Number(request.after ?? 0)
  if (!Number.isInteger(offset) || offset < 0)
    return validationError('after must be a paging cursor from paging.next.after')
  const matching = store.objects[type]
    .filter((object) => !object.archived && Date.parse(object.createdAt) <= indexedUpTo)
    .filter(
      (object) =>
        groups.length === 0 ||
        groups.some((group) => group.filters.every((filter) => matches(object, filter)))
    )
    .filter((object) => !request.query || matchesQuery(type, object, request.query))
  sortObjects(matching, request.sorts ?? [])
  const limit = request.limit ?? SEARCH_LIMITS.defaultPageSize
  const page = matching.slice(offset, offset + limit)
  const next = offset + limit
  return {
    status: 200,
    body: {
      total: matching.length,
      results: page.map((object) => simpleObject(type, object, request.properties ?? [])),
      ...(next < matching.length
        ? { paging: { next: { after: String(next), link: `?after=${next}` } } }
        : {}),
    },
  }
}

function checkLimits(
  type: ObjectType,
  groups: readonly { filters: readonly Filter[] }[],
  limit: number | undefined
): VendorResponse | null {
  const errors: ErrorDetail[] = []
  if (groups.length > SEARCH_LIMITS.groups)
    errors.push({
      message: `Too many filter groups: ${groups.length}; at most ${SEARCH_LIMITS.groups} are allowed`,
      code: 'TOO_MANY_FILTER_GROUPS',
    })
  groups.forEach((group, index) => {
    if (group.filters.length > SEARCH_LIMITS.filtersPerGroup) {
      errors.push({
        message: `Too many filters in filterGroups[${index}]: ${group.filters.length}; at most ${SEARCH_LIMITS.filtersPerGroup} are allowed`,
        code: 'TOO_MANY_FILTERS_IN_GROUP',
      })
    }
  })
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0)
  if (total > SEARCH_LIMITS.filters)
    errors.push({
      message: `Too many filters: ${total}; at most ${SEARCH_LIMITS.filters} are allowed in all groups together`,
      code: 'TOO_MANY_FILTERS',
    })
  if (limit !== undefined && (limit < 1 || limit > SEARCH_LIMITS.pageSize))
    errors.push({
      message: `limit must be between 1 and ${SEARCH_LIMITS.pageSize}`,
      code: 'INVALID_LIMIT',
      in: 'limit',
    })
  for (const filter of groups.flatMap((group) => group.filters)) {
    if (!hasProperty(type, filter.propertyName))
      errors.push({
        message: `Property ${filter.propertyName} does not exist on ${type}`,
        code: 'PROPERTY_DOESNT_EXIST',
        in: filter.propertyName,
      })
    else if (needsValue(filter.operator) && filter.value === undefined)
      errors.push({
        message: `Operator ${filter.operator} needs a value`,
        code: 'MISSING_VALUE',
        in: filter.propertyName,
      })
    else if ((filter.operator === 'IN' || filter.operator === 'NOT_IN') && !filter.values?.length)
      errors.push({
        message: `Operator ${filter.operator} needs values`,
        code: 'MISSING_VALUES',
        in: filter.propertyName,
      })
    else if (filter.operator === 'BETWEEN' && filter.highValue === undefined)
      errors.push({
        message: 'Operator BETWEEN needs a highValue',
        code: 'MISSING_VALUE',
        in: filter.propertyName,
      })
  }
  return errors.length
    ? validationError(
        `There was a problem with the request: ${errors.map((e) => e.message).join('; ')}`,
        errors
      )
    : null
}

const needsValue = (operator: Operator): boolean =>
  !['IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'].includes(operator)

/** Numbers, dates (YYYY-MM-DD, ISO, epoch ms all as ms) and text (case-insensitive) compare as HubSpot does. */
function comparable(value: string): number | string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return Date.parse(value)
  return value.toLowerCase()
}

function compare(a: string, b: string): number {
  const [x, y] = [comparable(a), comparable(b)]
  if (typeof x === 'number' && typeof y === 'number') return x - y
  return String(x).localeCompare(String(y))
}

const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** CONTAINS_TOKEN: a whole-token match, or a `*` wildcard pattern over the whole value. */
function containsToken(value: string, wanted: string): boolean {
  if (wanted.includes('*')) {
    const pattern = wanted
      .toLowerCase()
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
    return new RegExp(`^${pattern}$`).test(value.toLowerCase())
  }
  const have = tokens(value)
  const want = tokens(wanted)
  if (!want.length) return false
  return have.some((_, start) => want.every((token, i) => have[start + i] === token))
}

function matches(object: HsObject, filter: Filter): boolean {
  const raw = object.properties[filter.propertyName]
  const value = raw === null || raw === undefined || raw === '' ? null : raw
  const wanted = String(filter.value ?? '')
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return value !== null
    case 'NOT_HAS_PROPERTY':
      return value === null
    case 'NEQ':
      return value === null || compare(value, wanted) !== 0
    case 'NOT_IN':
      return value === null || !(filter.values ?? []).some((v) => compare(value, String(v)) === 0)
    case 'NOT_CONTAINS_TOKEN':
      return value === null || !containsToken(value, wanted)
  }
  if (value === null) return false
  switch (filter.operator) {
    case 'EQ':
      return compare(value, wanted) === 0
    case 'IN':
      return (filter.values ?? []).some((v) => compare(value, String(v)) === 0)
    case 'LT':
      return compare(value, wanted) < 0
    case 'LTE':
      return compare(value, wanted) <= 0
    case 'GT':
      return compare(value, wanted) > 0
    case 'GTE':
      return compare(value, wanted) >= 0
    case 'BETWEEN':
      return compare(value, wanted) >= 0 && compare(value, String(filter.highValue ?? '')) <= 0
    case 'CONTAINS_TOKEN':
      return containsToken(value, wanted)
  }
}

/** `query`: free text over the object type's default text properties. */
function matchesQuery(type: ObjectType, object: HsObject, query: string): boolean {
  const needle = query.toLowerCase()
  return SCHEMA[type].defaults.some(
    (name) => object.properties[name]?.toLowerCase().includes(needle) ?? false
  )
}

function sortObjects(objects: HsObject[], sorts: readonly z.infer<typeof sortSchema>[]): void {
  const keys = sorts.map((sort) =>
    typeof sort === 'string'
      ? { name: sort.replace(/^-/, ''), descending: sort.startsWith('-') }
      : { name: sort.propertyName, descending: sort.direction === 'DESCENDING' }
  )
  if (!keys.length) keys.push({ name: 'hs_object_id', descending: false })
  objects.sort((a, b) => {
    for (const { name, descending } of keys) {
      const [x, y] = [a.properties[name] ?? null, b.properties[name] ?? null]
      if (x === y) continue
      // Empty values sort last, whichever the direction.
      if (x === null) return 1
      if (y === null) return -1
      const order = compare(x, y)
      if (order !== 0) return descending ? -order : order
    }
    return 0
  })
}
