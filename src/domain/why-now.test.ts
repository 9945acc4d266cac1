import { describe, expect, it } from 'vitest'
import { anAccount } from '../test-support/accounts'
import {
  churnPhrase,
  recommendEscalation,
  whyNowSignals,
  type TicketFacts,
  type WhyNowSettings,
} from './why-now'

const settings: WhyNowSettings = {
  renewalSoonDays: 90,
  healthRiskBelow: 50,
  healthDropPoints: 10,
  signalWindowDays: 30,
  majorAccountArr: 1_000_000,
  criticalTags: ['outage', 'security'],
  churnPhrases: ['cancel', 'not renew', 'other vendors', 'refund'],
}
const quiet: TicketFacts = {
  priority: 'normal',
  type: null,
  tags: [],
  subject: 'Question',
  description: 'How do I?',
}
const today = '2026-11-25'
const now = Date.parse('2026-11-25T15:00:00Z')

describe('whyNowSignals', () => {
  it('lists the account signals with their numbers: renewal within the window, health at risk, major ARR', () => {
    const account = anAccount({ renewalDate: '2026-12-18', healthScore: 38, arr: 1_250_000 })
    expect(whyNowSignals(account, quiet, settings, today, now)).toEqual([
      { kind: 'renewal-soon', days: 23 },
      { kind: 'health-at-risk', score: 38, below: 50 },
      { kind: 'major-account', arr: 1_250_000 },
    ])
  })

  it('keeps to the edges: renewing today and exactly at the window count, a past renewal does not', () => {
    const on = (renewalDate: string) => whyNowSignals(anAccount({ renewalDate }), null, settings, today, now)
    expect(on('2026-11-25')).toEqual([{ kind: 'renewal-soon', days: 0 }])
    expect(on('2027-02-23')).toEqual([{ kind: 'renewal-soon', days: 90 }])
    expect(on('2027-02-24')).toEqual([])
    expect(on('2026-11-24')).toEqual([])
    // Health at the threshold is "watch", not at risk; ARR just below the bar is not major.
    expect(whyNowSignals(anAccount({ healthScore: 50, arr: 999_999 }), null, settings, today, now)).toEqual(
      []
    )
  })

  it('counts days in the agent’s own calendar date, whatever the time zone', () => {
    // The caller passes the agent's local date: late evening in Los Angeles is already tomorrow in Tokyo.
    const account = anAccount({ renewalDate: '2026-12-18' })
    expect(whyNowSignals(account, null, settings, '2026-11-25', now)).toEqual([
      { kind: 'renewal-soon', days: 23 },
    ])
    expect(whyNowSignals(account, null, settings, '2026-11-26', now)).toEqual([
      { kind: 'renewal-soon', days: 22 },
    ])
  })

  it('has no account signal where the data is missing, and no major-account signal without the setting', () => {
    expect(whyNowSignals(anAccount(), quiet, settings, today, now)).toEqual([])
    expect(
      whyNowSignals(anAccount({ arr: 5_000_000 }), null, { ...settings, majorAccountArr: null }, today, now)
    ).toEqual([])
  })

  it('reads a health drop from the account’s history as an account signal, after health at risk', () => {
    const account = anAccount({
      healthScore: 42,
      healthHistory: [{ at: '2026-11-05T15:00:00Z', from: 70, to: 42 }],
    })
    expect(whyNowSignals(account, null, settings, today, now)).toEqual([
      { kind: 'health-at-risk', score: 42, below: 50 },
      { kind: 'health-drop', from: 70, to: 42, days: 20 },
    ])
    // Without history (an org without field history tracking) the card has no drop to show.
    expect(whyNowSignals(anAccount({ healthScore: 42 }), null, settings, today, now)).toEqual([
      { kind: 'health-at-risk', score: 42, below: 50 },
    ])
  })

  it('reads a ticket as critical when urgent, high with type problem or incident, or carrying a critical tag', () => {
    const critical = (ticket: Partial<TicketFacts>) =>
      whyNowSignals(anAccount(), { ...quiet, ...ticket }, settings, today, now)
    expect(critical({ priority: 'urgent' })).toEqual([{ kind: 'critical-ticket', because: 'urgent' }])
    expect(critical({ priority: 'high', type: 'incident' })).toEqual([
      { kind: 'critical-ticket', because: 'high-incident' },
    ])
    expect(critical({ priority: 'high', type: 'problem' })).toEqual([
      { kind: 'critical-ticket', because: 'high-incident' },
    ])
    expect(critical({ priority: 'high', type: 'question' })).toEqual([])
    expect(critical({ tags: ['billing', 'Security'] })).toEqual([
      { kind: 'critical-ticket', because: 'tag', tag: 'Security' },
    ])
    expect(critical({ priority: null, type: null })).toEqual([])
  })

  it('finds churn language in the subject or description and quotes it as written', () => {
    const ticket = { ...quiet, description: 'If this is not fixed today we will look at Other  Vendors.' }
    expect(whyNowSignals(anAccount(), ticket, settings, today, now)).toEqual([
      { kind: 'churn-language', phrase: 'Other Vendors' },
    ])
  })
})

