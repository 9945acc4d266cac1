import * as z from 'zod/mini'
import { MATCH_STRATEGIES } from '../domain/match-strategy'
import type { JsonPath } from '../mapping/json-path'
import {
  at,
  compileMapping,
  compilePath,
  compileTemplate,
  type CompileOptions,
  type Compiled,
  type Mapping,
  type MappingProblem,
} from '../mapping/mapping'
import { hasDotSegment, type Template } from '../mapping/template'
import {
  FIELD_KEYS,
  FOLLOW_UP_VARIABLES,
  LOOKUP_VARIABLES,
  REQUIRED_FIELD_KEYS,
  TASK_VARIABLES,
  type FieldKey,
} from '../mapping/variables'
import type {
  CustomEscalationRequest,
  CustomFieldMap,
  CustomLookupRequest,
  CustomRestSettings,
} from './custom-rest-settings'
import type { SettingProblem } from './setting-problem'
import { settingText } from './setting-text'

// Letters, digits and hyphens: Zendesk's proxy refuses underscores in header names.
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}$/

const text = z.string()
const readMethod = z.optional(z.enum(['GET', 'POST']))
const writeMethod = z.optional(z.enum(['POST', 'PUT', 'PATCH']))
const statuses = (min: number, max: number) =>
  z.optional(z.array(z.int().check(z.gte(min), z.lte(max))).check(z.minLength(1)))

const lookupRequestsSchema = z
  .array(
    z.strictObject({
      match: z.enum(MATCH_STRATEGIES),
      method: readMethod,
      path: text,
      body: z.optional(z.unknown()),
      result: z.optional(text),
    })
  )
  .check(z.minLength(1), z.maxLength(10))
const fieldMapSchema = z.record(z.string(), z.unknown())
const writeRequestSchema = z.strictObject({ method: writeMethod, path: text, body: z.optional(z.unknown()) })
const escalationSchema = z.strictObject({
  method: writeMethod,
  path: text,
  body: z.optional(z.unknown()),
  success: statuses(200, 299),
  idPath: text,
  urlPath: z.optional(text),
  conflict: statuses(400, 499),
  existing: z.optional(
    z.strictObject({
      method: readMethod,
      path: text,
      body: z.optional(z.unknown()),
      result: z.optional(text),
      idPath: text,
      urlPath: z.optional(text),
      closed: z.optional(
        z.strictObject({
          path: text,
          values: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(20)),
        })
      ),
    })
  ),
  followUp: z.optional(writeRequestSchema),
})

type Report = (problem: SettingProblem) => void

/** A problem found while compiling one JSON setting; the first one per setting is reported. */
class SettingFault extends Error {
  constructor(readonly problem: SettingProblem) {
    super(problem.code)
  }
}

/**
 * Parses every custom_* parameter, reporting each bad one (with where inside it, never its value)
 * and returning null if any was bad.
 */
export function compileCustomRestSettings(
  raw: Readonly<Record<string, unknown>>,
  report: Report
): CustomRestSettings | null {
  let ok = true
  const guarded = <T>(parse: () => T): T | null => {
    try {
      return parse()
    } catch (error) {
      if (!(error instanceof SettingFault)) throw error
      ok = false
      report(error.problem)
      return null
    }
  }

  const authHeader = guarded(
    () => headerName('custom_auth_header', raw['custom_auth_header']) ?? 'Authorization'
  )
  const idempotencyHeader = guarded(() => {
    const name = headerName('custom_idempotency_header', raw['custom_idempotency_header'])
    // The proxy would fill the auth header with the token and the key would be lost: nothing dedupes.
    if (name && name.toLowerCase() === (authHeader ?? 'Authorization').toLowerCase())
      throw new SettingFault({ setting: 'custom_idempotency_header', code: 'same-header' })
    return name
  })
  const lookups = guarded(() =>
    parseLookups(jsonSetting('custom_lookup_requests', raw['custom_lookup_requests']))
  )
  const fieldMap = guarded(() => parseFieldMap(jsonSetting('custom_field_map', raw['custom_field_map'])))
  const escalation = guarded(() => {
    const parsed = parseEscalation(jsonSetting('custom_escalation_request', raw['custom_escalation_request']))
    // Exactly once: without an idempotency header or a search for the existing task, a retry after
    // a lost answer would create a second task. We refuse the settings rather than risk that.
    if (!parsed.existing && !settingText(raw['custom_idempotency_header'])) {
      throw new SettingFault({ setting: 'custom_escalation_request', code: 'no-dedupe' })
    }
    return parsed
  })

  if (!ok || !authHeader || !lookups || !fieldMap || !escalation) return null
  return { authHeader, idempotencyHeader, lookups, fieldMap, escalation }
}

