import { describe, expect, it } from 'vitest'
import {
  CLAIM_STALE_AFTER_MS,
  claimTag,
  completedEscalations,
  escalationKey,
  isStale,
  newClaim,
  readClaim,
  tagsWhenEscalated,
  tagsWithClaim,
} from './escalation-claim'

describe('escalation claim tags', () => {
  const now = Date.parse('2026-12-01T10:00:00Z')

  it('names the agent, the second and the attempt, and reads back what it wrote', () => {
    const claim = newClaim(42, now + 999, 'Ab-9')
    expect(claimTag(claim)).toBe(`csm_escalation_claim_42_${now / 1000}_ab9`)
    expect(readClaim(['vip', claimTag(claim)])).toEqual({
      attemptId: `42_${now / 1000}_ab9`,
      agentId: 42,
      startedAt: now,
    })
    expect(readClaim(['csm_escalation_claim_x', 'csm_escalation_pending'])).toBeNull()
  })

  it('is stale only after the documented time', () => {
    const claim = newClaim(1, now, 'a')
    expect(isStale(claim, now + CLAIM_STALE_AFTER_MS - 1)).toBe(false)
    expect(isStale(claim, now + CLAIM_STALE_AFTER_MS)).toBe(true)
  })

  it('counts completed escalations from the tags', () => {
    expect(completedEscalations([])).toBe(0)
    expect(completedEscalations(['csm_escalation_3'])).toBe(0)
    expect(completedEscalations(['csm_escalated'])).toBe(1)
    expect(completedEscalations(['csm_escalated', 'csm_escalation_2', 'csm_escalation_3'])).toBe(3)
  })

  it('replaces an old claim with a new one, and removes every claim when escalated', () => {
    const old = newClaim(2, now - CLAIM_STALE_AFTER_MS * 2, 'old')
    const mine = newClaim(1, now, 'new')
    const claimed = tagsWithClaim(['vip', 'csm_escalation_pending', claimTag(old)], mine)
    expect(claimed).toEqual(['vip', 'csm_escalation_pending', claimTag(mine)])
    expect(tagsWhenEscalated(claimed, 1)).toEqual(['vip', 'csm_escalated'])
    expect(tagsWhenEscalated(['csm_escalated', ...claimed], 2)).toEqual([
      'csm_escalated',
      'vip',
      'csm_escalation_2',
    ])
  })

  it('keeps the first escalation key in its original form and numbers later ones', () => {
    expect(escalationKey('Acme', 7)).toBe('zd:acme:7')
    expect(escalationKey('Acme', 7, 1)).toBe('zd:acme:7')
    expect(escalationKey('Acme', 7, 2)).toBe('zd:acme:7:2')
  })
})
