import { SoqlError } from './soql-error'
import { tokenize, type Token } from './tokenize'

export type Literal =
  | { readonly type: 'string'; readonly value: string; readonly raw: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'date'; readonly value: string }

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE'

export type Condition =
  | { readonly type: 'and' | 'or'; readonly left: Condition; readonly right: Condition }
  | { readonly type: 'not'; readonly condition: Condition }
  | { readonly type: 'compare'; readonly field: string; readonly operator: Operator; readonly value: Literal }
  | {
      readonly type: 'in'
      readonly field: string
      readonly values: readonly Literal[]
      readonly negated: boolean
    }
  /** A semi-join: `Id IN (SELECT AccountId FROM Contact WHERE …)`. */
  | {
      readonly type: 'in-select'
      readonly field: string
      readonly query: SoqlQuery
      readonly negated: boolean
    }

/** A child relationship sub-query in the SELECT list: `(SELECT Field FROM Histories WHERE …)`. */
export interface ChildQuery {
  readonly relationship: string
  readonly query: SoqlQuery
}

export interface SoqlQuery {
  readonly fields: readonly string[]
  readonly children: readonly ChildQuery[]
  readonly object: string
  readonly where: Condition | null
  readonly orderBy: {
    readonly field: string
    readonly descending: boolean
    readonly nullsLast: boolean
  } | null
  readonly limit: number | null
}

/** Recursive-descent parser for the SOQL subset in the README; precedence NOT > AND > OR. */
export function parseSoql(source: string): SoqlQuery {
  const tokens = tokenize(source)
  let position = 0

  const peek = (): Token | undefined => tokens[position]
  const isWord = (token: Token | undefined, word: string): boolean =>
    token?.kind === 'word' && token.text.toUpperCase() === word
  const unexpected = (): never => {
    const token = peek()
    const text = !token
      ? 'end of query'
      : token.kind === 'string'
        ? `'${token.raw}'`
        : token.kind === 'word' || token.kind === 'punct'
          ? token.text
          : String(token.value)
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${text}'`)
  }
  const expectWord = (word: string): void => {
    if (!isWord(peek(), word)) unexpected()
    position += 1
  }
  const expectPunct = (text: string): void => {
    const token = peek()
    if (token?.kind !== 'punct' || token.text !== text) unexpected()
    position += 1
  }
  const identifier = (): string => {
    const token = peek()
    if (token?.kind !== 'word' || KEYWORDS.has(token.text.toUpperCase())) return unexpected()
    position += 1
    return token.text
  }

  const literal = (): Literal => {
    const token = peek()
    position += 1
    if (!token) return unexpected()
    if (token.kind === 'string') return { type: 'string', value: token.value, raw: token.raw }
    if (token.kind === 'number') return { type: 'number', value: token.value }
    if (token.kind === 'date') return { type: 'date', value: token.value }
    if (token.kind === 'word') {
      const upper = token.text.toUpperCase()
      if (upper === 'NULL') return { type: 'null' }
      if (upper === 'TRUE' || upper === 'FALSE') return { type: 'boolean', value: upper === 'TRUE' }
      if (upper === 'TODAY') return { type: 'date', value: new Date().toISOString().slice(0, 10) }
    }
    position -= 1
    return unexpected()
  }

  const primary = (): Condition => {
    if (isWord(peek(), 'NOT')) {
      position += 1
      return { type: 'not', condition: primary() }
    }
    const token = peek()
    if (token?.kind === 'punct' && token.text === '(') {
      position += 1
      const inner = orExpression()
      expectPunct(')')
      return inner
    }
    const field = identifier()
    let negated = false
    if (isWord(peek(), 'NOT')) {
      position += 1
      negated = true
      if (!isWord(peek(), 'IN')) unexpected()
    }
    if (isWord(peek(), 'IN')) {
      position += 1
      expectPunct('(')
      if (isWord(peek(), 'SELECT')) {
        const inner = selectQuery(true)
        expectPunct(')')
        if (inner.fields.length !== 1 || inner.children.length > 0)
          throw new SoqlError('MALFORMED_QUERY', 'a semi-join selects exactly one field')
        return { type: 'in-select', field, query: inner, negated }
      }
      const values = [literal()]
      while (peek()?.kind === 'punct' && (peek() as { text: string }).text === ',') {
        position += 1
        values.push(literal())
      }
      expectPunct(')')
      return { type: 'in', field, values, negated }
    }
    if (isWord(peek(), 'LIKE')) {
      position += 1
      return { type: 'compare', field, operator: 'LIKE', value: literal() }
    }
    const op = peek()
    if (op?.kind !== 'punct' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(op.text))
      return unexpected()
    position += 1
    return {
      type: 'compare',
      field,
      operator: (op.text === '<>' ? '!=' : op.text) as Operator,
      value: literal(),
    }
  }
  const andExpression = (): Condition => {
    let left = primary()
    while (isWord(peek(), 'AND')) {
      position += 1
      left = { type: 'and', left, right: primary() }
    }
    return left
  }
  const orExpression = (): Condition => {
    let left = andExpression()
    while (isWord(peek(), 'OR')) {
      position += 1
      left = { type: 'or', left, right: andExpression() }
    }
    return left
  }

  const isPunct = (text: string): boolean => {
    const token = peek()
    return token?.kind === 'punct' && token.text === text
  }
  /** SELECT … FROM … [WHERE] [ORDER BY] [LIMIT]; `nested` stops at the closing parenthesis. */
  function selectQuery(nested: boolean): SoqlQuery {
    expectWord('SELECT')
    const fields: string[] = []
    const children: ChildQuery[] = []
    const selectItem = (): void => {
      if (!nested && isPunct('(')) {
        position += 1
        const child = selectQuery(true)
        expectPunct(')')
        children.push({ relationship: child.object, query: child })
      } else fields.push(identifier())
    }
    selectItem()
    while (isPunct(',')) {
      position += 1
      selectItem()
    }
    expectWord('FROM')
    const object = identifier()
    let where: Condition | null = null
    if (isWord(peek(), 'WHERE')) {
      position += 1
      where = orExpression()
    }
    let orderBy: SoqlQuery['orderBy'] = null
    if (isWord(peek(), 'ORDER')) {
      position += 1
      expectWord('BY')
      const field = identifier()
      let descending = false
      if (isWord(peek(), 'ASC') || isWord(peek(), 'DESC')) {
        descending = isWord(peek(), 'DESC')
        position += 1
      }
      let nullsLast = descending
      if (isWord(peek(), 'NULLS')) {
        position += 1
        if (!isWord(peek(), 'FIRST') && !isWord(peek(), 'LAST')) unexpected()
        nullsLast = isWord(peek(), 'LAST')
        position += 1
      }
      orderBy = { field, descending, nullsLast }
    }
    let limit: number | null = null
    if (isWord(peek(), 'LIMIT')) {
      position += 1
      const token = peek()
      if (token?.kind !== 'number' || !Number.isInteger(token.value)) return unexpected()
      position += 1
      limit = token.value
    }
    if (fields.length === 0 && children.length > 0) unexpected()
    return { fields, children, object, where, orderBy, limit }
  }

  const query = selectQuery(false)
  if (position < tokens.length) unexpected()
  return query
}

const KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'LIKE',
  'IN',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'NULLS',
  'FIRST',
  'LAST',
  'LIMIT',
  'NULL',
  'TRUE',
  'FALSE',
  'TODAY',
])
