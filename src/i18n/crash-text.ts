import { resolveLocale } from './resolve-locale'

/** Each locale's `crash` messages, put into the entry chunk at build time (vite.config.ts). */
export type CrashTexts = Readonly<Record<string, { readonly title: string; readonly body: string }>>

/**
 * What the app says when its code cannot load at all (a chunk failed: network, a deploy in
 * progress), in the agent's language. It lives in the entry chunk, so it carries only these two
 * strings per locale, not a whole translation file.
 */
export function crashText(
  texts: CrashTexts,
  requested: unknown
): { readonly lang: string; readonly text: string } {
  const lang = resolveLocale(typeof requested === 'string' ? requested : null, Object.keys(texts))
  const messages = texts[lang] ?? texts['en']
  return { lang, text: messages ? `${messages.title}. ${messages.body}` : '' }
}
