import type { AccountSummary } from '../domain/account'

/**
 * An account summary for tests: a neutral account with nothing set, plus what the test is about.
 * One factory, so a field added to AccountSummary is added once for every test.
 */
export function anAccount(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: '001000000000001AAA',
    name: 'Northwind Traders',
    recordUrl: null,
    csm: null,
    healthScore: null,
    renewalDate: null,
    arr: null,
    matchedBy: 'organization-external-id',
    ...overrides,
  }
}

/** Globex as the demo seeds it: at risk (38), renewing 2026-12-18, $1.25M, CSM Marcus Oyelaran. */
export const globexAtRisk: AccountSummary = anAccount({
  id: '001000000000002AAA',
  name: 'Globex Corporation',
  csm: { id: '005', name: 'Marcus Oyelaran', email: 'marcus@vendor.example' },
  healthScore: 38,
  renewalDate: '2026-12-18',
  arr: 1_250_000,
  matchedBy: 'requester-email',
})
