import { describe, expect, it } from 'vitest'
import { crmCalendarDate, crmHttpUrl, crmNumber, crmText, LENIENT, type Coercion } from './crm-values'

const toNumber = (value: unknown) => crmNumber(value, 'ARR', LENIENT)
const toCalendarDate = (value: unknown) => crmCalendarDate(value, 'renewal date', LENIENT)
const toText = crmText
const toHttpUrl = crmHttpUrl

describe('reading CRM values leniently (custom REST)', () => {
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

describe('reading CRM values strictly (Salesforce, HubSpot)', () => {
  const strict: Coercion = { mode: 'strict', fail: (what) => new Error(`unreadable ${what}`) }

  it('reads what the lenient reader reads, and blank values as none', () => {
    expect(crmNumber('1250000.00', 'ARR', strict)).toBe(1_250_000)
    expect(crmNumber(42, 'health score', strict)).toBe(42)
    expect(crmNumber('  ', 'ARR', strict)).toBeNull()
    expect(crmNumber(null, 'ARR', strict)).toBeNull()
    expect(crmCalendarDate('2026-12-18T00:00:00.000+0000', 'renewal date', strict)).toBe('2026-12-18')
    expect(crmCalendarDate('1798675200000', 'renewal date', strict)).toBe('2026-12-31')
    expect(crmCalendarDate(undefined, 'renewal date', strict)).toBeNull()
  })

  it('throws the connector’s error, naming the value, where lenient would say "not set"', () => {
    expect(() => crmNumber('n/a', 'health score', strict)).toThrow('unreadable health score')
    expect(() => crmNumber('0x10', 'ARR', strict)).toThrow('unreadable ARR')
    expect(() => crmCalendarDate('2026-02-30', 'renewal date', strict)).toThrow('unreadable renewal date')
    expect(() => crmCalendarDate('18/12/2026', 'renewal date', strict)).toThrow('unreadable renewal date')
  })
})
