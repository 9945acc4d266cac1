import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'

const cases: BrokenCase[] = [
  {
    name: 'a file named after no locale',
    expected: 'error translations/invalid-locale',
    breakIt: (pkg) => pkg.writeJson('translations/german.json', { app: {} }),
  },
  {
    name: 'a file that is not JSON',
    expected: 'error translations/not-json',
    breakIt: (pkg) => pkg.write('translations/de.json', '{"app": {'),
  },
  {
    name: 'a file that is a JSON array',
    expected: 'error translations/not-json-object',
    breakIt: (pkg) => pkg.write('translations/de.json', '[]'),
  },
  {
    name: 'UI strings outside app',
    expected: 'warning translations/extra-keys',
    breakIt: (pkg) => pkg.editJson('translations/de.json', (json) => (json['card'] = { title: 'Konto' })),
  },
  {
    name: 'no English file (default locale German)',
    expected: 'error translations/missing-en',
    breakIt: (pkg) => pkg.manifest((m) => (m['defaultLocale'] = 'de')).remove('translations/en.json'),
  },
  {
    name: 'no long_description',
    expected: 'error translations/missing-key',
    breakIt: (pkg) => pkg.app('en', (app) => delete app['long_description']),
  },
  {
    name: 'no app.name',
    expected: 'error translations/missing-key',
    breakIt: (pkg) => pkg.app('en', (app) => delete app['name']),
  },
  {
    name: 'blank installation_instructions',
    expected: 'error translations/empty-key',
    breakIt: (pkg) => pkg.app('en', (app) => (app['installation_instructions'] = '  ')),
  },
  {
    name: 'a name over 40 characters',
    expected: 'error translations/name-too-long',
    breakIt: (pkg) => pkg.app('en', (app) => (app['name'] = 'Fixture App That Shows Every Account Detail')),
  },
  {
    name: 'a name with the Zendesk trademark',
    expected: 'warning translations/trademark-in-name',
    breakIt: (pkg) => pkg.app('en', (app) => (app['name'] = 'Fixture for Zendesk')),
  },
  {
    name: 'a short description over 80 characters',
    expected: 'error translations/short-description-too-long',
    breakIt: (pkg) =>
      pkg.app(
        'en',
        (app) =>
          (app['short_description'] =
            'Shows the customer account, the CSM, health, renewal and ARR on every single ticket.')
      ),
  },
  {
    name: 'a setting without a label',
    expected: 'error translations/missing-parameter-label',
    breakIt: (pkg) =>
      pkg.app('en', (app) => delete (app['parameters'] as Record<string, unknown>)['risk_below']),
  },
]

describe('translations', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it('counts characters, not UTF-16 units, against the 80-character limit', () => {
    const eighty = `${'é'.repeat(40)}${'😀'.repeat(40)}`
    expect(findingsAfter((pkg) => pkg.app('en', (app) => (app['short_description'] = eighty)))).toEqual([])
  })

  it('accepts the legacy description key and per-product sections', () => {
    expect(
      findingsAfter((pkg) =>
        pkg.app('en', (app) => {
          app['description'] = app['short_description']
          delete app['short_description']
        })
      )
    ).toEqual([])
    expect(
      findingsAfter((pkg) =>
        pkg.app('en', (app) => {
          app['support'] = {
            name: 'Fixture App',
            short_description: 's',
            long_description: 'l',
            installation_instructions: 'i',
          }
        })
      )
    ).toEqual([])
  })

  it('leaves labels in other locales optional (Zendesk falls back to the default locale)', () => {
    expect(findingsAfter((pkg) => pkg.app('de', (app) => delete app['parameters']))).toEqual([])
  })
})
