import {
  fieldName,
  isIdField,
  looksLikeId,
  objectName,
  relationship,
  type ObjectName,
  type SfRecord,
} from '../schema'
import type { SalesforceStore } from '../store'
import type { Condition, Literal, SoqlQuery } from './parse'
import { SoqlError } from './soql-error'

/** A dotted field path resolved against the schema: relationship hops, then a field. */
interface ResolvedPath {
  readonly hops: readonly { name: string; target: ObjectName; lookup: string }[]
  readonly field: string
  readonly object: ObjectName
}

export function resolvePath(root: ObjectName, path: string): ResolvedPath {
  const parts = path.split('.')
  let object = root
  const hops: ResolvedPath['hops'][number][] = []
  for (const part of parts.slice(0, -1)) {
    const rel = relationship(object, part)
    if (!rel) throw invalidField(object, path)
    hops.push(rel)
    object = rel.target
  }
  const last = parts[parts.length - 1] ?? ''
  const field = fieldName(object, last)
  if (!field) throw invalidField(object, path)
  return { hops, field, object }
}

function invalidField(object: ObjectName, path: string): SoqlError {
  return new SoqlError(
    'INVALID_FIELD',
    `No such column '${path.split('.').pop()}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  )
}

function valueAt(store: SalesforceStore, record: SfRecord, path: ResolvedPath): unknown {
  let current: SfRecord | null = record
  for (const hop of path.hops) {
    current = current ? store.find(hop.target, current[hop.lookup]) : null
  }
  if (!current) return null
  if (path.field === 'IsClosed' && path.object === 'Task') return current['Status'] === 'Completed'
  return current[path.field] ?? null
}

/** LIKE with % and _ wildcards; `raw` keeps \% and \_ escaped so they match literally. Case-insensitive. */
function likeToRegExp(raw: string): RegExp {
  let pattern = ''
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i] ?? ''
    if (char === '\\' && i + 1 < raw.length) {
      pattern += (raw[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      i += 1
    } else if (char === '%') pattern += '.*'
    else if (char === '_') pattern += '.'
    else pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${pattern}$`, 'is')
}

function literalValue(literal: Literal): unknown {
  return literal.type === 'null' ? null : literal.value
}

function compare(left: unknown, right: unknown): number {
  if (typeof left === 'string' && typeof right === 'string')
    return left.toLowerCase().localeCompare(right.toLowerCase())
  return Number(left) - Number(right)
}

function equals(left: unknown, right: unknown): boolean {
  if (left === null || right === null) return left === right
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase() === right.toLowerCase()
  return left === right
}

function matches(
  store: SalesforceStore,
  object: ObjectName,
  record: SfRecord,
  condition: Condition
): boolean {
  switch (condition.type) {
    case 'and':
      return matches(store, object, record, condition.left) && matches(store, object, record, condition.right)
    case 'or':
      return matches(store, object, record, condition.left) || matches(store, object, record, condition.right)
    case 'not':
      return !matches(store, object, record, condition.condition)
    case 'in': {
      const value = valueAt(store, record, resolvePath(object, condition.field))
      const found = condition.values.some((literal) => equals(value, literalValue(literal)))
      return condition.negated ? !found : found
    }
    case 'compare': {
      const path = resolvePath(object, condition.field)
      const value = valueAt(store, record, path)
      const expected = literalValue(condition.value)
      if (isIdField(path.field) && typeof expected === 'string' && !looksLikeId(expected)) {
        throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${expected}`)
      }
      if (condition.operator === 'LIKE') {
        if (condition.value.type !== 'string') throw new SoqlError('MALFORMED_QUERY', 'LIKE needs a string')
        return typeof value === 'string' && likeToRegExp(condition.value.raw).test(value)
      }
      if (condition.operator === '=') return equals(value, expected)
      if (condition.operator === '!=') return !equals(value, expected)
      if (value === null || expected === null) return false
      const order = compare(value, expected)
      return condition.operator === '<'
        ? order < 0
        : condition.operator === '<='
          ? order <= 0
          : condition.operator === '>'
            ? order > 0
            : order >= 0
    }
  }
}

function attributes(object: ObjectName, id: string, version: string): { type: string; url: string } {
  return { type: object, url: `/services/data/${version}/sobjects/${object}/${id}` }
}

/** Builds the response record: selected fields in SELECT order, relationships as nested objects or null. */
function project(
  store: SalesforceStore,
  object: ObjectName,
  record: SfRecord,
  fields: readonly string[],
  version: string
): Record<string, unknown> {
  const output: Record<string, unknown> = { attributes: attributes(object, record.Id, version) }
  for (const path of fields) {
    const resolved = resolvePath(object, path)
    let target = output
    let current: SfRecord | null = record
    let stopped = false
    for (const hop of resolved.hops) {
      current = current ? store.find(hop.target, current[hop.lookup]) : null
      if (!current) {
        if (!(hop.name in target)) target[hop.name] = null
        stopped = true
        break
      }
      const existing = target[hop.name]
      if (existing === null || typeof existing !== 'object') {
        target[hop.name] = { attributes: attributes(hop.target, current.Id, version) }
      }
      target = target[hop.name] as Record<string, unknown>
    }
    if (!stopped) target[resolved.field] = valueAt(store, record, resolved)
  }
  return output
}

export function runQuery(
  store: SalesforceStore,
  query: SoqlQuery,
  version: string
): Record<string, unknown>[] {
  const object = objectName(query.object)
  if (!object) throw new SoqlError('INVALID_TYPE', `sObject type '${query.object}' is not supported.`)
  for (const field of query.fields) resolvePath(object, field)
  let rows = store.records[object].filter(
    (record) => !query.where || matches(store, object, record, query.where)
  )
  if (query.orderBy) {
    const { field, descending, nullsLast } = query.orderBy
    const path = resolvePath(object, field)
    rows = [...rows].sort((a, b) => {
      const left = valueAt(store, a, path)
      const right = valueAt(store, b, path)
      if (left === null || right === null) return left === right ? 0 : (left === null) === nullsLast ? 1 : -1
      return descending ? -compare(left, right) : compare(left, right)
    })
  }
  if (query.limit !== null) rows = rows.slice(0, query.limit)
  return rows.map((record) => project(store, object, record, query.fields, version))
}
