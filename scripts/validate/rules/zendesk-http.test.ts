import { describe, expect, it } from 'vitest'
import { findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { ValidPackage } from '../fixtures/valid-package'
import { validatePackage } from '../validate-package'

const js =
  (code: string): BrokenCase['breakIt'] =>
  (pkg) =>
    pkg.write('assets/extra.js', code)

const cases: BrokenCase[] = [
  {
    name: 'an http endpoint in JS',
    expected: 'warning zendesk/insecure-http',
    breakIt: js('get("http://a.example/v1")'),
  },
  {
    name: "a bare 'http:' protocol comparison",
    expected: 'warning zendesk/insecure-http',
    breakIt: js('const ok = url.protocol === `https:` || url.protocol === `http:`'),
  },
  {
    name: '`http:` inside a word',
    expected: 'warning zendesk/insecure-http',
    breakIt: js('const xhttp=1,a={xhttp:2}'),
  },
  {
    name: 'an http URL in HTML text',
    expected: 'warning zendesk/insecure-http',
    breakIt: (pkg) =>
      pkg.write(
        'assets/index.html',
        '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body>see http://a.example</body></html>'
      ),
  },
  {
    name: 'an http URL in a .jsx file',
    expected: 'warning zendesk/insecure-http',
    breakIt: (pkg) => pkg.write('assets/a.jsx', 'http://a'),
  },
]

describe('zendesk http (Zendesk’s own insecure-HTTP warning)', () => {
  it.each(cases)('$name → $expected', ({ breakIt, expected }) => {
    expect(findingsAfter(breakIt)).toEqual([expected])
  })

  it.each([
    [
      'in CSS (Zendesk scans only JS and HTML)',
      (pkg: ValidPackage) => pkg.write('assets/a.css', '/* http://a.example */'),
    ],
    ['in upper case (Zendesk matches http: case-sensitively)', js('const u="HTTP://A.EXAMPLE"')],
    ['as https', js('get("https://a.example/v1")')],
  ])('says nothing about http %s', (_name, breakIt) => {
    expect(findingsAfter(breakIt)).toEqual([])
  })

  it('gives one warning per file listing each match once, and notes when all come from libraries', () => {
    const pkg = new ValidPackage()
    try {
      const react =
        'switch(e){case`svg`:return`http://www.w3.org/2000/svg`;default:return`http://www.w3.org/1999/xhtml`}'
      const axios =
        'const origin=hasBrowserEnv&&window.location.href||`http://localhost`;const ca={http:null,xhr:!1,fetch:{}};'
      pkg.write('assets/vendor.js', `${react}\n${react}\n${axios}`)
      pkg.write('assets/ours.js', `${axios}\nif(u.protocol===\`http:\`)warn()`)
      const found = validatePackage(pkg.dir)
      expect(found.map(({ file, message }) => [file, message])).toEqual([
        [
          'assets/ours.js',
          'Possible insecure HTTP request to http://localhost, http:null,xhr:!1,fetch:, http: in assets/ours.js. Consider using the HTTPS protocol instead.',
        ],
        [
          'assets/vendor.js',
          'Possible insecure HTTP request to http://www.w3.org/2000/svg (2×), http://www.w3.org/1999/xhtml (2×), http://localhost, http:null,xhr:!1,fetch: in assets/vendor.js. Consider using the HTTPS protocol instead.',
        ],
      ])
      // Our own `http:` comparison is not excused by the axios strings beside it.
      expect(found[0]?.note).toBeUndefined()
      expect(found[1]?.note).toMatch(/^From bundled libraries, harmless: React DOM: .*; axios: .*\.$/)
    } finally {
      pkg.dispose()
    }
  })
})
