/**
 * Fuzzes the SOQL builders with hostile strings and reads every query back with an independent
 * SOQL parser (soql-parser-js), so the escaping is checked by a grammar we did not write.
 * Each query must parse, keep its one condition on the field it was built for, and hold the
 * input exactly (after the lone-surrogate repair) once the literal's escapes are read back.
 */
import soqlParser, { type ValueCondition, type WhereClause } from 'soql-parser-js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FIELDS } from '../../settings/app-settings'
import { compositeBody, escalationSoql, planLookup } from './lookup-plan'

const { parseQuery } = soqlParser

// Characters that have broken SOQL builders: quotes, escapes, wildcards, every control character,
// line and paragraph separators, bidi controls, lone and paired surrogates, non-BMP letters.
const HOSTILE = [
  "'",
  '"',
  '\\',
  '%',
  '_',
  '\n',
  '\r',
  '\t',
  '\b',
  '\f',
  '\v',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  'é',
  ' ',
  ')',
  '(',
  ' OR ',
  ' LIMIT ',
  'a',
  'Z',
  '7',
  '@',
  '.',
  '-',
]

/** A deterministic generator, so a failing string can be reproduced from its index. */
function* hostileStrings(count: number): Generator<string> {
  let seed = 0x2461
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed
  }
  for (let n = 0; n < count; n += 1) {
    let text = ''
    const length = 1 + (next() % 12)
    for (let i = 0; i < length; i += 1) text += HOSTILE[next() % HOSTILE.length]
    yield text
  }
}

/** Reads a SOQL literal as Salesforce documents it ('…' with backslash escapes). */
function readLiteral(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true)
  const simple: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    '"': '"',
    "'": "'",
    '\\': '\\',
    '%': '\\%',
    _: '\\_',
  }
  return literal
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, escape: string) =>
      escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : (simple[escape] ?? '\u{0}!')
    )
}

/** The single condition of a WHERE clause; fails when the clause has more than one. */
function onlyCondition(where: WhereClause | undefined): ValueCondition {
  // No AND/OR/NOT: an escaped value cannot have added a condition of its own.
  expect(where && ('right' in where || 'operator' in where)).toBe(false)
  const left = where?.left
  expect(left && 'field' in left && 'value' in left).toBe(true)
  return left as ValueCondition
}

const literalLike = (text: string): string => text.replace(/[%_]/g, (char) => `\\${char}`)

describe('SOQL builders under hostile input', () => {
  const strings = [...hostileStrings(2500)]

  it('keep a hostile requester email inside the Email literal, 2,500 strings', () => {
    for (const text of strings) {
      const email = `${text}@northwind.example`
      const plan = planLookup(
        { requester: { id: 1, name: 'x', email }, organization: null },
        DEFAULT_FIELDS.salesforce,
        null,
        ['requester-email']
      )
      const query = plan.queries[0]
      const parsed = parseQuery(query?.soql ?? '')
      // Accounts whose Id is IN a semi-join on Contact's Email, with the contact as a child row:
      // the address must sit in both Email literals and nowhere else.
      const semiJoin = parsed.where?.left
      expect(parsed.where && ('right' in parsed.where || 'operator' in parsed.where)).toBe(false)
      expect(semiJoin && 'valueQuery' in semiJoin && semiJoin.field === 'Id').toBe(true)
      const contacts = (semiJoin as { valueQuery: { sObject: string; where?: WhereClause } }).valueQuery
      expect(contacts.sObject).toBe('Contact')
      const children = Object.fromEntries(
        parsed.fields
          ?.filter((field) => field.type === 'FieldSubquery')
          .map((field) => [field.subquery.relationshipName, field.subquery]) ?? []
      )
      expect(Object.keys(children).sort()).toEqual(['Contacts', 'Histories'])
      for (const where of [contacts.where, children['Contacts']?.where]) {
        const condition = onlyCondition(where)
        expect({ text, field: condition.field }).toEqual({ text, field: 'Email' })
        expect(readLiteral(String(condition.value))).toBe(query?.value.toWellFormed())
      }
      const history = onlyCondition(children['Histories']?.where)
      expect([history.field, readLiteral(String(history.value))]).toEqual(['Field', 'Health_Score__c'])
      // The composite sub-request's URL must be encodable: a lone surrogate used to throw here.
      expect(() => compositeBody(plan)).not.toThrow()
    }
  })

  it('keep a hostile organization domain inside the Website LIKE pattern', () => {
    for (const text of strings) {
      const domain = `${text}.example`
      const plan = planLookup(
        { requester: null, organization: { id: 9, name: 'x', externalId: null, domains: [domain] } },
        DEFAULT_FIELDS.salesforce,
        null,
        ['email-domain']
      )
      const query = plan.queries[0]
      if (!query) continue // a value the plan refuses (a public domain, say) sends nothing
      const condition = onlyCondition(parseQuery(query.soql).where)
      expect(condition.field).toBe('Website')
      expect(condition.operator).toBe('LIKE')
      expect(readLiteral(String(condition.value))).toBe(`%${literalLike(query.value.toWellFormed())}%`)
    }
  })

  it('keep a hostile escalation key inside the External-ID literal', () => {
    for (const text of strings) {
      const soql = escalationSoql(102, `zd:${text}:102`, 'Success_Bridge_Key__c')
      const condition = onlyCondition(parseQuery(soql).where)
      expect(condition.field).toBe('Success_Bridge_Key__c')
      expect(readLiteral(String(condition.value))).toBe(`zd:${text}:102`.toWellFormed())
    }
  })
})
