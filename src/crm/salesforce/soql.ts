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
  return value.replace(/[\\'"\n\r\t\b\f]/g, (char) => ESCAPES[char] ?? char)
}

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
