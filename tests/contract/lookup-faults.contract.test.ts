import { describe, expect, it } from 'vitest'
import { demoSettings } from '../../emulators/crm/demo-settings'
import type { FaultMode } from '../../emulators/crm/server/faults'
import { createCrm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import type { CrmErrorKind } from '../../src/domain/crm-error'
import type { CustomerContext } from '../../src/domain/customer'
import { parseSettings } from '../../src/settings/app-settings'
import { failureKind, useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

// One fault matrix over the three connectors, each built as the app builds it (createCrm) and
// talking real HTTP through the emulated Zendesk proxy to the CRM emulator in its vendor's dialect.
// Rows: the emulator's fault modes; cells: the error kind the card shows, the vendor's status and
// code as that vendor sends them, and how many requests were made (retries included).

const stacks = {
  salesforce: useContractStack('salesforce'),
  hubspot: useContractStack('hubspot'),
  custom: useContractStack('custom'),
}
type Dialect = keyof typeof stacks

const hank: CustomerContext = {
  requester: { id: 1, name: 'Hank', email: 'hank@globex.example' },
  organization: null,
}

function lookup(dialect: Dialect, timeoutMs = 8000): Promise<unknown> {
  const stack = stacks[dialect]
  const parsed = parseSettings(demoSettings(dialect, stack.crm.url))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  const crm = createCrm(parsed.settings, zafAdapter(proxyZafClient(stack.zendesk.hostUrl)), {
    http: { timeoutMs, retry: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 100 } },
  })
  return crm.connector.findAccount(hank)
}

interface Cell {
  readonly kind: CrmErrorKind
  readonly details: Record<string, unknown>
  readonly requests: number
}
type Row = readonly [FaultMode, Record<Dialect, Cell>]

const once = (kind: CrmErrorKind, details: Record<string, unknown>): Cell => ({ kind, details, requests: 1 })
const unreadable = once('invalid-response', {})

const MATRIX: readonly Row[] = [
  [
    'unauthorized',
    {
      salesforce: once('connection-expired', { status: 401, vendorCode: 'INVALID_SESSION_ID' }),
      hubspot: once('unauthorized', { status: 401, vendorCode: 'INVALID_AUTHENTICATION' }),
      custom: once('unauthorized', { status: 401, vendorCode: 'unauthorized' }),
    },
  ],
  [
    'forbidden',
    {
      salesforce: once('forbidden', { status: 403, vendorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }),
      hubspot: once('forbidden', { status: 403, vendorCode: 'MISSING_SCOPES' }),
      custom: once('forbidden', { status: 403, vendorCode: 'forbidden' }),
    },
  ],
  [
    // Salesforce's daily API quota is used up (no wait helps); the others rate-limit with a wait
    // longer than the app sits out, so the agent is told to try again shortly.
    'quota',
    {
      salesforce: once('quota-exhausted', { status: 403, vendorCode: 'REQUEST_LIMIT_EXCEEDED' }),
      hubspot: once('rate-limited', {
        status: 429,
        vendorCode: 'TEN_SECONDLY_ROLLING',
        retryAfterMs: 10_000,
      }),
      custom: once('rate-limited', { status: 429, vendorCode: 'rate_limited', retryAfterMs: 2000 }),
    },
  ],
  [
    'server-error',
    {
      salesforce: {
        kind: 'unavailable',
        details: { status: 500, vendorCode: 'UNKNOWN_EXCEPTION' },
        requests: 3,
      },
      hubspot: { kind: 'unavailable', details: { status: 500 }, requests: 3 },
      custom: { kind: 'unavailable', details: { status: 500, vendorCode: 'internal' }, requests: 3 },
    },
  ],
  ['malformed', { salesforce: unreadable, hubspot: unreadable, custom: unreadable }],
  ['empty', { salesforce: unreadable, hubspot: unreadable, custom: unreadable }],
  ['html', { salesforce: unreadable, hubspot: unreadable, custom: unreadable }],
]

describe.each(Object.keys(stacks) as Dialect[])('%s lookup faults', (dialect) => {
  it.each(MATRIX.map(([mode, cells]) => [mode, cells[dialect]] as const))(
    '%s → the card’s error kind, the vendor’s status and code, and the requests made',
    async (mode, cell) => {
      stacks[dialect].crm.setFaults({ mode })
      const [kind, details] = await failureKind(lookup(dialect))
      expect({ kind, requests: stacks[dialect].crm.requests().length }).toEqual({
        kind: cell.kind,
        requests: cell.requests,
      })
      expect(details).toMatchObject(cell.details)
    }
  )

  it('hang → one timeout, never retried (a second would double the wait)', async () => {
    stacks[dialect].crm.setFaults({ mode: 'hang' })
    expect(await failureKind(lookup(dialect, 300))).toEqual(['unavailable', { timedOut: true }])
    expect(stacks[dialect].crm.requests()).toHaveLength(1)
  })

  it('a 500 that clears on the retry → the account, the failed request sent once more', async () => {
    stacks[dialect].crm.setFaults({ mode: 'server-error', remaining: 1 })
    expect(await lookup(dialect)).toMatchObject({ kind: 'found', account: { name: 'Globex Corporation' } })
    // The failed request once more, then the rest of the lookup (HubSpot reads contact, companies, owner).
    const statuses = stacks[dialect].crm.requests().map((request) => request.status)
    expect(statuses.slice(0, 2)).toEqual([500, 200])
    expect(statuses.filter((status) => status !== 200)).toEqual([500])
  })
})