function headerName(setting: string, value: unknown): string | null {
  const name = settingText(value)
  if (!name) return null
  if (!HEADER_NAME.test(name)) throw new SettingFault({ setting, code: 'invalid-header-name' })
  if (RESERVED_HEADERS.has(name.toLowerCase()) || /^(proxy|sec)-/i.test(name))
    throw new SettingFault({ setting, code: 'reserved-header' })
  return name
}

// Headers a page may not set (the Fetch standard's forbidden request headers), and the ones the app
// or the proxy sets itself: a token or key in one of them would be dropped or overwritten on the way.
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'content-type',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
])

// Deep enough for any real request body or field map; the compilers recurse, so a bound keeps
// a pathological setting (thousands of levels) a settings error instead of a stack overflow.
const MAX_JSON_DEPTH = 32

/** How deeply the JSON text nests arrays and objects, read without parsing (strings skipped). */
function jsonDepth(source: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]
    if (inString) {
      if (char === '\\') i += 1
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') deepest = Math.max(deepest, (depth += 1))
    else if (char === '}' || char === ']') depth -= 1
  }
  return deepest
}

/** The JSON in a multiline parameter, with the setting's name on every problem found inside it. */
function jsonSetting(setting: string, value: unknown): { readonly setting: string; readonly json: unknown } {
  const source = typeof value === 'string' ? value.trim() : ''
  if (value !== undefined && value !== null && typeof value !== 'string')
    throw new SettingFault({ setting, code: 'invalid-json' })
  if (!source) throw new SettingFault({ setting, code: 'required' })
  if (jsonDepth(source) > MAX_JSON_DEPTH) throw new SettingFault({ setting, code: 'too-deep' })
  try {
    return { setting, json: JSON.parse(source) as unknown }
  } catch {
    throw new SettingFault({ setting, code: 'invalid-json' })
  }
}

/** The shape check: the first zod issue, as a location inside the setting. */
function shaped<T>(setting: string, schema: z.ZodMiniType<T>, json: unknown): T {
  const parsed = schema.safeParse(json)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  let detail = (issue?.path ?? []).reduce<string>(
    (where, key) => at(where, typeof key === 'number' ? key : String(key)),
    ''
  )
  if (issue?.code === 'unrecognized_keys' && issue.keys[0]) detail = at(detail, issue.keys[0])
  throw new SettingFault({ setting, code: 'invalid-mapping', detail: detail || '$' })
}

function compiled<T>(setting: string, result: Compiled<T>): T {
  if (result.ok) return result.value
  throw new SettingFault({ setting, code: problemCode(result.problem), detail: result.problem.at })
}

function problemCode(problem: MappingProblem): SettingProblem['code'] {
  return problem.kind === 'unknown-variable' ? 'unknown-variable' : 'invalid-mapping'
}

/** A request path: a template relative to crm_base_url, so the token only ever goes to that host. */
function requestPath(setting: string, value: string, where: string, options: CompileOptions): Template {
  const template = compiled(setting, compileTemplate(value, where, options))
  const first = template.parts[0]
  // `//host/...` would be a protocol-relative URL to another host; axios would follow it.
  // A literal `..` segment would leave the API the base URL names (and a variable's is refused at request time).
  const literal = template.parts.map((part) => (typeof part === 'string' ? part : 'x')).join('')
  if (
    typeof first !== 'string' ||
    !first.startsWith('/') ||
    first.startsWith('//') ||
    hasDotSegment(literal)
  ) {
    throw new SettingFault({ setting, code: 'invalid-mapping', detail: where })
  }
  return template
}

