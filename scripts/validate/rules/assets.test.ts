import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { solidPng } from '../fixtures/png'

const cases: BrokenCase[] = [
  {
    name: 'no logo.png',
    expected: 'error assets/missing-logo',
    breakIt: (pkg) => pkg.remove('assets/logo.png'),
  },
  {
    name: 'no logo-small.png',
    expected: 'error assets/missing-logo',
    breakIt: (pkg) => pkg.remove('assets/logo-small.png'),
  },
  {
    name: 'logo.png that is really an SVG',
    expected: 'error assets/logo-not-png',
    breakIt: (pkg) => pkg.write('assets/logo.png', '<svg xmlns="http://www.w3.org/2000/svg"/>'),
  },
  {
    name: 'logo.png at 256x256',
    expected: 'error assets/logo-size',
    breakIt: (pkg) => pkg.write('assets/logo.png', solidPng(256, 256)),
  },
  {
    name: 'logo-small.png at 128x127',
    expected: 'error assets/logo-size',
    breakIt: (pkg) => pkg.write('assets/logo-small.png', solidPng(128, 127)),
  },
  {
    name: 'a banner at the wrong size',
    expected: 'error assets/banner',
    breakIt: (pkg) => pkg.write('assets/banner.png', solidPng(800, 200)),
  },
  {
    name: 'an SVG without svg markup',
    expected: 'error assets/invalid-svg',
    breakIt: (pkg) => pkg.write('assets/logo.svg', 'not an image'),
  },
  {
    name: 'an SVG with an embedded bitmap',
    expected: 'warning assets/bitmap-in-svg',
    breakIt: (pkg) =>
      pkg.write(
        'assets/logo.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,iVBORw0KGgo="/></svg>'
      ),
  },
  {
    name: 'an SVG with a comment (Zendesk strips it and warns)',
    expected: 'warning assets/sanitised-svg',
    breakIt: (pkg) =>
      pkg.write(
        'assets/logo.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><!-- a bridge --><circle r="4"/></svg>'
      ),
  },
  {
    name: 'an SVG with a script',
    expected: 'warning assets/sanitised-svg',
    breakIt: (pkg) =>
      pkg.write(
        'assets/logo.svg',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'
      ),
  },
]

describe('assets', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it.each([
    [830, 200],
    [1660, 400],
  ])('accepts a %ix%i banner', (width, height) => {
    expect(findingsAfter((pkg) => pkg.write('assets/banner.png', solidPng(width, height)))).toEqual([])
  })
})
