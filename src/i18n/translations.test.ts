import { describe, expect, it } from 'vitest'
import en from '../../translations/en.json'
import { SUPPORTED_LOCALES, loadMessages } from './locale'
import type { Messages } from './translator'

/** Every leaf key with its placeholders. */
function leaves(messages: Messages, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string')
      out.set(path, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort())
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

/**
 * Keys English alone has: the Marketplace listing, which Zendesk shows only in English
 * (scripts/validate/rules/translations.ts). Everything else in en.json (the app's own texts, `ui`
 * and the entry's `crash`, and each setting's label and help) must be in every locale.
 */
const ENGLISH_ONLY = [
  'app.name',
  'app.short_description',
  'app.long_description',
  'app.installation_instructions',
]
const english = new Map([...leaves(en)].filter(([key]) => !ENGLISH_ONLY.includes(key)))

describe('translations', () => {
  it('compare the whole English file, crash texts included', () => {
    expect([...english.keys()]).toEqual(
      expect.arrayContaining(['crash.title', 'crash.body', 'ui.card.health'])
    )
    expect(
      [...english.keys()].filter((key) => key.startsWith('app.') && !key.startsWith('app.parameters.'))
    ).toEqual([])
  })

  it('ship the locales the product supports', () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt-BR'])
  })

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has every string English has (ui, crash, setting labels and help), with the same placeholders`, async () => {
      const messages = await loadMessages(locale)
      expect(messages).not.toBeNull()
      const keys = leaves(messages as Messages)
      expect([...english.keys()].filter((key) => !keys.has(key))).toEqual([])
      expect([...keys.keys()].filter((key) => !english.has(key))).toEqual([])
      for (const [key, placeholders] of english) expect([key, keys.get(key)]).toEqual([key, placeholders])
    })
  }
})
