/** Nested translation messages as they sit in `translations/<locale>.json`. */
export type Messages = { readonly [key: string]: string | Messages }
export type Vars = Readonly<Record<string, string | number>>

export interface Translator {
  /**
   * Numbers, dates, plural rules and direction follow it: the agent's locale when the messages are in
   * the agent's language, else the language shown (see `agentTranslator`).
   */
  readonly locale: string
  /** The language the messages are in (the closest one shipped), for the `lang` attribute. */
  readonly language: string
  /** The message at a dotted key with `{{name}}` placeholders filled. Never throws: a missing key shows the key. */
  t(key: string, vars?: Vars): string
  /** Picks `<key>.one`, `.other`, … by the locale's plural rules for `count`, which is also `{{count}}`. */
  plural(key: string, count: number, vars?: Vars): string
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/

/**
 * A value from the CRM or Zendesk (a CSM's or account's name) inside a sentence: one written in a
 * right-to-left script is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the text form
 * of `<bdi>`, so "Escalated to מרקוס, 2 days ago" keeps its comma and its words in order.
 * Left-to-right values stay as they are: the sentences we ship are all left to right.
 */
function isolated(value: string): string {
  return RIGHT_TO_LEFT.test(value) ? `\u2068${value}\u2069` : value
}

// Values are inserted as text by React, never as HTML, so no escaping happens here.
function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : isolated(String(value))
  })
}

/** `messages` first, then `fallback` (English) for keys a translation lacks. */
export function createTranslator(
  locale: string,
  messages: Messages,
  fallback: Messages = messages,
  language: string = locale
): Translator {
  const rules = new Intl.PluralRules(locale)
  const find = (key: string): string | undefined => lookup(messages, key) ?? lookup(fallback, key)
  return {
    locale,
    language,
    t(key, vars) {
      return fill(find(key) ?? key, vars)
    },
    plural(key, count, vars) {
      const template = find(`${key}.${rules.select(count)}`) ?? find(`${key}.other`) ?? key
      return fill(template, { ...vars, count })
    },
  }
}
