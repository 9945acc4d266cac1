import { SoqlError } from './soql-error'

export type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string; readonly raw: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'punct'; readonly text: string }

// Salesforce's escape sequences inside string literals. \% and \_ are kept escaped so LIKE can
// tell a literal % from a wildcard; outside LIKE they are unescaped by the evaluator.
const SIMPLE_ESCAPES: Record<string, string> = {
  "'": "'",
  '"': '"',
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
}

/** Splits a SOQL string into tokens; throws SoqlError (MALFORMED_QUERY) on anything it cannot read. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const char = source[i] ?? ''
    if (/\s/.test(char)) {
      i += 1
    } else if (char === "'") {
      let value = ''
      let raw = ''
      i += 1
      for (;;) {
        if (i >= source.length)
          throw new SoqlError('MALFORMED_QUERY', 'unexpected end of query: unterminated string')
        const c = source[i] ?? ''
        if (c === "'") break
        if (c === '\\') {
          const next = source[i + 1] ?? ''
          if (next in SIMPLE_ESCAPES) {
            value += SIMPLE_ESCAPES[next]
            raw += SIMPLE_ESCAPES[next] === '\\' ? '\\\\' : (SIMPLE_ESCAPES[next] ?? '')
          } else if (next === '%' || next === '_') {
            value += next
            raw += `\\${next}`
          } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
            const decoded = String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16))
            value += decoded
            raw += decoded
            i += 4
          } else {
            throw new SoqlError('MALFORMED_QUERY', `Invalid string literal '\\${next}'`)
          }
          i += 2
        } else {
          value += c
          raw += c
          i += 1
        }
      }
      i += 1
      tokens.push({ kind: 'string', value, raw })
    } else if (/\d/.test(char)) {
      const rest = source.slice(i)
      const date = /^\d{4}-\d{2}-\d{2}(?![\w-])/.exec(rest)
      if (date) {
        tokens.push({ kind: 'date', value: date[0] })
        i += date[0].length
      } else {
        const number = /^\d+(\.\d+)?/.exec(rest)?.[0] ?? char
        tokens.push({ kind: 'number', value: Number(number) })
        i += number.length
      }
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(i))?.[0] ?? char
      tokens.push({ kind: 'word', text: word })
      i += word.length
    } else {
      const op = /^(!=|<=|>=|<>|[=<>(),])/.exec(source.slice(i))?.[0]
      if (!op) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${char}'`)
      tokens.push({ kind: 'punct', text: op })
      i += op.length
    }
  }
  return tokens
}
