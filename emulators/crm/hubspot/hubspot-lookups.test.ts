import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from '../create-crm-emulator'
import { caller } from '../testing/call'

let crm: CrmEmulator
const call = caller(() => crm.url, { Authorization: 'Bearer hs-token' })
const searchCompanies = (body: unknown) => call('POST', '/crm/v3/objects/companies/search', body)
const domainIs = (value: string) => ({
  filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value }] }],
})
const names = (results: { properties: { name: string } }[]) => results.map((r) => r.properties.name)

beforeAll(async () => {
  // The search rate limit has its own test (hubspot-faults.test.ts); here it would only get in the way.
  crm = await startCrmEmulator({
    dialect: 'hubspot',
    token: 'hs-token',
    today: new Date(2026, 10, 25),
    searchPerSecond: 1000,
  })
})
afterAll(() => crm.close())
beforeEach(() => crm.reset())

describe('HubSpot GET object', () => {
  it('finds a contact by email (any case) with string properties and its company association', async () => {
    const { status, body } = await call(
      'GET',
      '/crm/v3/objects/contacts/JANE.DOE@Northwind.example?idProperty=email&properties=email,firstname&properties=no_such_property&associations=companies'
    )
    expect(status).toBe(200)
    expect(body).toEqual({
      id: '5200001',
      properties: {
        email: 'jane.doe@northwind.example',
        firstname: 'Jane',
        hs_object_id: '5200001',
        createdate: '2024-01-15T09:00:00.000Z',
        lastmodifieddate: '2024-01-15T09:00:00.000Z',
      },
      createdAt: '2024-01-15T09:00:00.000Z',
      updatedAt: '2024-01-15T09:00:00.000Z',
      archived: false,
      associations: { companies: { results: [{ id: '5100001', type: 'contact_to_company' }] } },
    })
  })

  it('returns requested empty properties as null, values as strings, and no associations block when there are none', async () => {
    const { body } = await call(
      'GET',
      '/crm/v3/objects/companies/5100004?properties=name,hubspot_owner_id,health_score,arr&associations=tasks'
    )
    expect(body.properties).toMatchObject({
      name: 'Umbrella Health',
      hubspot_owner_id: null,
      health_score: '71',
      arr: '54000',
    })
    expect(body).not.toHaveProperty('associations')
    const company = await call('GET', '/crm/v3/objects/companies/5100001?associations=contacts')
    expect(company.body.associations).toEqual({
      contacts: { results: [{ id: '5200001', type: 'company_to_contact' }] },
    })
    expect(Object.keys(company.body.properties).sort()).toEqual([
      'createdate',
      'domain',
      'hs_lastmodifieddate',
      'hs_object_id',
      'name',
    ])
  })

  it('stores renewal dates both as YYYY-MM-DD and as epoch-ms strings, relative to today', async () => {
    const read = async (id: string) =>
      (await call('GET', `/crm/v3/objects/companies/${id}?properties=renewal_date`)).body.properties
        .renewal_date
    expect(await read('5100001')).toBe('2027-06-13')
    expect(await read('5100002')).toBe(String(Date.UTC(2026, 11, 18)))
    expect(await read('5100010')).toBeNull()
  })

  it('answers 404 OBJECT_NOT_FOUND for unknown ids (a Salesforce id included) and hides archived records unless asked', async () => {
    for (const path of [
      '/crm/v3/objects/companies/001000000000001AAA',
      '/crm/v3/objects/contacts/tony@stark.example?idProperty=email',
      '/crm/v3/objects/companies/5100099',
    ]) {
      const { status, body } = await call('GET', path)
      expect(status).toBe(404)
      expect(body).toMatchObject({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      })
    }
    expect((await call('GET', '/crm/v3/objects/companies/5100099?archived=true')).body).toMatchObject({
      id: '5100099',
      archived: true,
    })
    expect((await call('GET', '/crm/v3/objects/companies/x?idProperty=domain')).body).toMatchObject({
      category: 'VALIDATION_ERROR',
    })
  })

  it('reads companies in a batch, reporting the ids it could not find with 207', async () => {
    const complete = await call('POST', '/crm/v3/objects/companies/batch/read', {
      inputs: [{ id: '5100002' }, { id: '5100003' }],
      properties: ['name', 'health_score'],
    })
    expect(complete.status).toBe(200)
    expect(complete.body).toMatchObject({
      status: 'COMPLETE',
      startedAt: expect.any(String),
      completedAt: expect.any(String),
    })
    expect(
      complete.body.results.map((r: { properties: Record<string, string> }) => [
        r.properties['name'],
        r.properties['health_score'],
      ])
    ).toEqual([
      ['Globex Corporation', '38'],
      ['Initech', '62'],
    ])
    const partial = await call('POST', '/crm/v3/objects/companies/batch/read', {
      inputs: [{ id: '5100002' }, { id: '999' }],
    })
    expect(partial.status).toBe(207)
    expect(partial.body).toMatchObject({
      results: [{ id: '5100002' }],
      numErrors: 1,
      errors: [{ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }],
    })
  })
})

