import {
  childRelationship,
  fieldName,
  isFilterable,
  isIdField,
  looksLikeId,
  objectName,
  relationship,
  type ObjectName,
  type SfRecord,
} from '../schema'
import type { SalesforceStore } from '../store'
import type { ChildQuery, Condition, Literal, SoqlQuery } from './parse'
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
    case 'in-select': {
      const value = valueAt(store, record, resolvePath(object, condition.field))
      const inner = objectName(condition.query.object)
      if (!inner)
        throw new SoqlError('INVALID_TYPE', `sObject type '${condition.query.object}' is not supported.`)
      const selected = resolvePath(inner, condition.query.fields[0] ?? '')
      const found = selectRows(store, inner, condition.query).some((row) =>
        equals(value, valueAt(store, row, selected))
      )
      return condition.negated ? !found : found
    }
    case 'in': {
      const value = valueAt(store, record, resolvePath(object, condition.field))
      const found = condition.values.some((literal) => equals(value, literalValue(literal)))
      return condition.negated ? !found : found
    }
    case 'compare': {
      const path = resolvePath(object, condition.field)
      if (!isFilterable(path.object, path.field))
        throw new SoqlError('INVALID_FIELD', `field '${path.field}' can not be filtered in a query call`)
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

/** The rows a query selects from `object`'s records (or from `within`): WHERE, ORDER BY, LIMIT. */
function selectRows(
  store: SalesforceStore,
  object: ObjectName,
  query: SoqlQuery,
  within: readonly SfRecord[] = store.records[object]
): SfRecord[] {
  for (const field of query.fields) resolvePath(object, field)
  let rows = within.filter((record) => !query.where || matches(store, object, record, query.where))
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
  return rows
}

function childRelationOf(
  parent: ObjectName,
  child: ChildQuery
): { name: string; child: ObjectName; lookup: string } {
  const relation = childRelationship(parent, child.relationship)
  if (!relation)
    throw new SoqlError(
      'INVALID_TYPE',
      `Didn't understand relationship '${child.relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    )
  return relation
}

/**
 * A child relationship's rows for one parent, as Salesforce nests them: a query result
 * `{totalSize, done, records}`, or null when the parent has no such rows.
 */
function childResult(
  store: SalesforceStore,
  parent: ObjectName,
  record: SfRecord,
  child: ChildQuery,
  version: string
): Record<string, unknown> | null {
  const relation = childRelationOf(parent, child)
  const own = store.records[relation.child].filter((row) => equals(row[relation.lookup], record.Id))
  const rows = selectRows(store, relation.child, child.query, own)
  if (rows.length === 0) return null
  return {
    totalSize: rows.length,
    done: true,
    records: rows.map((row) => project(store, relation.child, row, child.query.fields, version)),
  }
}

export function runQuery(
  store: SalesforceStore,
  query: SoqlQuery,
  version: string
): Record<string, unknown>[] {
  const object = objectName(query.object)
  if (!object) throw new SoqlError('INVALID_TYPE', `sObject type '${query.object}' is not supported.`)
  // A wrong child relationship or field fails the query even when no parent row would carry it.
  for (const child of query.children) {
    const relation = childRelationOf(object, child)
    for (const field of child.query.fields) resolvePath(relation.child, field)
  }
  return selectRows(store, object, query).map((record) => {
    const row = project(store, object, record, query.fields, version)
    for (const child of query.children)
      row[childRelationOf(object, child).name] = childResult(store, object, record, child, version)
    return row
  })
}
