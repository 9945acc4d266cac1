import { describe, expect, it } from 'vitest'
import { healthDrop, historyInstant, type HealthChange } from './health-history'

const settings = { healthDropPoints: 10, signalWindowDays: 30 }
const now = Date.parse('2026-11-25T12:00:00Z')
const daysAgo = (days: number): string => new Date(now - days * 86_400_000).toISOString()

describe('healthDrop', () => {
  it('reads a fall within the window with its numbers, from the value the score last had before it', () => {
    // Salesforce: one change 70 → 42, twenty days ago.
    expect(healthDrop([{ at: daysAgo(20), from: 70, to: 42 }], 42, settings, now)).toEqual({
      from: 70,
      to: 42,
      days: 20,
    })
    // HubSpot: values only; 70 was set long before the window and held until the change.
    const values: HealthChange[] = [
      { at: daysAgo(200), to: 70 },
      { at: daysAgo(20), to: 42 },
    ]
    expect(healthDrop(values, 42, settings, now)).toEqual({ from: 70, to: 42, days: 20 })
  })

  it('takes the largest fall to the score now, the most recent of equal falls, over a gradual decline', () => {
    const history: HealthChange[] = [
      { at: daysAgo(90), to: 66 },
      { at: daysAgo(25), to: 70 },
      { at: daysAgo(12), to: 55 },
      { at: daysAgo(8), to: 70 },
      { at: daysAgo(3), to: 42 },
    ]
    expect(healthDrop(history, 42, settings, now)).toEqual({ from: 70, to: 42, days: 3 })
    expect(healthDrop(history.slice(0, 3), 55, settings, now)).toEqual({ from: 70, to: 55, days: 12 })
  })

  it('keeps to the edges: exactly the points counts, one less does not; the window start is inside', () => {
    expect(healthDrop([{ at: daysAgo(5), from: 52, to: 42 }], 42, settings, now)).toMatchObject({ from: 52 })
    expect(healthDrop([{ at: daysAgo(5), from: 51, to: 42 }], 42, settings, now)).toBeNull()
    // The high value last held exactly 30 days ago: still in the window; a millisecond earlier, not.
    expect(healthDrop([{ at: daysAgo(30), from: 70, to: 42 }], 42, settings, now)).toMatchObject({ days: 30 })
    const justOutside = new Date(now - 30 * 86_400_000 - 1).toISOString()
    expect(healthDrop([{ at: justOutside, from: 70, to: 42 }], 42, settings, now)).toBeNull()
    // A fall within the same hour still reads as a day, never as "in 0 days".
    expect(healthDrop([{ at: daysAgo(0.01), from: 80, to: 40 }], 40, settings, now)).toMatchObject({
      days: 1,
    })
  })

  it('measures against the score the lookup read now, so a recovery is no drop', () => {
    const history: HealthChange[] = [{ at: daysAgo(20), from: 70, to: 42 }]
    expect(healthDrop(history, 68, settings, now)).toBeNull()
    // Without a current score, the history's latest value stands in.
    expect(healthDrop(history, null, settings, now)).toEqual({ from: 70, to: 42, days: 20 })
  })

  it('has no drop without usable history: empty, unreadable dates or values, or only future changes', () => {
    expect(healthDrop([], 42, settings, now)).toBeNull()
    expect(healthDrop([{ at: 'yesterday', from: 70, to: 42 }], 42, settings, now)).toBeNull()
    expect(healthDrop([{ at: daysAgo(5), from: null, to: null }], 42, settings, now)).toBeNull()
    expect(healthDrop([{ at: daysAgo(-2), from: 90, to: 42 }], 42, settings, now)).toBeNull()
    expect(healthDrop([{ at: daysAgo(5), to: 42 }], null, settings, now)).toBeNull()
    // A rise is no drop.
    expect(healthDrop([{ at: daysAgo(5), from: 30, to: 70 }], 70, settings, now)).toBeNull()
  })

  it('follows the settings: a longer window and a smaller drop', () => {
    const history: HealthChange[] = [{ at: daysAgo(45), from: 60, to: 55 }]
    expect(healthDrop(history, 55, settings, now)).toBeNull()
    expect(healthDrop(history, 55, { healthDropPoints: 5, signalWindowDays: 60 }, now)).toEqual({
      from: 60,
      to: 55,
      days: 45,
    })
  })

  it('gives the same answer for the same instant written in any time zone', () => {
    const at = (text: string) => healthDrop([{ at: text, from: 70, to: 42 }], 42, settings, now)
    const utc = at('2026-11-05T12:00:00.000Z')
    expect(utc).toEqual({ from: 70, to: 42, days: 20 })
    expect(at('2026-11-05T21:00:00+09:00')).toEqual(utc)
    expect(at('2026-11-05T04:00:00.000-0800')).toEqual(utc)
    expect(at('2026-11-05T12:00:00.000+0000')).toEqual(utc)
  })
})

describe('historyInstant', () => {
  it('reads ISO instants with any offset, and bare dates and times without offset as UTC', () => {
    expect(historyInstant('2026-11-05T12:00:00.000+0000')).toBe(Date.parse('2026-11-05T12:00:00Z'))
    expect(historyInstant('2026-11-05T21:00+09:00')).toBe(Date.parse('2026-11-05T12:00:00Z'))
    expect(historyInstant('2026-11-05')).toBe(Date.parse('2026-11-05T00:00:00Z'))
    expect(historyInstant('2026-11-05T12:00:00')).toBe(Date.parse('2026-11-05T12:00:00Z'))
    expect(historyInstant('5 Nov 2026')).toBeNull()
    expect(historyInstant('')).toBeNull()
  })
})
