import { describe, expect, it } from 'vitest'
import { findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { ValidPackage } from '../fixtures/valid-package'
import { validatePackage } from '../validate-package'

const html = (head: string) =>
  `<!doctype html><html><head>${head}<script type="module" src="./main.js"></script></head><body></body></html>`
const appendJs = (pkg: ValidPackage, code: string) => pkg.write('assets/extra.js', code)

const cases: BrokenCase[] = [
  {
    name: 'an http script in HTML',
    expected: 'error http/insecure-url',
    breakIt: (pkg) =>
      pkg.write('assets/index.html', html('<script src="http://cdn.example/lib.js"></script>')),
  },
  {
    name: 'an http stylesheet link',
    expected: 'error http/insecure-url',
    breakIt: (pkg) =>
      pkg.write('assets/index.html', html("<link rel=stylesheet href='http://cdn.example/a.css'>")),
  },
  {
    name: 'an http background in CSS',
    expected: 'error http/insecure-url',
    breakIt: (pkg) => pkg.write('assets/main.css', '.a{background:url(http://cdn.example/bg.png)}'),
  },
  {
    name: 'an http image in an SVG',
    expected: 'error http/insecure-url',
    breakIt: (pkg) =>
      pkg.write(
        'assets/logo.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><use href="http://cdn.example/i.svg#a"/></svg>'
      ),
  },
  {
    name: 'an http link in the listing text',
    expected: 'error http/insecure-url',
    breakIt: (pkg) =>
      pkg.app('en', (app) => (app['installation_instructions'] = 'See http://fixture.example/setup.')),
  },
  {
    name: 'an http URL in the manifest',
    expected: 'error http/insecure-url',
    breakIt: (pkg) => pkg.manifest((m) => (m['termsConditionsURL'] = 'http://fixture.example/terms')),
  },
  {
    name: 'an http endpoint in JS',
    expected: 'warning http/insecure-url',
    breakIt: (pkg) => appendJs(pkg, 'fetch("http://api.crm.example/v1/accounts")'),
  },
  {
    name: 'an http localhost with a port in JS',
    expected: 'warning http/insecure-url',
    breakIt: (pkg) => appendJs(pkg, 'const dev="http://localhost:3000/api"'),
  },
  {
    name: 'an fb.me link that is not the documented one',
    expected: 'warning http/insecure-url',
    breakIt: (pkg) => appendJs(pkg, 'const x="http://fb.me/react-polyfills"'),
  },
]

describe('insecure http', () => {
  it.each(cases)('$name → $expected', ({ breakIt, expected }) => {
    expect(findingsAfter(breakIt)).toEqual([expected])
  })

  it('lets namespace URIs and the documented React/axios strings through', () => {
    const libraryStrings = [
      'e.createElementNS("http://www.w3.org/2000/svg","svg")',
      'const xlink="http://www.w3.org/1999/xlink", xml="http://www.w3.org/XML/1998/namespace", mathml="http://www.w3.org/1998/Math/MathML", xhtml="http://www.w3.org/1999/xhtml";',
      'const origin=hasBrowserEnv&&window.location.href||"http://localhost";',
      'throw Error("Calling PropTypes validators directly is not supported. Read more at http://fb.me/use-check-prop-types")',
    ].join('\n')
    expect(findingsAfter((pkg) => appendJs(pkg, libraryStrings))).toEqual([])
  })

  it('names every flagged URL once, in Zendesk wording', () => {
    const pkg = new ValidPackage()
    try {
      appendJs(pkg, 'get("http://a.example/x"); get("http://a.example/x"); get("http://b.example/y").')
      expect(validatePackage(pkg.dir)).toEqual([
        {
          rule: 'http/insecure-url',
          severity: 'warning',
          file: 'assets/extra.js',
          message:
            'Possible insecure HTTP request to http://a.example/x, http://b.example/y in assets/extra.js. Consider using the HTTPS protocol instead.',
        },
      ])
    } finally {
      pkg.dispose()
    }
  })
})
