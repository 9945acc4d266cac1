import { describe, expect, it } from 'vitest'
import en from '../../translations/en.json'
import { createTranslator } from './translator'
import { agentTranslator, resolveLocale } from './locale'

describe('createTranslator', () => {
  const t = createTranslator('en', en)

  it('fills placeholders and treats values as plain text', () => {
    expect(t.t('ui.escalation.done', { name: '<b>Acme</b>' })).toBe('Escalated to <b>Acme</b>')
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

describe('names in a right-to-left script', () => {
  it('are isolated inside a sentence, the text form of <bdi>; left-to-right names are left alone', () => {
    const t = createTranslator('en', { done: 'Escalated to {{name}}, {{when}}' })
    expect(t.t('done', { name: 'מרקוס אויללרן', when: '2 days ago' })).toBe(
      'Escalated to \u2068מרקוס אויללרן\u2069, 2 days ago'
    )
    expect(t.t('done', { name: 'محمد', when: 'now' })).toBe('Escalated to \u2068محمد\u2069, now')
    expect(t.t('done', { name: 'Marcus Oyelaran', when: '2 days ago' })).toBe(
      'Escalated to Marcus Oyelaran, 2 days ago'
    )
  })
})

describe('resolveLocale', () => {
  it('falls back from region to language to English', () => {
    expect(resolveLocale('pt-BR', ['en', 'pt-BR', 'de'])).toBe('pt-BR')
    expect(resolveLocale('de-AT', ['en', 'pt-BR', 'de'])).toBe('de')
    expect(resolveLocale('sv', ['en', 'de'])).toBe('en')
    expect(resolveLocale(undefined, ['en'])).toBe('en')
  })

  it('reads another region of the agent’s language before English: pt-PT gets pt-BR', () => {
    expect(resolveLocale('pt-PT', ['en', 'pt-BR', 'de'])).toBe('pt-BR')
    expect(resolveLocale('pt', ['en', 'pt-BR'])).toBe('pt-BR')
    expect(resolveLocale('de_CH', ['en', 'de'])).toBe('de')
    expect(resolveLocale('ptx', ['en', 'pt-BR'])).toBe('en')
  })
})

describe('agentTranslator', () => {
  const formats = async (requested: unknown) => {
    const translator = await agentTranslator(requested, en)
    return [translator.locale, translator.language]
  }

  it('formats in the agent’s locale when it shows the agent’s language', async () => {
    expect(await formats('de-AT')).toEqual(['de-AT', 'de'])
    expect(await formats('pt_BR')).toEqual(['pt-BR', 'pt-BR'])
    expect(await formats('en-GB')).toEqual(['en-GB', 'en'])
    expect(await formats('ja')).toEqual(['ja', 'ja'])
  })

  it('formats in English when it falls back to English, so direction and dates match the text', async () => {
    expect(await formats('he')).toEqual(['en', 'en'])
    expect(await formats('ar-EG')).toEqual(['en', 'en'])
    expect(await formats('sv_SE')).toEqual(['en', 'en'])
    expect(await formats(undefined)).toEqual(['en', 'en'])
    expect(await formats('not a locale!')).toEqual(['en', 'en'])
  })
})