describe('whyNowSignals with the customer’s tickets', () => {
  it('appends the trend signals after the account’s and the ticket’s', () => {
    const trend = [{ kind: 'ticket-trend', recent: 6, usual: 1, days: 30 } as const]
    const account = anAccount({ healthScore: 38 })
    expect(whyNowSignals(account, { ...quiet, priority: 'urgent' }, settings, today, now, trend)).toEqual([
      { kind: 'health-at-risk', score: 38, below: 50 },
      { kind: 'critical-ticket', because: 'urgent' },
      ...trend,
    ])
    expect(whyNowSignals(anAccount(), null, settings, today, now, trend)).toEqual(trend)
  })
})

describe('churnPhrase', () => {
  it('matches whole words only, case-insensitively, the earliest in the text', () => {
    expect(churnPhrase('We want a refund or we cancel.', settings.churnPhrases)).toBe('refund')
    expect(churnPhrase('Is this refundable?', settings.churnPhrases)).toBeNull()
    expect(churnPhrase('The job was cancelled.', settings.churnPhrases)).toBeNull()
    expect(churnPhrase('We will NOT\nRENEW.', settings.churnPhrases)).toBe('NOT RENEW')
  })

  it('works beyond English and takes phrases literally, never as patterns', () => {
    expect(churnPhrase('Wir werden kündigen.', ['kündigen'])).toBe('kündigen')
    expect(churnPhrase('Wir werden kündigenswert finden.', ['kündigen'])).toBeNull()
    expect(churnPhrase('price (.*) up', ['(.*)'])).toBe('(.*)')
    expect(churnPhrase('anything', ['.*'])).toBeNull()
    expect(churnPhrase('anything', ['', '   '])).toBeNull()
  })
})

describe('recommendEscalation', () => {
  const atRisk = { kind: 'health-at-risk', score: 38, below: 50 } as const
  const renewal = { kind: 'renewal-soon', days: 23 } as const
  const urgent = { kind: 'critical-ticket', because: 'urgent' } as const
  const churn = { kind: 'churn-language', phrase: 'other vendors' } as const

  it('recommends when a ticket signal meets an account signal, ticket reasons first', () => {
    expect(recommendEscalation([renewal, atRisk, urgent, churn])).toEqual({
      reason: 'churn-risk',
      because: [urgent, churn, renewal, atRisk],
    })
    expect(recommendEscalation([atRisk, urgent])).toEqual({
      reason: 'critical-bug',
      because: [urgent, atRisk],
    })
    expect(recommendEscalation([renewal, urgent])).toEqual({
      reason: 'renewal-risk',
      because: [urgent, renewal],
    })
  })

  it('counts a health drop as an account signal', () => {
    const drop = { kind: 'health-drop', from: 80, to: 62, days: 12 } as const
    expect(recommendEscalation([drop, urgent])).toEqual({ reason: 'critical-bug', because: [urgent, drop] })
    expect(recommendEscalation([drop])).toBeNull()
  })

  it('lists the customer’s other tickets after the reasons, and never counts them as a ticket signal', () => {
    const trend = { kind: 'ticket-trend', recent: 6, usual: 1, days: 30 } as const
    const others = { kind: 'open-urgent', count: 1 } as const
    // Account signals with the customer's tickets only: no ticket signal, no recommendation.
    expect(recommendEscalation([atRisk, trend, others])).toBeNull()
    expect(recommendEscalation([trend, urgent])).toBeNull()
    expect(recommendEscalation([atRisk, urgent, trend, others])).toEqual({
      reason: 'critical-bug',
      because: [urgent, atRisk, trend, others],
    })
  })

  it('recommends nothing on account signals alone, ticket signals alone, or none', () => {
    expect(recommendEscalation([atRisk, renewal])).toBeNull()
    expect(recommendEscalation([urgent, churn])).toBeNull()
    expect(recommendEscalation([])).toBeNull()
  })
})
