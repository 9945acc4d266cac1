import type { Messages } from './translator'

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

/** `de-AT` → `de-AT`, else `de`, else `en`: the most specific locale we have. */
export function resolveLocale(requested: string | null | undefined, available: readonly string[]): string {
  if (!requested) return 'en'
  const normalised = requested.replace('_', '-')
  const exact = available.find((locale) => locale.toLowerCase() === normalised.toLowerCase())
  if (exact) return exact
  const language = normalised.split('-')[0]?.toLowerCase()
  return available.find((locale) => locale.toLowerCase() === language) ?? 'en'
}

export async function loadMessages(locale: string): Promise<Messages | null> {
  const load = loaders[locale]
  return load ? (await load()).default : null
}
