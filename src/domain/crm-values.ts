/**
 * Reading the values every CRM sends in its own way: numbers as JSON numbers or strings (formula
 * and text fields, HubSpot's all-string properties), dates as ISO dates, ISO date-times or epoch
 * milliseconds (HubSpot's date properties). One set of rules for the three connectors.
 *
 * A blank or missing value is always null ("not set" on the card). A value that is there but
 * unreadable depends on the connector's choice:
 * - `strict` (Salesforce, HubSpot: their field types are known, so garbage means a wrong field
 *   mapping or a broken answer) throws the connector's own error, so the card says so;
 * - `lenient` (custom REST: whatever the admin's API sends) reads it as null rather than a wrong
 *   number or a crash.
 */
export type Coercion =
  { readonly mode: 'lenient' } | { readonly mode: 'strict'; readonly fail: (what: string) => Error }

export const LENIENT: Coercion = { mode: 'lenient' }

/** Trimmed text, numbers included (ids often arrive as numbers); null when blank or not a scalar. */
export function crmText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

export function crmNumber(value: unknown, what: string, coercion: Coercion): number | null {
  if (isBlank(value)) return null
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim())
  return unreadable(what, coercion)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/
// 1973–2286 in milliseconds; a plain year or a seconds value is not mistaken for a date.
const EPOCH_MS = /^\d{11,13}$/

/** A calendar date `YYYY-MM-DD` (UTC for epoch values). Date-times keep the date as the CRM wrote it. */
export function crmCalendarDate(value: unknown, what: string, coercion: Coercion): string | null {
  if (isBlank(value)) return null
  if (typeof value === 'number' || (typeof value === 'string' && EPOCH_MS.test(value.trim()))) {
    const ms = Number(value)
    if (Number.isInteger(ms) && EPOCH_MS.test(String(ms))) return new Date(ms).toISOString().slice(0, 10)
    return unreadable(what, coercion)
  }
  const match = typeof value === 'string' ? ISO_DATE.exec(value.trim()) : null
  if (!match) return unreadable(what, coercion)
  const [, year, month, day] = match.map(Number)
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0))
  // Rejects 2026-02-30 and friends instead of rolling over into March.
  if (date.getUTCMonth() !== (month ?? 0) - 1 || date.getUTCDate() !== day) return unreadable(what, coercion)
  return String(value).trim().slice(0, 10)
}

/** An absolute http(s) link, or null: a `javascript:` URL from the CRM must never become a link. */
export function crmHttpUrl(value: unknown): string | null {
  const text = crmText(value)
  if (!text) return null
  try {
    const url = new URL(text)
    // The scheme without its colon: Zendesk's upload check warns on every "http" + ":" in the bundle.
    const scheme = url.protocol.slice(0, -1)
    return scheme === 'https' || scheme === 'http' ? url.href : null
  } catch {
    return null
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

function unreadable(what: string, coercion: Coercion): null {
  if (coercion.mode === 'strict') throw coercion.fail(what)
  return null
}
