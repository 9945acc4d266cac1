import type { Mapping } from '../../mapping/mapping'
import { evaluateMapping, mappingVariables } from '../../mapping/mapping'
import { readPath, parsePath } from '../../mapping/json-path'
import {
  hasDotSegment,
  renderTemplate,
  templateVariables,
  urlEncoded,
  type Template,
} from '../../mapping/template'

/** What a settings request (lookup, escalation, search, follow-up) needs to become an HTTP request. */
export interface RequestTemplate {
  readonly method: string
  readonly path: Template
  readonly body: Mapping | null
}

export interface BuiltRequest {
  readonly method: string
  /** Relative to crm_base_url, variables URL-encoded. */
  readonly url: string
  /** A JSON value, serialized by axios: values are never spliced into JSON text. */
  readonly data?: unknown
}

/** Every variable the request reads, path first, in order of appearance. */
export function requestVariables(request: RequestTemplate): string[] {
  return [
    ...new Set([...templateVariables(request.path), ...(request.body ? mappingVariables(request.body) : [])]),
  ]
}

/** The scalar value of a variable such as `requester.email`, or null when it is empty. */
export function variableValue(scope: unknown, name: string): string | null {
  const path = parsePath(name)
  const value = path ? readPath(scope, path) : undefined
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/**
 * The request with its variables filled in, or null when one it needs has no value: a lookup
 * would otherwise ask the CRM for "accounts whose domain is empty", which is never what is meant.
 * Lookups need every variable; writes (`optionalBodyValues`) need those in the path, and leave an
 * empty one out of the body (an escalation without a contact is still an escalation).
 */
export function buildRequest(
  request: RequestTemplate,
  scope: unknown,
  options: { optionalBodyValues?: boolean } = {}
): BuiltRequest | null {
  const needed = options.optionalBodyValues ? templateVariables(request.path) : requestVariables(request)
  if (needed.some((name) => variableValue(scope, name) === null)) return null
  const url = renderTemplate(request.path, scope, urlEncoded)
  // `x@..` has the email domain `..`: a request for /api/v1/../accounts would reach /api/accounts.
  // No encoding keeps a dot segment from being resolved, so such a value is treated as no value.
  if (url === undefined || hasDotSegment(url)) return null
  if (!request.body) return { method: request.method, url }
  return { method: request.method, url, data: evaluateMapping(request.body, scope) }
}