describe('HubSpot property history', () => {
  it('answers propertiesWithHistory on a GET by id, newest first, as ValueWithTimestamp entries', async () => {
    const { status, body } = await call(
      'GET',
      '/crm/v3/objects/companies/5100004?properties=name,health_score&propertiesWithHistory=health_score,no_such_property'
    )
    expect(status).toBe(200)
    expect(body.properties).toMatchObject({ name: 'Umbrella Health', health_score: '71' })
    expect(body.propertiesWithHistory).toEqual({
      health_score: [
        {
          value: '71',
          timestamp: '2026-11-21T10:00:00Z',
          sourceType: 'CRM_UI',
          sourceId: 'userId:28604240',
          updatedByUserId: 28604240,
        },
        expect.objectContaining({ value: '79', timestamp: '2026-11-09T10:00:00Z' }),
        expect.objectContaining({ value: '84', timestamp: '2026-07-28T10:00:00Z' }),
        expect.objectContaining({ value: '88' }),
      ],
    })
    // Without the parameter there is no such block; a value never changed has its one version.
    const plain = await call('GET', '/crm/v3/objects/companies/5100003?properties=health_score')
    expect(plain.body).not.toHaveProperty('propertiesWithHistory')
    const initech = await call('GET', '/crm/v3/objects/companies/5100003?propertiesWithHistory=health_score')
    expect(initech.body.propertiesWithHistory).toEqual({
      health_score: [{ value: '62', timestamp: '2024-01-15T09:00:00.000Z', sourceType: 'IMPORT' }],
    })
  })

  it('answers it in a batch read too, and refuses more than 50 inputs with history', async () => {
    const batch = await call('POST', '/crm/v3/objects/companies/batch/read', {
      inputs: [{ id: '5100001' }, { id: '5100004' }],
      properties: ['name'],
      propertiesWithHistory: ['health_score'],
    })
    expect(
      batch.body.results.map((r: { propertiesWithHistory: { health_score: { value: string }[] } }) =>
        r.propertiesWithHistory.health_score.map((v) => v.value)
      )
    ).toEqual([
      ['86', '84', '80'],
      ['71', '79', '84', '88'],
    ])
    const tooMany = await call('POST', '/crm/v3/objects/companies/batch/read', {
      inputs: Array.from({ length: 51 }, (_, i) => ({ id: String(5100001 + i) })),
      propertiesWithHistory: ['health_score'],
    })
    expect(tooMany).toMatchObject({ status: 400, body: { category: 'VALIDATION_ERROR' } })
  })
})

