/**
 * Escaping for values placed inside SOQL string literals. Every user-derived string (emails,
 * domains, ids) goes through one of these; field names are validated as identifiers in settings.
 * Rules: Salesforce "Quoted String Escape Sequences" (backslash, quotes, control characters;
 * `%` and `_` only matter inside LIKE).
 */
export function soqlString(value: string): string {
  return `'${escapeLiteral(value)}'`
}

/** A LIKE pattern matching `value` anywhere, with its own `%` and `_` taken literally. */
export function soqlContains(value: string): string {
  return `'%${escapeLiteral(value).replace(/[%_]/g, (wildcard) => `\\${wildcard}`)}%'`
}

/** A LIKE pattern matching values that start with `value`, its wildcards taken literally. */
export function soqlPrefix(value: string): string {
  return `'${escapeLiteral(value).replace(/[%_]/g, (wildcard) => `\\${wildcard}`)}%'`
}

function escapeLiteral(value: string): string {
  // A lone surrogate cannot be URL-encoded (encodeURIComponent throws), so it becomes U+FFFD first.
  return value
    .toWellFormed()
    .replace(/[\\'"\n\r\t\b\f]/g, (char) => ESCAPES[char] ?? char)
    .replace(UNICODE_ESCAPED, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// Other control characters and the line and paragraph separators (U+2028, U+2029) end a line for
// some SOQL lexers; `\uXXXX` is a documented SOQL escape, so they are written that way.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNICODE_ESCAPED = /[\u0000-\u0007\u000b\u000e-\u001f\u007f-\u009f\u2028\u2029]/g

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
}

/** 15- or 18-character Account id (key prefix 001). Anything else would make Salesforce reject the query. */
export function isAccountId(value: string): boolean {
  return /^001[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(value)
}

/** The relationship name SOQL uses to traverse a lookup field: `CSM__c` → `CSM__r`, `OwnerId` → `Owner`. */
export function relationshipName(lookupField: string): string {
  if (lookupField.endsWith('__c')) return `${lookupField.slice(0, -3)}__r`
  if (lookupField.endsWith('Id')) return lookupField.slice(0, -2)
  return lookupField
}
