import { describe, expect, it } from 'vitest'
import en from '../../translations/en.json'
import { createTranslator } from './translator'
import { resolveLocale } from './locale'

describe('createTranslator', () => {
  const t = createTranslator('en', en)

  it('fills placeholders and treats values as plain text', () => {
    expect(t.t('ui.card.openInCrm', { name: '<b>Acme</b>' })).toBe('Open <b>Acme</b> in the CRM')
  })

  it('chooses plural forms by the locale’s rules', () => {
    expect(t.plural('ui.card.renewsIn', 1)).toBe('in 1 day')
    expect(t.plural('ui.card.renewsIn', 23)).toBe('in 23 days')
  })

  it('falls back to English for missing keys and shows the key when nothing has it', () => {
    const german = createTranslator('de', { ui: { card: { csm: 'CSM (de)' } } }, en)
    expect(german.t('ui.card.csm')).toBe('CSM (de)')
    expect(german.t('ui.card.health')).toBe('Health')
    expect(german.t('ui.nope')).toBe('ui.nope')
  })
})

describe('resolveLocale', () => {
  it('falls back from region to language to English', () => {
    expect(resolveLocale('pt-BR', ['en', 'pt-BR', 'de'])).toBe('pt-BR')
    expect(resolveLocale('de-AT', ['en', 'pt-BR', 'de'])).toBe('de')
    expect(resolveLocale('sv', ['en', 'de'])).toBe('en')
    expect(resolveLocale(undefined, ['en'])).toBe('en')
  })
})
