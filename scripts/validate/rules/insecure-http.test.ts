import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { ValidPackage } from '../fixtures/valid-package'
import { validatePackage } from '../validate-package'

const html = (head: string) =>
  `<!doctype html><html><head>${head}<script type="module" src="./main.js"></script></head><body></body></html>`
const appendJs = (pkg: ValidPackage, code: string) => pkg.write('assets/extra.js', code)

const cases: BrokenCase[] = [
  {
    name: 'an http script in HTML',
    expected: 'error http/insecure-url',
    zendeskAlso: ['warning zendesk/insecure-http'],
    breakIt: (pkg) =>
      pkg.write('assets/index.html', html('<script src="http://cdn.example/lib.js"></script>')),
  },
  {
    name: 'an http stylesheet link',
    expected: 'error http/insecure-url',
    zendeskAlso: ['warning zendesk/insecure-http'],
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
    zendeskAlso: ['warning assets/sanitised-svg'],
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
]

describe('insecure http', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it('leaves http strings in JS that nothing loads to the zendesk-http warning', () => {
    expect(findingsAfter((pkg) => appendJs(pkg, 'fetch("http://api.crm.example/v1/accounts")'))).toEqual([
      'warning zendesk/insecure-http',
    ])
  })

  it('names every flagged URL once, in Zendesk wording', () => {
    const pkg = new ValidPackage()
    try {
      pkg.write(
        'assets/index.html',
        html(
          '<img src="http://a.example/x.png"><img src="http://a.example/x.png"><img src="http://b.example/y.png">'
        )
      )
      expect(validatePackage(pkg.dir)[0]).toEqual({
        rule: 'http/insecure-url',
        severity: 'error',
        file: 'assets/index.html',
        message:
          'Possible insecure HTTP request to http://a.example/x.png, http://b.example/y.png in assets/index.html. Consider using the HTTPS protocol instead.',
      })
    } finally {
      pkg.dispose()
    }
  })
})
