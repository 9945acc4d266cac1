import { describe, expect, it } from 'vitest'
import en from '../../translations/en.json'
import { SUPPORTED_LOCALES, loadMessages } from './locale'
import type { Messages } from './translator'

/** Every leaf key with its placeholders, for the parts of a file the app and Zendesk read. */
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

const translated = (messages: Messages & { app?: { parameters?: Messages } }): Messages => ({
  ui: (messages['ui'] ?? {}) as Messages,
  parameters: (messages.app?.parameters ?? {}) as Messages,
})
const english = leaves(translated(en))

describe('translations', () => {
  it('ship the locales the product supports', () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt-BR'])
  })

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has every UI string and parameter label, with the same placeholders`, async () => {
      const messages = await loadMessages(locale)
      expect(messages).not.toBeNull()
      const keys = leaves(translated(messages as Messages))
      expect([...english.keys()].filter((key) => !keys.has(key))).toEqual([])
      expect([...keys.keys()].filter((key) => !english.has(key))).toEqual([])
      for (const [key, placeholders] of english) expect([key, keys.get(key)]).toEqual([key, placeholders])
    })
  }
})
