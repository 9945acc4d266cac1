import { describe, expect, it } from 'vitest'
import { mailtoHref } from './mailto-href'

describe('mailtoHref', () => {
  it.each(['dana.whitfield@successbridge.example', "mallory.o'brien+csm@sub.example.co.uk", 'x@y.io'])(
    'links the plain address %s',
    (address) => {
      expect(mailtoHref(address)).toBe(`mailto:${address}`)
    }
  )

  it.each([
    ['a query that adds a hidden Bcc', 'dana@example.com?bcc=collector@elsewhere.example'],
    ['a right-to-left override', '\u202Emoc.elpmaxe@anad'],
    ['an isolate', 'dana@\u2066example.com'],
    ['a zero-width space', 'dana@exa\u200Bmple.com'],
    ['a control character', 'dana@example.com\n'],
    ['two @', 'dana@evil.example@example.com'],
    ['no @', 'dana.example.com'],
    ['no domain dot', 'dana@localhost'],
    ['a space', 'dana whitfield@example.com'],
    ['a second recipient', 'dana@example.com,eve@evil.example'],
    ['an encoded header', 'dana@example.com%3Fbcc=eve@evil.example'],
    ['a fragment', 'dana@example.com#x'],
    ['markup', '<dana@example.com>'],
    ['an empty local part', '@example.com'],
    ['two dots in a row', 'dana@example..com'],
    ['a dot next to the @', 'dana.@example.com'],
  ])('does not link an address with %s', (_, address) => {
    expect(mailtoHref(address)).toBeNull()
  })
})
