import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'

type Json = Record<string, unknown>
const support = (manifest: Json) => (manifest['location'] as Json)['support'] as Json
const sidebar = (manifest: Json) => support(manifest)['ticket_sidebar'] as Json

const cases: BrokenCase[] = [
  {
    name: 'location is a string',
    expected: 'error location/invalid',
    breakIt: (pkg) => pkg.manifest((m) => (m['location'] = 'assets/index.html')),
  },
  {
    name: 'unknown host',
    expected: 'error location/invalid-host',
    breakIt: (pkg) => pkg.manifest((m) => (m['location'] = { helpdesk: support(m) })),
  },
  {
    name: 'unknown location name',
    expected: 'error location/invalid-location',
    breakIt: (pkg) => pkg.manifest((m) => (support(m)['ticket_sidebar_left'] = { url: 'assets/index.html' })),
  },
  {
    name: 'flexible is a string',
    expected: 'error location/invalid-option',
    breakIt: (pkg) => pkg.manifest((m) => (sidebar(m)['flexible'] = 'yes')),
  },
  {
    name: 'no url',
    expected: 'error location/blank-url',
    breakIt: (pkg) => pkg.manifest((m) => delete sidebar(m)['url']),
  },
  {
    name: 'relative url outside assets/',
    expected: 'error location/invalid-url',
    breakIt: (pkg) => pkg.manifest((m) => (sidebar(m)['url'] = 'index.html')),
  },
  {
    name: 'url names a file the package lacks',
    expected: 'error location/missing-asset',
    breakIt: (pkg) => pkg.manifest((m) => (sidebar(m)['url'] = 'assets/sidebar.html')),
  },
  {
    name: 'url over plain http',
    expected: 'error location/insecure-url',
    breakIt: (pkg) => pkg.manifest((m) => (sidebar(m)['url'] = 'http://app.fixture.example/sidebar')),
  },
  {
    name: 'url on localhost in a Marketplace package',
    expected: 'error location/localhost-url',
    breakIt: (pkg) => pkg.manifest((m) => (sidebar(m)['url'] = 'http://localhost:3000/')),
  },
  {
    name: 'nav_bar without its icon',
    expected: 'error location/missing-icon',
    breakIt: (pkg) => pkg.manifest((m) => (support(m)['nav_bar'] = 'assets/index.html')),
  },
]

describe('locations', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it.each([
    ['a query string on an asset URL', 'assets/index.html?location=user_sidebar'],
    ['an absolute https URL', 'https://app.fixture.example/sidebar'],
    ['a URL built from a setting', '{{setting.app_url}}/sidebar'],
  ])('accepts %s', (_name, url) => {
    expect(findingsAfter((pkg) => pkg.manifest((m) => (sidebar(m)['url'] = url)))).toEqual([])
  })

  it('lets a private check through with a localhost URL, as Zendesk does for local development', () => {
    const breakIt = (pkg: Parameters<BrokenCase['breakIt']>[0]) =>
      pkg.manifest((m) => (sidebar(m)['url'] = 'http://localhost:3000/'))
    expect(findingsAfter(breakIt, { marketplace: false })).toEqual([])
  })

  it('accepts the legacy "zendesk" host and a bare URL string', () => {
    expect(
      findingsAfter((pkg) =>
        pkg.manifest((m) => (m['location'] = { zendesk: { user_sidebar: 'assets/index.html' } }))
      )
    ).toEqual([])
  })
})
