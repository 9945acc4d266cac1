import { describe, expect, it } from 'vitest'
import { daysUntil, isIsoDate, isRenewingSoon, localDate } from './renewal'

describe('renewal', () => {
  it('counts calendar days, across a month end and a DST change', () => {
    expect(daysUntil('2026-12-18', '2026-11-25')).toBe(23)
    expect(daysUntil('2027-03-31', '2027-03-27')).toBe(4)
    expect(daysUntil('2026-11-20', '2026-11-25')).toBe(-5)
  })

  it('treats today and the last day of the window as soon, past dates as not soon', () => {
    expect(isRenewingSoon(0, 90)).toBe(true)
    expect(isRenewingSoon(90, 90)).toBe(true)
    expect(isRenewingSoon(91, 90)).toBe(false)
    expect(isRenewingSoon(-1, 90)).toBe(false)
  })

  it('uses the local calendar date', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2027-03-31')).toBe(true)
    expect(isIsoDate('2027-3-31')).toBe(false)
    expect(isIsoDate('2027-13-01')).toBe(false)
    expect(isIsoDate('31/03/2027')).toBe(false)
  })
})
