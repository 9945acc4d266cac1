import { describe, expect, it } from 'vitest'
import { isAccountId, relationshipName, soqlContains, soqlString } from './soql'

describe('soqlString', () => {
  it('quotes plain values', () => {
    expect(soqlString('jane@northwind.example')).toBe("'jane@northwind.example'")
  })

  it('keeps an injection attempt inside the literal', () => {
    expect(soqlString("x' OR Name != '")).toBe("'x\\' OR Name != \\''")
  })

  it('escapes backslashes before quotes so an escape cannot be undone', () => {
    expect(soqlString("a\\' OR 1=1")).toBe("'a\\\\\\' OR 1=1'")
  })

  it('escapes double quotes and control characters', () => {
    expect(soqlString('a"b\nc\td')).toBe("'a\\\"b\\nc\\td'")
  })
})

describe('soqlContains', () => {
  it('wraps in wildcards and makes the value’s own wildcards literal', () => {
    expect(soqlContains('my_shop%.example')).toBe("'%my\\_shop\\%.example%'")
  })
  it('escapes quotes too', () => {
    expect(soqlContains("o'hara.example")).toBe("'%o\\'hara.example%'")
  })
})

describe('isAccountId', () => {
  it('accepts 15- and 18-character account ids only', () => {
    expect(isAccountId('001000000000001')).toBe(true)
    expect(isAccountId('001000000000001AAA')).toBe(true)
    expect(isAccountId('003000000000001AAA')).toBe(false)
    expect(isAccountId("001000000000001' OR ''='")).toBe(false)
    expect(isAccountId('acme-42')).toBe(false)
  })
})

describe('relationshipName', () => {
  it('turns lookup fields into relationship names', () => {
    expect(relationshipName('CSM__c')).toBe('CSM__r')
    expect(relationshipName('OwnerId')).toBe('Owner')
  })
})
