import { describe, expect, it } from 'vitest'
import { escalationKey } from './escalation-claim'
import { buildEscalationNote, type EscalationInput } from './escalation-note'

const input: EscalationInput = {
  ticket: {
    id: 102,
    subdomain: 'successbridge-demo',
    subject: 'Outage: API returning 500',
    priority: 'urgent',
    status: 'open',
  },
  requester: { name: 'Hank Scorpio', email: 'hank@globex.example' },
  organizationName: 'Globex',
  agentName: 'Alex Rivera',
  reason: 'churn-risk',
  agentNote: '  Threatening to move vendors if not fixed today.  ',
  account: {
    id: '001000000000002AAA',
    name: 'Globex Corporation',
    recordUrl: null,
    csm: { id: '005', name: 'Marcus Oyelaran', email: null },
    healthScore: 38,
    renewalDate: '2026-12-18',
    arr: 1_250_000,
    matchedBy: 'requester-email',
  },
  recentTicketCount: 4,
  today: '2026-11-25',
  healthRiskBelow: 50,
  arrText: '$1,250,000',
}

describe('buildEscalationNote', () => {
  it('ends with the "Why now" signals the card showed, and says when escalating was recommended', () => {
    const note = buildEscalationNote({
      ...input,
      whyNow: [
        { kind: 'critical-ticket', because: 'urgent' },
        { kind: 'churn-language', phrase: 'other vendors' },
        { kind: 'renewal-soon', days: 23 },
        { kind: 'health-at-risk', score: 38, below: 50 },
        { kind: 'major-account', arr: 1_250_000 },
      ],
      formatArr: () => '$1,250,000',
    })
    expect(note.split('\n').slice(-7)).toEqual([
      '',
      'Why now (Success Bridge recommended escalating)',
      '- Urgent ticket',
      '- Mentions "other vendors"',
      '- Renews in 23 days',
      '- Health 38, at risk (below 50)',
      '- Major account: $1,250,000 ARR',
    ])
    const drop = buildEscalationNote({
      ...input,
      whyNow: [
        { kind: 'health-drop', from: 70.4, to: 42, days: 1 },
        { kind: 'ticket-trend', recent: 6, usual: 1, days: 30 },
        { kind: 'open-urgent', count: 1 },
        { kind: 'recent-escalations', count: 1, days: 90 },
      ],
    })
    expect(drop.split('\n').slice(-5)).toEqual([
      'Why now',
      '- Health 70 → 42 in 1 day',
      '- 6 tickets in 30 days, usually 1',
      '- 1 other open urgent or high-priority ticket',
      '- 1 other escalation to the CSM in 90 days',
    ])
    const listed = buildEscalationNote({ ...input, whyNow: [{ kind: 'renewal-soon', days: 1 }] })
    expect(listed.split('\n').slice(-3)).toEqual(['', 'Why now', '- Renews in 1 day'])
    expect(buildEscalationNote({ ...input, whyNow: [] })).toBe(buildEscalationNote(input))
  })

  it('writes the whole context as labelled plain-text lines', () => {
    expect(buildEscalationNote(input)).toBe(
      [
        'Zendesk ticket #102: Outage: API returning 500',
        'https://successbridge-demo.zendesk.com/agent/tickets/102',
        'Priority: urgent · Status: open',
        '',
        'Reason: Churn risk',
        'Escalated by: Alex Rivera',
        '',
        'What the CSM should know:',
        'Threatening to move vendors if not fixed today.',
        '',
        'Customer',
        'Requester: Hank Scorpio <hank@globex.example>',
        'Organization: Globex',
        'Tickets from this organization in the last 30 days: 4',
        '',
        'Account: Globex Corporation',
        'Health: 38 (At risk)',
        'Renewal: 2026-12-18 (in 23 days)',
        'ARR: $1,250,000',
      ].join('\n')
    )
  })

  it('leaves out what is unknown instead of printing placeholders', () => {
    const note = buildEscalationNote({
      ...input,
      agentNote: '   ',
      requester: null,
      organizationName: null,
      recentTicketCount: null,
      ticket: { ...input.ticket, priority: null },
      account: { ...input.account, healthScore: null, renewalDate: '2026-11-24' },
      arrText: null,
    })
    expect(note).not.toContain('What the CSM should know')
    expect(note).not.toContain('last 30 days')
    expect(note).toContain('Priority: none')
    expect(note).toContain('Requester: unknown')
    expect(note).toContain('Health: no score')
    expect(note).toContain('Renewal: 2026-11-24 (1 day ago)')
    expect(note).toContain('ARR: not set')
  })
})

describe('escalationKey', () => {
  it('is the same for the same ticket and account, whatever the case of the subdomain', () => {
    expect(escalationKey('SuccessBridge-Demo', 102)).toBe('zd:successbridge-demo:102')
    expect(escalationKey('successbridge-demo', 103)).not.toBe(escalationKey('successbridge-demo', 102))
  })
})
