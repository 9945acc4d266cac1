import { describe, expect, it } from 'vitest'
import { DEFAULT_FIELDS } from '../../settings/app-settings'
import { parseCompany } from './parse-company'

const context = {
  fields: DEFAULT_FIELDS.hubspot,
  portalId: '4410',
  baseUrl: 'https://api.hubapi.com',
  matchedBy: 'email-domain' as const,
}

describe('parseCompany', () => {
  it('reads string-typed properties into numbers and a calendar date', () => {
    const company = {
      id: '9001',
      properties: {
        name: ' Globex ',
        health_score: '38',
        renewal_date: '2026-12-18',
        arr: '1250000.50',
        hubspot_owner_id: '77',
      },
    }
    expect(parseCompany(company, null, context)).toEqual({
      id: '9001',
      name: 'Globex',
      recordUrl: 'https://app.hubspot.com/contacts/4410/record/0-2/9001',
      csm: null,
      healthScore: 38,
      renewalDate: '2026-12-18',
      arr: 1250000.5,
      matchedBy: 'email-domain',
    })
  })

  it('reads propertiesWithHistory for the health property; a read without it has no history', () => {
    const company = {
      id: '9004',
      properties: { name: 'Umbrella Health', health_score: '71' },
      propertiesWithHistory: {
        health_score: [
          { value: '71', timestamp: '2026-11-21T10:00:00Z', sourceType: 'CRM_UI' },
          { value: '79', timestamp: '2026-11-09T10:00:00Z', sourceType: 'CRM_UI' },
          { value: 'n/a', timestamp: '2026-08-01T10:00:00Z', sourceType: 'IMPORT' },
          { value: '88', timestamp: null, sourceType: 'IMPORT' },
        ],
      },
    }
    expect(parseCompany(company, null, context).healthHistory).toEqual([
      { at: '2026-11-21T10:00:00Z', to: 71 },
      { at: '2026-11-09T10:00:00Z', to: 79 },
      { at: '2026-08-01T10:00:00Z', to: null },
    ])
    // Asked for but never set: an empty history; not asked for (a search result): none at all.
    expect(parseCompany({ ...company, propertiesWithHistory: {} }, null, context).healthHistory).toEqual([])
    expect(parseCompany({ id: '1', properties: { name: 'x' } }, null, context)).not.toHaveProperty(
      'healthHistory'
    )
  })

  it('treats blank and missing properties as unknown, and links nowhere without a portal id', () => {
    const account = parseCompany(
      { id: '1', properties: { name: 'Soylent', health_score: '', arr: null } },
      null,
      { ...context, portalId: null }
    )
    expect(account).toMatchObject({ healthScore: null, renewalDate: null, arr: null, recordUrl: null })
  })

  it("links to HubSpot's app for HubSpot's API, and to a stand-in on this machine for its own pages", () => {
    const link = (baseUrl: string) =>
      parseCompany({ id: '42', properties: { name: 'Globex' } }, null, { ...context, baseUrl }).recordUrl
    expect(link('https://api.hubapi.com')).toBe('https://app.hubspot.com/contacts/4410/record/0-2/42')
    // Only this machine: any other host could be a gateway in front of HubSpot, with no record pages.
    expect(link('https://hubspot-gateway.example.com')).toBe(
      'https://app.hubspot.com/contacts/4410/record/0-2/42'
    )
    expect(link('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/contacts/4410/record/0-2/42')
    expect(link('http://localhost:4010/')).toBe('http://localhost:4010/contacts/4410/record/0-2/42')
  })

  it('refuses a score that is not a number rather than showing a wrong one', () => {
    expect(() =>
      parseCompany({ id: '1', properties: { name: 'X', health_score: 'green' } }, null, context)
    ).toThrow(/health score/)
  })
})

describe('renewal dates of companies', () => {
  const renewal = (value: string | null) =>
    parseCompany({ id: '1', properties: { name: 'X', [context.fields.renewalDate]: value } }, null, context)
      .renewalDate

  it('accepts ISO dates, ISO datetimes and epoch milliseconds (date properties at UTC midnight)', () => {
    expect(renewal('2027-03-31')).toBe('2027-03-31')
    expect(renewal('2027-03-31T00:00:00.000Z')).toBe('2027-03-31')
    expect(renewal('1798675200000')).toBe('2026-12-31')
    expect(renewal(null)).toBeNull()
  })

  it('refuses text that is no date, and a day that does not exist', () => {
    expect(() => renewal('next spring')).toThrow(/renewal date/)
    expect(() => renewal('2027-02-30')).toThrow(/renewal date/)
  })
})
