import { describe, expect, it } from 'vitest'
import { toCalendarDate, toHttpUrl, toNumber, toText } from './coerce'

describe('coercing what a custom CRM sends', () => {
  it('reads numbers, also when sent as strings', () => {
    expect(toNumber(86)).toBe(86)
    expect(toNumber('240000')).toBe(240000)
    expect(toNumber(' 38.5 ')).toBe(38.5)
    expect(toNumber('1.2e6')).toBe(1_200_000)
  })

  it.each([null, undefined, '', 'n/a', '1,250,000', '12abc', NaN, Infinity, true, {}, []])(
    'reads %j as no number',
    (value) => {
      expect(toNumber(value)).toBeNull()
    }
  )

  it('reads dates as ISO dates, ISO date-times or epoch milliseconds', () => {
    expect(toCalendarDate('2026-12-18')).toBe('2026-12-18')
    expect(toCalendarDate('2026-12-18T23:30:00-05:00')).toBe('2026-12-18')
    expect(toCalendarDate(1798675200000)).toBe('2026-12-31')
    expect(toCalendarDate('1798675200000')).toBe('2026-12-31')
  })

  it.each(['2026-02-30', '2026-13-01', '18/12/2026', 'next year', 2026, '2026', 1798675200, '', null, {}])(
    'reads %j as no date',
    (value) => {
      expect(toCalendarDate(value)).toBeNull()
    }
  )

  it('reads text and ids, numbers included', () => {
    expect(toText(' Northwind ')).toBe('Northwind')
    expect(toText(42)).toBe('42')
    expect(toText('   ')).toBeNull()
    expect(toText({ id: 1 })).toBeNull()
  })

  it('keeps only http(s) links', () => {
    expect(toHttpUrl('https://crm.example/app/accounts/acc_1')).toBe('https://crm.example/app/accounts/acc_1')
    expect(toHttpUrl('javascript:alert(1)')).toBeNull()
    expect(toHttpUrl('data:text/html,<script>')).toBeNull()
    expect(toHttpUrl('/app/accounts/acc_1')).toBeNull()
  })
})
