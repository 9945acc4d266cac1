import { describe, expect, it } from 'vitest'
import type { AttemptProgress } from '../domain/escalation'
import type { SlackStep } from '../domain/slack-step'
import { createEscalationStore } from './escalation-store'

const attempt: AttemptProgress = {
  attemptId: 'a1',
  sequence: 1,
  draft: { reason: 'churn-risk', note: 'Call them' },
  accountId: '001G',
  crmAttempted: true,
  task: { id: '00T1', url: null, ownerName: 'Marcus' },
  zendeskAttempted: false,
}

describe('createEscalationStore', () => {
  it('keeps the Slack step of an attempt across a reload, in every state', () => {
    const steps: SlackStep[] = [
      { state: 'posting' },
      { state: 'off' },
      { state: 'unknown' },
      { state: 'sent', channel: 'D0MARCUS1', ts: '1733058000.000100', permalink: null, to: 'dm' },
      { state: 'not-sent', kind: 'missing-scope', detail: 'users:read.email' },
    ]
    for (const slack of steps) {
      window.localStorage.clear()
      createEscalationStore(window.localStorage, 'demo', 102).saveAttempt({ ...attempt, slack })
      // A new store over the same storage: what a reloaded frame reads.
      expect(createEscalationStore(window.localStorage, 'demo', 102).loadAttempt('a1')).toEqual({
        ...attempt,
        slack,
      })
    }
  })

  it('reads progress saved before the Slack step existed', () => {
    window.localStorage.clear()
    createEscalationStore(window.localStorage, 'demo', 102).saveAttempt(attempt)
    expect(createEscalationStore(window.localStorage, 'demo', 102).loadAttempt('a1')).toEqual(attempt)
  })
})
