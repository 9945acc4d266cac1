import { describe, expect, it } from 'vitest'
import { formatPath, parsePath, readPath } from './json-path'

describe('the @path language', () => {
  it.each([
    ['$', []],
    ['$.data', ['data']],
    ['$.data[0].owner.full_name', ['data', 0, 'owner', 'full_name']],
    ['owner.email', ['owner', 'email']],
    ['$[2]', [2]],
    [' $.custom-field ', ['custom-field']],
  ])('parses %s', (text, segments) => {
    expect(parsePath(text)).toEqual(segments)
  })

  it.each(['', '$.', '$..a', '$.a[*]', '$.a[?(@.x)]', 'a b', '$["a"]', '$.a[-1]', 'a.', '.a'])(
    'refuses %j',
    (text) => {
      expect(parsePath(text)).toBeNull()
    }
  )

  it('names paths the way variables are listed', () => {
    expect(formatPath(['task', 'key'])).toBe('task.key')
    expect(formatPath(['data', 0, 'id'])).toBe('data[0].id')
  })

  it('reads values, and nothing where a step is missing or of the wrong kind', () => {
    const body = { data: [{ id: 'acc_1', owner: null }], meta: { count: 1 } }
    expect(readPath(body, ['data', 0, 'id'])).toBe('acc_1')
    expect(readPath(body, ['data', 0, 'owner'])).toBeNull()
    expect(readPath(body, ['data', 0, 'owner', 'email'])).toBeUndefined()
    expect(readPath(body, ['data', 3])).toBeUndefined()
    expect(readPath(body, ['meta', 0])).toBeUndefined()
    expect(readPath(body, ['data', 'id'])).toBeUndefined()
    expect(readPath(body, [])).toBe(body)
  })

  it('never follows inherited properties', () => {
    expect(readPath({}, ['constructor'])).toBeUndefined()
    expect(readPath({ a: {} }, ['a', '__proto__'])).toBeUndefined()
    expect(readPath('text', ['length'])).toBeUndefined()
  })
})
