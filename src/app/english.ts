import en from '../../translations/en.json'
import { createTranslator } from '../i18n/translator'

/** English, always bundled: the fallback for every other locale and the language of the first paint. */
export const englishMessages = en
export const englishTranslator = createTranslator('en', en)
