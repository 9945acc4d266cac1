import { formatPath, parsePath, readPath, type JsonPath } from './json-path'

/** `/api/v1/accounts?domain={{requester.email_domain}}`: literal text and `{{path}}` placeholders. */
export interface Template {
  readonly parts: readonly (string | { readonly variable: JsonPath })[]
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

/** The template, or null when a placeholder is unbalanced or not a path. */
export function parseTemplate(text: string): Template | null {
  const parts: Template['parts'][number][] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    const variable = parsePath(match[1] ?? '')
    if (!variable || variable.length === 0) return null
    // `{{{x}}}` is Handlebars' unescaped form; here it would send stray braces, so it is refused.
    if (text[match.index - 1] === '{' || text[match.index + match[0].length] === '}') return null
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push({ variable })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  // A brace pair left in the literal text is a placeholder the admin mistyped, not text to send.
  if (parts.some((part) => typeof part === 'string' && (part.includes('{{') || part.includes('}}'))))
    return null
  return { parts }
}

export function templateVariables(template: Template): string[] {
  return template.parts.flatMap((part) => (typeof part === 'string' ? [] : [formatPath(part.variable)]))
}

/** How a value is written into the text: URL-encoded in request paths and links, as-is elsewhere. */
export type Encoder = (value: string) => string
export const asText: Encoder = (value) => value
// A lone surrogate (possible in any user- or CRM-given text) makes encodeURIComponent throw; it becomes U+FFFD.
export const urlEncoded: Encoder = (value) => encodeURIComponent(value.toWellFormed())

/**
 * True when a path (a URL up to its query) has a `.` or `..` segment, in any spelling a server or
 * URL parser resolves (`%2e` counts): filled in from a variable, it would walk up the CRM's API.
 */
export function hasDotSegment(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? ''
  return path.split('/').some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))
}

/**
 * The text with every placeholder filled, or undefined when a placeholder has no value (missing,
 * null, empty or not a scalar): half-filled URLs and notes are worse than none.
 */
export function renderTemplate(template: Template, scope: unknown, encode: Encoder): string | undefined {
  let out = ''
  for (const part of template.parts) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    const value = scalarText(readPath(scope, part.variable))
    if (value === undefined) return undefined
    out += encode(value)
  }
  return out
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value === 'boolean') return String(value)
  return undefined
}
