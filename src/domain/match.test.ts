import { describe, expect, it } from 'vitest'
import type { AccountSummary } from './account'
import { anAccount } from '../test-support/accounts'
import { applyChoice, choiceScope, decideStep, MAX_CANDIDATES, type LookupOutcome } from './match'

const account = (id: string): AccountSummary =>
  anAccount({ id, name: `Account ${id}`, matchedBy: 'email-domain' })
const ambiguous: LookupOutcome = {
  kind: 'ambiguous',
  strategy: 'email-domain',
  candidates: [account('a'), account('b')],
  tried: [],
}

describe('applyChoice', () => {
  it('opens the remembered account when it is still one of the matches', () => {
    expect(applyChoice(ambiguous, 'b')).toEqual({
      kind: 'found',
      account: account('b'),
      tried: [],
      chosenByAgent: true,
    })
  })

  it('shows the list again when the remembered account no longer matches', () => {
    expect(applyChoice(ambiguous, 'gone')).toBe(ambiguous)
    expect(applyChoice(ambiguous, null)).toBe(ambiguous)
  })

  it('never overrides a unique match', () => {
    const found: LookupOutcome = { kind: 'found', account: account('a'), tried: [] }
    expect(applyChoice(found, 'b')).toBe(found)
  })
})

describe('choiceScope', () => {
  it('remembers per organization, else per requester email, else not at all', () => {
    const organization = { id: 9006, name: 'Stark', externalId: null, domains: [] }
    const requester = { id: 1, name: 'Tony', email: 'Tony@Stark.example' }
    expect(choiceScope({ organization, requester })).toBe('org:9006')
    expect(choiceScope({ organization: null, requester })).toBe('email:tony@stark.example')
    expect(choiceScope({ organization: null, requester: { ...requester, email: null } })).toBeNull()
  })
})

describe('decideStep, the one found-or-ambiguous rule of every connector', () => {
  it('finds one account, also when the CRM lists it twice (first listing kept)', () => {
    const viaContact = { ...account('a'), contactId: '003A' }
    expect(decideStep([])).toEqual({ kind: 'no-match' })
    expect(decideStep([account('a')])).toEqual({ kind: 'found', account: account('a') })
    expect(decideStep([viaContact, account('a')])).toEqual({ kind: 'found', account: viaContact })
  })

  it('offers several accounts in the CRM order, at most MAX_CANDIDATES (Salesforce used to offer 10)', () => {
    const ten = [...'abcdefghij'].map(account)
    const step = decideStep([...ten, account('a')])
    expect(step.kind === 'ambiguous' && step.candidates.map((candidate) => candidate.id)).toEqual(
      [...'abcdefghij'].slice(0, MAX_CANDIDATES)
    )
    expect(decideStep([account('b'), account('a'), account('b')])).toEqual({
      kind: 'ambiguous',
      candidates: [account('b'), account('a')],
    })
  })
})
