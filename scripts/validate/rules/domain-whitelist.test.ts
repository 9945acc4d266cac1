import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { hostProblem } from './domain-whitelist'

const whitelist =
  (entries: unknown): BrokenCase['breakIt'] =>
  (pkg) =>
    pkg.manifest((m) => (m['domainWhitelist'] = entries))

const cases: BrokenCase[] = [
  {
    name: 'not an array of strings',
    expected: 'error domain-whitelist/invalid-type',
    breakIt: whitelist('api.crm.example'),
  },
  {
    name: 'an entry with a scheme',
    expected: 'error domain-whitelist/invalid-host',
    breakIt: whitelist(['https://api.crm.example']),
  },
  {
    name: 'the same host twice',
    expected: 'warning domain-whitelist/duplicate',
    breakIt: whitelist(['api.crm.example', 'api.crm.example']),
  },
  {
    name: 'secure settings and no domains',
    expected: 'error domain-whitelist/missing',
    breakIt: (pkg) => pkg.manifest((m) => delete m['domainWhitelist']),
  },
]

describe('domainWhitelist', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it.each([
    ['api.crm.example/v1', 'path'],
    ['api.crm.example:8443', 'port'],
    ['API.crm.example', 'lower-case'],
    ['*', 'wildcard'],
    ['*.com', 'two labels'],
    ['api.*.example', 'first label'],
    ['crm_host.example', 'not a host name'],
    ['localhost', 'not a host name'],
  ])('refuses %s (%s)', (entry, reason) => {
    expect(hostProblem(entry)).toContain(reason)
  })

  it.each(['api.hubapi.com', '*.my.salesforce.com', 'crm-eu.internal.example.co.uk'])(
    'accepts %s',
    (entry) => {
      expect(hostProblem(entry)).toBeNull()
    }
  )
})
