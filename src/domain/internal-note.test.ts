import { describe, expect, it } from 'vitest'
import { buildInternalNote, type InternalNoteInput } from './internal-note'
import type { EscalationRecommendation } from './why-now'

// #102: urgent, "other vendors", renewing in 23 days, at risk.
const recommended: EscalationRecommendation = {
  reason: 'churn-risk',
  because: [
    { kind: 'critical-ticket', because: 'urgent' },
    { kind: 'churn-language', phrase: 'other vendors' },
    { kind: 'renewal-soon', days: 23 },
    { kind: 'health-at-risk', score: 38, below: 50 },
  ],
}

const base: InternalNoteInput = {
  ownerName: 'Marcus Oyelaran',
  agentName: 'Alex Rivera',
  task: 'https://crm.example/T1',
  reason: 'churn-risk',
  agentNote: '',
  recommendation: null,
}

describe('buildInternalNote', () => {
  it('says who has the escalation, where the task is and why, and nothing about a recommendation when there was none', () => {
    expect(buildInternalNote({ ...base, agentNote: '  Call them today \n' })).toBe(
      [
        'Escalated to Marcus Oyelaran (Customer Success) by Alex Rivera.',
        'CRM task: https://crm.example/T1',
        'Reason: Churn risk',
        '',
        'Call them today',
      ].join('\n')
    )
  })

  it('names the recommendation and its reasons, in the card’s order, before the agent’s own words', () => {
    expect(buildInternalNote({ ...base, recommendation: recommended, agentNote: 'Call them today' })).toBe(
      [
        'Escalated to Marcus Oyelaran (Customer Success) by Alex Rivera.',
        'CRM task: https://crm.example/T1',
        'Reason: Churn risk',
        'Success Bridge recommended this escalation:',
        '- Urgent ticket',
        '- Mentions "other vendors"',
        '- Renews in 23 days',
        '- Health 38, at risk (below 50)',
        '',
        'Call them today',
      ].join('\n')
    )
  })

  it('says which reason was suggested when the agent chose another', () => {
    const note = buildInternalNote({ ...base, reason: 'critical-bug', recommendation: recommended })
    expect(note.split('\n').slice(2, 4)).toEqual([
      'Reason: Critical bug or outage',
      'Success Bridge recommended this escalation (suggested reason: Churn risk):',
    ])
  })

  it('writes a major account’s ARR with the installation’s money format', () => {
    const major: EscalationRecommendation = {
      reason: 'critical-bug',
      because: [
        { kind: 'critical-ticket', because: 'tag', tag: 'sev1' },
        { kind: 'major-account', arr: 1_250_000 },
      ],
    }
    const note = buildInternalNote({
      ...base,
      reason: 'critical-bug',
      recommendation: major,
      formatArr: (amount) => `$${amount.toLocaleString('en-US')}`,
    })
    expect(note.split('\n').slice(-2)).toEqual(['- Tagged sev1', '- Major account: $1,250,000 ARR'])
  })
})
