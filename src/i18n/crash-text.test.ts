import { describe, expect, it } from 'vitest'
import { crashText, type CrashTexts } from './crash-text'

// The same texts vite.config.ts puts into the entry chunk: every translation file's `crash`.
const files = import.meta.glob<{ crash: { title: string; body: string } }>('../../translations/*.json', {
  eager: true,
  import: 'default',
})
const texts: CrashTexts = Object.fromEntries(
  Object.entries(files).map(([path, messages]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), messages.crash])
)

describe('crashText', () => {
  it('speaks the agent’s language, with the language named for screen readers', () => {
    expect(crashText(texts, 'de')).toEqual({
      lang: 'de',
      text: 'Etwas ist schiefgelaufen. In der App ist ein unerwarteter Fehler aufgetreten. Laden Sie die Seite neu, um es noch einmal zu versuchen.',
    })
    expect(crashText(texts, 'ja').text).toContain('問題が発生しました')
    expect(crashText(texts, 'pt-PT').lang).toBe('pt-BR')
  })

  it('falls back to English for a language it lacks or a locale Zendesk did not give', () => {
    const english = 'Something went wrong. The app hit an unexpected problem. Reload the page to try again.'
    expect(crashText(texts, 'he')).toEqual({ lang: 'en', text: english })
    expect(crashText(texts, undefined)).toEqual({ lang: 'en', text: english })
    expect(crashText(texts, 42)).toEqual({ lang: 'en', text: english })
  })

  it('has both strings in every shipped locale', () => {
    for (const [locale, messages] of Object.entries(texts)) {
      expect(messages.title, locale).toMatch(/\S/)
      expect(messages.body, locale).toMatch(/\S/)
    }
    expect(Object.keys(texts).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt-BR'])
  })
})
