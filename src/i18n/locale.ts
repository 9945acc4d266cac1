import { resolveLocale } from './resolve-locale'
import { createTranslator, type Messages, type Translator } from './translator'

export { resolveLocale }

// English is bundled (it is every locale's fallback); each other locale is its own chunk, loaded
// only for agents who use it. Files are translations/<locale>.json, the names Zendesk uses.
const files = import.meta.glob<{ default: Messages }>([
  '../../translations/*.json',
  '!../../translations/en.json',
])
const loaders: Record<string, () => Promise<{ default: Messages }>> = Object.fromEntries(
  Object.entries(files).map(([path, load]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), load])
)

/** The locales the app has messages for; English is always available. */
export const SUPPORTED_LOCALES = ['en', ...Object.keys(loaders)] as const

export async function loadMessages(locale: string): Promise<Messages | null> {
  const load = loaders[locale]
  return load ? (await load()).default : null
}

/**
 * The agent's translator. Messages come from the closest locale we ship (region → language →
 * English). Numbers, dates, plural rules and text direction follow the agent's own locale when the
 * messages are in the agent's language (`de-AT` reads German with Austrian dates), and otherwise
 * the language actually shown: a Hebrew-speaking agent, until Hebrew ships, reads English laid out
 * left to right with English dates, not English sentences in a right-to-left frame around a Hebrew
 * date ("18 בדצמ׳ 2026 in 23 days").
 */
export async function agentTranslator(requested: unknown, english: Messages): Promise<Translator> {
  const agentLocale = canonicalLocale(requested)
  if (!agentLocale) return createTranslator('en', english)
  const wanted = resolveLocale(agentLocale, SUPPORTED_LOCALES)
  const messages = wanted === 'en' ? null : await loadMessages(wanted).catch(() => null)
  const shown = messages ? wanted : 'en'
  const formats = languageOf(agentLocale) === languageOf(shown) ? agentLocale : shown
  return createTranslator(formats, messages ?? english, english, shown)
}

const languageOf = (locale: string): string => locale.split('-')[0]?.toLowerCase() ?? ''

function canonicalLocale(requested: unknown): string | null {
  if (typeof requested !== 'string' || !requested.trim()) return null
  try {
    return Intl.getCanonicalLocales(requested.replace('_', '-'))[0] ?? null
  } catch {
    return null
  }
}