function optionalBody(
  setting: string,
  method: string,
  body: unknown,
  where: string,
  options: CompileOptions
): Mapping | null {
  if (body === undefined) return null
  // A GET with a body is dropped by many proxies and servers; refuse it instead of losing the lookup value.
  if (method === 'GET') throw new SettingFault({ setting, code: 'invalid-mapping', detail: where })
  return compiled(setting, compileMapping(body, where, options))
}

function optionalPath(setting: string, value: string | undefined, where: string): JsonPath | null {
  return value === undefined ? null : compiled(setting, compilePath(value, where))
}

function parseLookups({ setting, json }: { setting: string; json: unknown }): CustomLookupRequest[] {
  const requests = shaped(setting, lookupRequestsSchema, json)
  const variables = { variables: LOOKUP_VARIABLES }
  return requests.map((request, index) => {
    const where = at('', index)
    const method = request.method ?? 'GET'
    return {
      match: request.match,
      method,
      path: requestPath(setting, request.path, at(where, 'path'), variables),
      body: optionalBody(setting, method, request.body, at(where, 'body'), variables),
      result: compiled(setting, compilePath(request.result ?? '$', at(where, 'result'))),
    }
  })
}

function parseFieldMap({ setting, json }: { setting: string; json: unknown }): CustomFieldMap {
  const entries = shaped(setting, fieldMapSchema, json)
  const map: Partial<Record<FieldKey, Mapping>> = {}
  for (const [key, value] of Object.entries(entries)) {
    const field = FIELD_KEYS.find((name) => name === key)
    if (!field) throw new SettingFault({ setting, code: 'invalid-mapping', detail: key })
    map[field] = compiled(setting, compileMapping(value, key))
  }
  const missing = REQUIRED_FIELD_KEYS.find((key) => !map[key])
  if (missing) throw new SettingFault({ setting, code: 'missing-mapping', detail: missing })
  const { id, name } = map
  if (!id || !name) throw new SettingFault({ setting, code: 'missing-mapping', detail: 'id' })
  return { ...map, id, name }
}

function parseEscalation({ setting, json }: { setting: string; json: unknown }): CustomEscalationRequest {
  const request = shaped(setting, escalationSchema, json)
  const task = { variables: TASK_VARIABLES }
  const method = request.method ?? 'POST'
  const existing = request.existing
  const followUp = request.followUp
  return {
    method,
    path: requestPath(setting, request.path, 'path', task),
    body: optionalBody(setting, method, request.body, 'body', task),
    success: request.success ?? [200, 201],
    idPath: compiled(setting, compilePath(request.idPath, 'idPath')),
    urlPath: optionalPath(setting, request.urlPath, 'urlPath'),
    conflict: request.conflict ?? [],
    existing: existing
      ? {
          method: existing.method ?? 'GET',
          path: requestPath(setting, existing.path, 'existing.path', task),
          body: optionalBody(setting, existing.method ?? 'GET', existing.body, 'existing.body', task),
          result: compiled(setting, compilePath(existing.result ?? '$', 'existing.result')),
          idPath: compiled(setting, compilePath(existing.idPath, 'existing.idPath')),
          urlPath: optionalPath(setting, existing.urlPath, 'existing.urlPath'),
          closed: existing.closed
            ? {
                path: compiled(setting, compilePath(existing.closed.path, 'existing.closed.path')),
                // Statuses are compared as words, whatever case the CRM writes them in.
                values: existing.closed.values.map((value) => value.trim().toLowerCase()),
              }
            : null,
        }
      : null,
    followUp: followUp
      ? {
          method: followUp.method ?? 'POST',
          path: requestPath(setting, followUp.path, 'followUp.path', { variables: FOLLOW_UP_VARIABLES }),
          body: optionalBody(setting, followUp.method ?? 'POST', followUp.body, 'followUp.body', {
            variables: FOLLOW_UP_VARIABLES,
          }),
        }
      : null,
  }
}