describe('HubSpot search', () => {
  it('matches EQ case-insensitively, without associations, with total and a paging cursor', async () => {
    const first = await searchCompanies({
      ...domainIs('STARK.example'),
      properties: ['name', 'hubspot_owner_id'],
      limit: 1,
      sorts: [{ propertyName: 'name', direction: 'ASCENDING' }],
    })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ total: 2, paging: { next: { after: '1' } } })
    expect(first.body.results[0]).not.toHaveProperty('associations')
    expect(first.body.results[0].properties).toMatchObject({
      name: 'Stark Industries (Americas)',
      hubspot_owner_id: '64490002',
    })
    const second = await searchCompanies({
      ...domainIs('stark.example'),
      properties: ['name'],
      limit: 1,
      after: first.body.paging.next.after,
      sorts: ['name'],
    })
    expect(names(second.body.results)).toEqual(['Stark Industries (EMEA)'])
    expect(second.body).not.toHaveProperty('paging')
  })

  it('leaves archived records out and finds nothing for an unknown domain', async () => {
    expect(
      names((await searchCompanies({ ...domainIs('globex.example'), properties: ['name'] })).body.results)
    ).toEqual(['Globex Corporation'])
    expect((await searchCompanies(domainIs('unknown.example'))).body).toEqual({ total: 0, results: [] })
  })

  it('supports NEQ, IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, GT, and OR between groups', async () => {
    const found = async (...filterGroups: unknown[]) =>
      names(
        (await searchCompanies({ filterGroups, properties: ['name'], sorts: ['name'], limit: 200 })).body
          .results
      )
    const group = (propertyName: string, operator: string, extra: Record<string, unknown> = {}) => ({
      filters: [{ propertyName, operator, ...extra }],
    })
    expect(await found(group('hubspot_owner_id', 'NOT_HAS_PROPERTY'))).toEqual(['Umbrella Health'])
    expect(
      await found(
        group('health_score', 'NOT_HAS_PROPERTY'),
        group('domain', 'EQ', { value: 'initech.example' })
      )
    ).toEqual(['Initech', 'Soylent Partners'])
    expect(await found(group('domain', 'IN', { values: ['globex.example', 'HOSTILE.example'] }))).toEqual([
      '<img src=x onerror=alert(1)> Hostile & Co',
      'Globex Corporation',
    ])
    expect(await found(group('name', 'CONTAINS_TOKEN', { value: 'northwind' }))).toEqual([
      'Northwind Traders',
    ])
    expect(await found(group('domain', 'CONTAINS_TOKEN', { value: '*northwind.example' }))).toEqual([
      'Northwind Traders',
      'Notnorthwind Ltd',
    ])
    expect(await found(group('health_score', 'GT', { value: '85' }))).toEqual([
      'Northwind Traders',
      'Notnorthwind Ltd',
    ])
    const hasDomain = await found({
      filters: [
        { propertyName: 'domain', operator: 'HAS_PROPERTY' },
        { propertyName: 'hubspot_owner_id', operator: 'NEQ', value: '64490001' },
      ],
    })
    expect(hasDomain).toEqual([
      '<img src=x onerror=alert(1)> Hostile & Co',
      'Globex Corporation',
      'Initech',
      'Notnorthwind Ltd',
      'Stark Industries (Americas)',
      'Umbrella Health',
    ])
  })

  it('finds contacts by email and returns the default contact properties without a list', async () => {
    const { body } = await call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'Hank@Globex.example' }] }],
    })
    expect(body.total).toBe(1)
    expect(Object.keys(body.results[0].properties).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ])
  })

  it.each([
    [
      'six filter groups',
      { filterGroups: Array.from({ length: 6 }, () => domainIs('a').filterGroups[0]) },
      'TOO_MANY_FILTER_GROUPS',
    ],
    [
      'eleven filters in a group',
      {
        filterGroups: [
          { filters: Array.from({ length: 11 }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' })) },
        ],
      },
      'TOO_MANY_FILTERS_IN_GROUP',
    ],
    [
      'twenty-six filters in all',
      {
        filterGroups: [6, 5, 5, 5, 5].map((n) => ({
          filters: Array.from({ length: n }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' })),
        })),
      },
      'TOO_MANY_FILTERS',
    ],
    ['a page of 201', { limit: 201 }, 'INVALID_LIMIT'],
    [
      'an unknown property',
      domainIs('x').filterGroups.map(() => ({
        filters: [{ propertyName: 'website', operator: 'EQ', value: 'x' }],
      })),
      'PROPERTY_DOESNT_EXIST',
    ],
    [
      'IN without values',
      { filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN' }] }] },
      'MISSING_VALUES',
    ],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_, request, code) => {
    const body = Array.isArray(request) ? { filterGroups: request } : request
    const { status, body: error } = await searchCompanies(body)
    expect(status).toBe(400)
    expect(error).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      errors: [expect.objectContaining({ code })],
    })
  })

  it('accepts exactly the documented maximum of filters', async () => {
    const groups = [5, 5, 5, 5, 5].map((n) => ({
      filters: Array.from({ length: n }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' })),
    }))
    expect((await searchCompanies({ filterGroups: groups, limit: 200 })).body.total).toBe(9)
  })
})

describe('HubSpot owners and headers', () => {
  it('reads an owner by id as PublicOwner, hostile name untouched, and 404 for an unknown one', async () => {
    const { body } = await call('GET', '/crm/v3/owners/64490004')
    expect(body).toMatchObject({
      id: '64490004',
      firstName: '<script>alert("csm")</script> Eve',
      lastName: "O'Hara",
      email: 'eve@successbridge.example',
      type: 'PERSON',
      archived: false,
    })
    expect((await call('GET', '/crm/v3/owners/9586502?idProperty=userId')).body.lastName).toBe('Oyelaran')
    expect(await call('GET', '/crm/v3/owners/1')).toMatchObject({
      status: 404,
      body: { category: 'OBJECT_NOT_FOUND' },
    })
  })

  it('lists owners by email', async () => {
    const { body } = await call('GET', '/crm/v3/owners/?email=Dana.Whitfield@successbridge.example')
    expect(body.results.map((o: { id: string }) => o.id)).toEqual(['64490001'])
    expect((await call('GET', '/crm/v3/owners?email=nobody@x.example')).body).toEqual({ results: [] })
  })

  it('puts rate-limit headers on every answer but search ones; all carry a correlation id', async () => {
    const read = await call('GET', '/crm/v3/owners/64490001')
    expect(read.headers.get('x-hubspot-ratelimit-max')).toBe('190')
    expect(read.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000')
    expect(Number(read.headers.get('x-hubspot-ratelimit-remaining'))).toBeLessThan(190)
    expect(read.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('649999')
    const found = await searchCompanies(domainIs('globex.example'))
    expect([...found.headers.keys()].filter((name) => name.startsWith('x-hubspot-ratelimit'))).toEqual([])
    expect(found.headers.get('x-hubspot-correlation-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('records the JSON body of searches in the request log', async () => {
    await searchCompanies(domainIs('globex.example'))
    expect(JSON.parse(crm.requests()[0]?.body ?? '')).toEqual(domainIs('globex.example'))
  })
})
