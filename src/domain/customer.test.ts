import { describe, expect, it } from 'vitest'
import { customerKey, emailDomain, isPublicEmailDomain } from './customer'

describe('emailDomain', () => {
  it('takes the part after the last @, lower-cased', () => {
    expect(emailDomain('Jane.Doe@NorthWind.Example')).toBe('northwind.example')
    expect(emailDomain('"odd@name"@globex.example')).toBe('globex.example')
  })
  it('returns null for missing or broken addresses', () => {
    expect(emailDomain(null)).toBeNull()
    expect(emailDomain('no-at-sign')).toBeNull()
    expect(emailDomain('@globex.example')).toBeNull()
    expect(emailDomain('jane@')).toBeNull()
  })
})

describe('isPublicEmailDomain', () => {
  it('knows free-mail providers and leaves company domains alone', () => {
    expect(isPublicEmailDomain('Gmail.com')).toBe(true)
    expect(isPublicEmailDomain('globex.example')).toBe(false)
  })
})

describe('customerKey', () => {
  it('changes when the organization or the requester email changes', () => {
    const base = { requester: { id: 1, name: 'J', email: 'j@a.example' }, organization: null }
    const withOrg = { ...base, organization: { id: 9, name: 'A', externalId: 'x', domains: [] } }
    expect(customerKey(base)).not.toBe(customerKey(withOrg))
    expect(customerKey(base)).toBe(
      customerKey({ ...base, requester: { id: 1, name: 'Other', email: 'J@A.example' } })
    )
  })
})
