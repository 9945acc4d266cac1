import { describe, expect, it } from 'vitest'
import type { CustomerContext } from '../domain/customer'
import { sharedLookups } from './shared-lookups'

const hank: CustomerContext = {
  requester: { id: 202, name: 'Hank', email: 'hank@globex.example' },
  organization: null,
}
const bill: CustomerContext = {
  requester: { id: 203, name: 'Bill', email: 'bill@initech.example' },
  organization: null,
}

/** A CRM stand-in that answers each call with the next scripted answer, and counts the calls. */
function scripted(...answers: (string | Error)[]) {
  const calls: string[] = []
  const run = (context: CustomerContext, options?: { fresh?: boolean }) => {
    calls.push(`${context.requester?.name ?? '?'}${options?.fresh ? ' (fresh)' : ''}`)
    const answer = answers.shift() ?? 'unscripted'
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)
  }
  return { run, calls }
}

describe('sharedLookups', () => {
  it('gives the card the start-up lookup’s failure instead of asking the CRM a second time', async () => {
    const crm = scripted(new Error('401'), 'Globex')
    const { lookup, prime } = sharedLookups(crm.run)
    await expect(prime(hank)).rejects.toThrow('401')
    // The card mounts after the failure settled: it gets that answer, no new call.
    await expect(lookup(hank)).rejects.toThrow('401')
    expect(crm.calls).toEqual(['Hank'])
    // Only once: Retry, or a later change back to this customer, asks the CRM again.
    await expect(lookup(hank)).resolves.toBe('Globex')
    expect(crm.calls).toEqual(['Hank', 'Hank'])
  })

  it('shares a lookup on its way, but never makes a fresh one wait for it', async () => {
    const crm = scripted('first', 'fresh')
    const { lookup } = sharedLookups(crm.run)
    const a = lookup(hank)
    const b = lookup(hank)
    const fresh = lookup(hank, { fresh: true })
    expect(await Promise.all([a, b, fresh])).toEqual(['first', 'first', 'fresh'])
    expect(crm.calls).toEqual(['Hank', 'Hank (fresh)'])
  })

  it('lets a fresh lookup replace the start-up answer, and keeps customers apart', async () => {
    const crm = scripted('startup', 'retried', 'Initech')
    const { lookup, prime } = sharedLookups(crm.run)
    await prime(hank)
    expect(await lookup(hank, { fresh: true })).toBe('retried')
    expect(await lookup(bill)).toBe('Initech')
    expect(crm.calls).toEqual(['Hank', 'Hank (fresh)', 'Bill'])
  })
})
