import { formatPath, parsePath, readPath, type JsonPath } from './json-path'
import {
  asText,
  parseTemplate,
  renderTemplate,
  templateVariables,
  type Encoder,
  type Template,
} from './template'

/**
 * A compiled mapping in the style of Segment's Mapping Kit: raw JSON is taken literally, and an
 * object with a single `@`-key is a directive: `{"@path": "$.owner.email"}`, `{"@template":
 * "[Escalation] {{task.subject}}"}` or `{"@literal": <any JSON>}`. Values are placed into the
 * result as JSON values, never spliced into JSON text, so a quote in an email cannot break a body.
 */
export type Mapping =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'path'; readonly path: JsonPath }
  | { readonly kind: 'template'; readonly template: Template }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Mapping])[] }
  | { readonly kind: 'array'; readonly items: readonly Mapping[] }

/** Where a mapping is wrong (`body.title`), and how; never the value itself. */
export interface MappingProblem {
  readonly kind: 'invalid' | 'unknown-variable'
  readonly at: string
}

export type Compiled<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: MappingProblem }

export interface CompileOptions {
  /** When given, every `@path` and placeholder must name one of these (`task.key`). */
  readonly variables?: ReadonlySet<string>
}

/** Joins a location and a key the way problem details are written: `[1].body.title`. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  return base ? `${base}.${key}` : key
}

const fail = (kind: MappingProblem['kind'], where: string): Compiled<never> => ({
  ok: false,
  problem: { kind, at: where || '$' },
})

export function compilePath(text: unknown, where: string, options: CompileOptions = {}): Compiled<JsonPath> {
  const path = typeof text === 'string' ? parsePath(text) : null
  if (!path) return fail('invalid', where)
  if (options.variables && !options.variables.has(formatPath(path))) return fail('unknown-variable', where)
  return { ok: true, value: path }
}

export function compileTemplate(
  text: unknown,
  where: string,
  options: CompileOptions = {}
): Compiled<Template> {
  const template = typeof text === 'string' ? parseTemplate(text) : null
  if (!template) return fail('invalid', where)
  const { variables } = options
  if (variables && templateVariables(template).some((name) => !variables.has(name)))
    return fail('unknown-variable', where)
  return { ok: true, value: template }
}

export function compileMapping(
  value: unknown,
  where: string,
  options: CompileOptions = {}
): Compiled<Mapping> {
  if (Array.isArray(value)) {
    const items: Mapping[] = []
    for (const [index, item] of value.entries()) {
      const compiled = compileMapping(item, at(where, index), options)
      if (!compiled.ok) return compiled
      items.push(compiled.value)
    }
    return { ok: true, value: { kind: 'array', items } }
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
    const record = value as Record<string, unknown>
    if (keys.some((key) => key.startsWith('@'))) return compileDirective(keys, record, where, options)
    const entries: (readonly [string, Mapping])[] = []
    for (const key of keys) {
      const compiled = compileMapping(record[key], at(where, key), options)
      if (!compiled.ok) return compiled
      entries.push([key, compiled.value])
    }
    return { ok: true, value: { kind: 'object', entries } }
  }
  // A raw string with a placeholder is almost always a forgotten `@template`; sending the braces would be wrong.
  if (typeof value === 'string' && /\{\{|\}\}/.test(value)) return fail('invalid', where)
  return { ok: true, value: { kind: 'literal', value } }
}

function compileDirective(
  keys: readonly string[],
  record: Record<string, unknown>,
  where: string,
  options: CompileOptions
): Compiled<Mapping> {
  // A directive mixed with raw keys is ambiguous (which one wins?), so Mapping Kit refuses it and so do we.
  if (keys.length !== 1) return fail('invalid', where)
  const directive = keys[0]
  const argument = record[directive ?? '']
  switch (directive) {
    case '@path': {
      const path = compilePath(argument, where, options)
      return path.ok ? { ok: true, value: { kind: 'path', path: path.value } } : path
    }
    case '@template': {
      const template = compileTemplate(argument, where, options)
      return template.ok ? { ok: true, value: { kind: 'template', template: template.value } } : template
    }
    case '@literal':
      // Braces in a literal would reach the Zendesk proxy, which reads `{{…}}` as its own placeholder
      // (the app makes such text inert, so the CRM would get it altered). Refused, like raw strings.
      return holdsBraces(argument)
        ? fail('invalid', where)
        : { ok: true, value: { kind: 'literal', value: argument } }
    default:
      return fail('invalid', where)
  }
}

function holdsBraces(value: unknown): boolean {
  if (typeof value === 'string') return /\{\{|\}\}/.test(value)
  if (Array.isArray(value)) return value.some(holdsBraces)
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(([key, item]) => holdsBraces(key) || holdsBraces(item))
  return false
}

/**
 * The mapping's value over `scope`. A path or template that resolves to nothing gives undefined,
 * and undefined members are left out of objects and arrays (Mapping Kit's rule); null is kept.
 */
export function evaluateMapping(mapping: Mapping, scope: unknown, encode: Encoder = asText): unknown {
  switch (mapping.kind) {
    case 'literal':
      return mapping.value
    case 'path':
      return readPath(scope, mapping.path)
    case 'template':
      return renderTemplate(mapping.template, scope, encode)
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, item] of mapping.entries) {
        const value = evaluateMapping(item, scope, encode)
        // defineProperty, not `out[key] =`: a `__proto__` key in a setting must stay a plain key.
        if (value !== undefined)
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
      }
      return out
    }
    case 'array':
      return mapping.items
        .map((item) => evaluateMapping(item, scope, encode))
        .filter((value) => value !== undefined)
  }
}

/** Every variable a mapping reads, so a request whose variables are all empty can be skipped. */
export function mappingVariables(mapping: Mapping): string[] {
  switch (mapping.kind) {
    case 'literal':
      return []
    case 'path':
      return [formatPath(mapping.path)]
    case 'template':
      return templateVariables(mapping.template)
    case 'object':
      return mapping.entries.flatMap(([, item]) => mappingVariables(item))
    case 'array':
      return mapping.items.flatMap(mappingVariables)
  }
}
