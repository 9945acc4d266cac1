/**
 * The health score's recent past, as the CRM's field history tells it, and the "health drop"
 * signal read from it ("Health 70 → 42 in 20 days").
 *
 * A change says the score became `to` at the instant `at`; `from` is the value before it when the
 * CRM says so (Salesforce's OldValue), absent when it does not (HubSpot's property history, a
 * custom API's list of values). Instants, never calendar dates: the answer is the same wherever
 * the agent sits.
 */
export interface HealthChange {
  /** An ISO 8601 instant, or a date (read as midnight UTC). */
  readonly at: string
  readonly from?: number | null
  readonly to: number | null
}

export interface HealthDrop {
  readonly from: number
  readonly to: number
  /** Whole days since the score was last at `from`, at least 1. */
  readonly days: number
}

export interface HealthDropSettings {
  readonly healthDropPoints: number
  readonly signalWindowDays: number
}

const DAY_MS = 86_400_000

/**
 * The largest fall from a score the account had within the window to its score now, when it is at
 * least `healthDropPoints`; otherwise null. "Had within the window" means the score still held at
 * some instant of the window: a value set long ago counts until the change that replaced it. "Now"
 * is `current` (the score the lookup read), or the latest value in the history without one. Of two
 * equal falls, the more recent wins (the shorter time says more). Changes after `now` and values
 * that are not numbers are left out; with no usable history there is no drop.
 */
export function healthDrop(
  history: readonly HealthChange[],
  current: number | null,
  settings: HealthDropSettings,
  now: number
): HealthDrop | null {
  const changes = history
    .map((change) => ({ ...change, time: historyInstant(change.at) }))
    .filter(
      (change): change is typeof change & { time: number } => change.time !== null && change.time <= now
    )
    .sort((a, b) => a.time - b.time)
  if (changes.length === 0) return null

  // Each value the score had, with the last instant it held: until the next change, or now.
  const held: { value: number; until: number }[] = []
  changes.forEach((change, index) => {
    if (isScore(change.from)) held.push({ value: change.from, until: change.time })
    if (isScore(change.to)) held.push({ value: change.to, until: changes[index + 1]?.time ?? now })
  })
  const latest = [...held].reverse().find((entry) => entry.until === now)?.value ?? null
  const to = isScore(current) ? current : latest
  if (to === null) return null

  const windowStart = now - settings.signalWindowDays * DAY_MS
  let best: { value: number; until: number } | null = null
  for (const entry of held) {
    if (entry.until < windowStart) continue
    const fall = entry.value - to
    const bestFall = best ? best.value - to : 0
    if (fall > bestFall || (best && fall === bestFall && entry.until > best.until)) best = entry
  }
  if (!best || best.value - to < settings.healthDropPoints) return null
  return { from: best.value, to, days: Math.max(1, Math.round((now - best.until) / DAY_MS)) }
}

function isScore(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

// Date, optional time, optional offset (Z, ±HH:MM or Salesforce's ±HHMM).
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Milliseconds since the epoch; null for text that is no ISO date. A bare date, or a time without
 * an offset, is read as UTC, never in the browser's zone, so two agents get the same answer.
 */
export function historyInstant(at: string): number | null {
  const match = ISO.exec(at.trim())
  if (!match) return null
  const [, date, time = '00:00', offset = 'Z'] = match
  const zone = offset.toUpperCase() === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`
  const value = Date.parse(`${date}T${time}${zone}`)
  return Number.isFinite(value) ? value : null
}
