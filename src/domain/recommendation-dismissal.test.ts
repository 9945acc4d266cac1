import { describe, expect, it } from 'vitest'
import { dismissalOf, isDismissed } from './recommendation-dismissal'
import type { EscalationRecommendation } from './why-now'

const urgentAtRisk: EscalationRecommendation = {
  reason: 'critical-bug',
  because: [
    { kind: 'critical-ticket', because: 'urgent' },
    { kind: 'health-at-risk', score: 38, below: 50 },
  ],
}

describe('recommendation dismissal', () => {
  it('remembers the kinds of signal behind the recommendation, once each, in a stable order', () => {
    expect(dismissalOf(urgentAtRisk)).toEqual(['critical-ticket', 'health-at-risk'])
  })

  it('keeps the same recommendation dismissed when only its numbers move', () => {
    const later: EscalationRecommendation = {
      ...urgentAtRisk,
      because: [
        { kind: 'critical-ticket', because: 'urgent' },
        { kind: 'health-at-risk', score: 31, below: 50 },
      ],
    }
    expect(isDismissed(later, dismissalOf(urgentAtRisk))).toBe(true)
  })

  it('stays dismissed when a reason went away, and comes back when a new kind of reason appears', () => {
    const fewer: EscalationRecommendation = { ...urgentAtRisk, because: urgentAtRisk.because.slice(0, 1) }
    expect(isDismissed(fewer, dismissalOf(urgentAtRisk))).toBe(true)
    const churn: EscalationRecommendation = {
      reason: 'churn-risk',
      because: [...urgentAtRisk.because, { kind: 'churn-language', phrase: 'cancel' }],
    }
    expect(isDismissed(churn, dismissalOf(urgentAtRisk))).toBe(false)
  })

  it('is never dismissed without a dismissal or without a recommendation', () => {
    expect(isDismissed(urgentAtRisk, null)).toBe(false)
    expect(isDismissed(null, dismissalOf(urgentAtRisk))).toBe(false)
  })
})
