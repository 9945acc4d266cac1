import { describe, expect, it } from 'vitest'
import { outageTicket } from '../test-support/escalation-fixtures'
import { account, agent, draft, failure, setup, START } from '../test-support/memory-escalation'
import { CrmError } from './crm-error'
import type { WhyNowSettings } from './why-now'
import { escalate, followUp, resumableAttempt, type EscalateDeps } from './escalate'
import { CLAIM_STALE_AFTER_MS, claimTag, newClaim, PENDING_TAG } from './escalation-claim'
import type { EscalationTaskInput } from './ports'

/** The Why-now thresholds the app's defaults use, with `churnPhrases` of the test's choosing. */
function whyNowSettings(churnPhrases: string[]): WhyNowSettings {
  return {
    renewalSoonDays: 90,
    healthRiskBelow: 50,
    healthDropPoints: 10,
    signalWindowDays: 30,
    majorAccountArr: null,
    criticalTags: [],
    churnPhrases,
  }
}

describe('escalate', () => {
  it('puts what the card showed of the customer’s other tickets in the note’s "Why now" block', async () => {
    const { crm, alex } = setup()
    const whyNow = whyNowSettings([])
    const trend = [
      { kind: 'ticket-trend', recent: 6, usual: 1, days: 30 },
      { kind: 'recent-escalations', count: 2, days: 90 },
    ] as const
    await escalate(
      { account, draft, priorEscalations: 0 },
      { ...alex.deps, whyNow, trend: () => Promise.resolve(trend) },
      'the CS team'
    )
    expect(crm.tasks[0]?.description.split('\n').slice(-4)).toEqual([
      'Why now',
      '- Health 38, at risk (below 50)',
      '- 6 tickets in 30 days, usually 1',
      '- 2 other escalations to the CSM in 90 days',
    ])
  })

  it('writes the note without the customer’s tickets when they cannot be read', async () => {
    const { crm, alex } = setup()
    const whyNow = whyNowSettings([])
    await escalate(
      { account, draft, priorEscalations: 0 },
      { ...alex.deps, whyNow, trend: () => Promise.reject(new Error('zendesk down')) },
      'the CS team'
    )
    expect(crm.tasks[0]?.description.split('\n').slice(-2)).toEqual([
      'Why now',
      '- Health 38, at risk (below 50)',
    ])
  })

  it('claims the ticket, creates one task, then one note and tag that release the claim', async () => {
    const { ticket, crm, alex } = setup()
    expect(await alex.run()).toEqual({
      kind: 'done',
      ownerName: 'Marcus',
      taskId: 'T1',
      taskUrl: 'https://crm/T1',
      slack: { state: 'off' },
      slackRetry: null,
      follower: 'off',
    })
    expect(crm.tasks).toHaveLength(1)
    expect(crm.tasks[0]).toMatchObject({
      key: 'zd:demo:102',
      ownerId: '005M',
      accountId: '001A',
      contactId: '003H',
      priority: 'High',
      dueDate: '2026-11-25',
      subject: '[Escalation] #102 Outage',
      afterUnknownOutcome: false,
    })
    expect(crm.tasks[0]?.description).toContain('Call them today')
    expect(ticket.notes).toHaveLength(1)
    expect(ticket.notes[0]).toContain('CRM task: https://crm/T1')
    expect(ticket.tags).toEqual(['outage', 'csm_escalated'])
    expect(alex.store.attempts.size).toBe(0)
    expect(alex.store.current).toBeNull()
  })

  it('names the "Why now" recommendation in the internal note when the ticket had one', async () => {
    const { ticket, crm, alex } = setup()
    const whyNow = whyNowSettings(['other vendors'])
    const facts = {
      priority: 'urgent',
      type: 'incident',
      tags: [],
      subject: 'Outage',
      description: 'We will look at other vendors.',
    }
    const deps: EscalateDeps = {
      ...alex.deps,
      whyNow,
      zendesk: {
        ...alex.deps.zendesk,
        details: () => Promise.resolve({ ...outageTicket(1, 'Alex'), facts }),
      },
    }
    await escalate({ account, draft, priorEscalations: 0 }, deps, 'the CS team')
    expect(ticket.notes[0]?.split('\n').slice(2, 6)).toEqual([
      'Reason: Churn risk',
      'Success Bridge recommended this escalation:',
      '- Urgent ticket',
      '- Mentions "other vendors"',
    ])
    // The same reasons as the CRM task's "Why now" block.
    expect(crm.tasks[0]?.description).toContain(
      'Why now (Success Bridge recommended escalating)\n- Urgent ticket'
    )
  })

  it('leaves the recommendation out of the internal note when the ticket had none', async () => {
    const { ticket, alex } = setup()
    const whyNow = whyNowSettings([])
    const facts = {
      priority: 'low',
      type: 'question',
      tags: [],
      subject: 'Export?',
      description: 'How do I export?',
    }
    const deps: EscalateDeps = {
      ...alex.deps,
      whyNow,
      zendesk: {
        ...alex.deps.zendesk,
        details: () => Promise.resolve({ ...outageTicket(1, 'Alex'), facts }),
      },
    }
    await escalate({ account, draft, priorEscalations: 0 }, deps, 'the CS team')
    expect(ticket.notes[0]).toContain('Reason: Churn risk')
    expect(ticket.notes[0]).not.toContain('recommended')
  })

  it('lets exactly one of two agents escalating at once through; the other learns who', async () => {
    const { ticket, crm, alex } = setup()
    const sam = agent(ticket, crm, 2, 'Sam')
    const [first, second] = await Promise.all([alex.run(), sam.run(0, account, { ...draft, note: 'Mine' })])
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect([first.kind, second.kind].sort()).toEqual(['claimed', 'done'])
    const lost = first.kind === 'claimed' ? first : second
    expect(lost).toMatchObject({ kind: 'claimed', holder: { byMe: false } })
    expect(ticket.tags).toEqual(['outage', 'csm_escalated'])
  })

  it('lets one of two claims written in the same second go on, once the second has turned', async () => {
    const { ticket, crm, alex } = setup()
    const sam = agent(ticket, crm, 2, 'Sam')
    ticket.sameSecond = true
    const results = await Promise.all([alex.run(), sam.run(0, account, { ...draft, note: 'Mine' })])
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect(results.map((r) => r.kind).sort()).toEqual(['claimed', 'done'])
  })

  it('takes its claim off the ticket when the CRM refuses the task, and keeps the draft', async () => {
    const { ticket, crm, alex } = setup()
    crm.createTask = () => Promise.reject(new CrmError('rejected', 'owner inactive'))
    alex.store.saveDraft(draft)
    expect((await failure(alex.run())).step).toBe('crm')
    expect(ticket.tags).toEqual(['outage'])
    expect(alex.store.draft).toEqual(draft)
    expect(alex.store.attempts.size).toBe(0)
  })

  it('carries the task over when its claim was removed by something else, instead of creating another', async () => {
    const { ticket, crm, alex } = setup()
    const create = crm.createTask.bind(crm)
    // A trigger strips the claim tags while the task is being created.
    crm.createTask = async (input) => {
      const result = await create(input)
      ticket.tags = ['outage']
      ticket.stamp += 1
      return result
    }
    expect((await failure(alex.run())).step).toBe('zendesk')
    expect(crm.tasks).toHaveLength(1)
    crm.createTask = create
    expect(await alex.run()).toMatchObject({ kind: 'done', taskId: 'T1' })
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
  })

  it('reads again and retries the claim when an unrelated update got there first', async () => {
    const { ticket, crm, alex } = setup()
    ticket.interruptions = 2
    expect(await alex.run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
  })

  it('says another agent escalated first when the ticket already has more escalations than the agent saw', async () => {
    const { ticket, crm, alex } = setup()
    ticket.tags = ['csm_escalated']
    expect(await alex.run(0)).toEqual({ kind: 'already-escalated', escalations: 1 })
    expect(crm.tasks).toEqual([])
    expect(ticket.notes).toEqual([])
  })

  it('keeps the draft when the CRM fails, and a retry creates exactly one task', async () => {
    const { ticket, crm, alex } = setup()
    crm.script = ['fail']
    expect((await failure(alex.run())).step).toBe('crm')
    expect([...alex.store.attempts.values()][0]?.draft).toEqual(draft)
    expect(crm.tasks).toHaveLength(0)
    expect(ticket.tags).toContain(PENDING_TAG)

    expect(await alex.run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect(ticket.tags).toEqual(['outage', 'csm_escalated'])
  })

  it('after a lost CRM answer, asks the CRM to look for its own write and finishes with that task', async () => {
    const { ticket, crm, alex } = setup()
    crm.script = ['lost']
    expect((await failure(alex.run())).step).toBe('crm')
    expect(await alex.run()).toMatchObject({ kind: 'done', taskUrl: 'https://crm/T1' })
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
  })

  it('resumes from the claim whose answer was lost, instead of waiting for it to go stale', async () => {
    const { ticket, crm, alex } = setup()
    ticket.script = ['lost']
    expect((await failure(alex.run())).step).toBe('claim')
    expect(ticket.tags).toContain(PENDING_TAG)
    expect(resumableAttempt(ticket.tags, alex.store)).not.toBeNull()
    expect(await alex.run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
  })

  it('never posts the note twice when the final update landed but its answer was lost', async () => {
    const { ticket, crm, alex } = setup()
    ticket.script = [] // the claim goes through
    const original = ticket.write.bind(ticket)
    let writes = 0
    ticket.write = (state, change) =>
      ++writes === 2 ? ((ticket.script = ['lost']), original(state, change)) : original(state, change)
    expect((await failure(alex.run())).step).toBe('zendesk')
    expect(ticket.notes).toHaveLength(1)
    expect(resumableAttempt(ticket.tags, alex.store)).not.toBeNull()

    expect(await alex.run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect(alex.store.attempts.size).toBe(0)
  })

  it('takes over a claim left for longer than the stale time, and adopts the task it may have made', async () => {
    const { ticket, crm, alex } = setup()
    const abandoned = newClaim(2, START - CLAIM_STALE_AFTER_MS - 1000, 'gone')
    ticket.tags = ['outage', PENDING_TAG, claimTag(abandoned)]
    crm.tasks.push({ ...(await firstTaskInput()), description: 'Escalated by: Sam' })
    expect(await alex.run()).toMatchObject({ kind: 'done', taskId: 'T1' })
    expect(crm.tasks).toHaveLength(1)
    expect(ticket.notes).toHaveLength(1)
    expect(ticket.tags).toEqual(['outage', 'csm_escalated'])
  })

  it('waits for a fresh claim instead of taking it over', async () => {
    const { ticket, crm, alex } = setup()
    ticket.tags = ['outage', PENDING_TAG, claimTag(newClaim(2, START - 5000, 'busy'))]
    expect(await alex.run()).toMatchObject({ kind: 'claimed', holder: { agentName: 'Sam', byMe: false } })
    expect(crm.tasks).toEqual([])
  })

  it('judges a claim by Zendesk’s clock, not by an agent’s clock that runs minutes ahead or behind', async () => {
    const { ticket, crm, alex } = setup()
    // Sam's claim is 5 s old by Zendesk's clock; Alex's own clock is 10 minutes ahead.
    ticket.serverTime = START + 5000
    ticket.tags = ['outage', PENDING_TAG, claimTag(newClaim(2, START, 'busy'))]
    alex.advance(10 * 60_000)
    expect(await alex.run()).toMatchObject({ kind: 'claimed', holder: { agentName: 'Sam' } })
    expect(crm.tasks).toEqual([])

    // Stale by Zendesk's clock: taken over, whatever Alex's clock says; Alex's own claim has Zendesk's time.
    alex.advance(-20 * 60_000)
    ticket.serverTime = START + CLAIM_STALE_AFTER_MS + 1000
    expect(await alex.run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
    expect(crm.tasks[0]?.description).toContain('Call them today')
  })

  it('stamps its own claim with Zendesk’s clock, so other agents judge it by the same clock', async () => {
    const { ticket, crm, alex } = setup()
    ticket.serverTime = START + 42_000
    alex.advance(-7 * 60_000)
    crm.script = ['fail']
    await expect(alex.run()).rejects.toMatchObject({ step: 'crm' })
    expect(ticket.tags).toContain(claimTag(newClaim(1, START + 42_000, 'n1x0')))
  })

  it('escalates again after the earlier escalation was closed, under its own key and tag', async () => {
    const { ticket, crm, alex } = setup()
    ticket.tags = ['csm_escalated']
    expect(await alex.run(1)).toMatchObject({ kind: 'done' })
    expect(crm.tasks[0]?.key).toBe('zd:demo:102:2')
    expect(ticket.tags).toEqual(['csm_escalated', 'csm_escalation_2'])
  })

  it('says another tab of this browser is escalating when it cannot have the lock', async () => {
    const { crm, alex } = setup()
    const busy = { ...alex.deps, exclusive: () => Promise.resolve(null) }
    expect(await escalate({ account, draft, priorEscalations: 0 }, busy, 'x')).toMatchObject({
      kind: 'claimed',
      holder: { byMe: true, claim: null },
    })
    expect(crm.tasks).toEqual([])
  })

  it('sends the task to the fallback owner when the account has no CSM, and says so', async () => {
    const { crm, alex } = setup()
    const deps = { ...alex.deps, fallbackOwner: '005Q' }
    expect(
      await escalate({ account: { ...account, csm: null }, draft, priorEscalations: 0 }, deps, 'the CS team')
    ).toMatchObject({ kind: 'done', ownerName: 'the CS team' })
    expect(crm.tasks[0]?.ownerId).toBe('005Q')
    expect(crm.tasks[0]?.description).toContain('This account has no CSM')
  })

  it('refuses without a CSM or a fallback owner, before touching the ticket or the CRM', async () => {
    const { ticket, crm, alex } = setup()
    expect((await failure(alex.run(0, { ...account, csm: null }))).step).toBe('crm')
    expect(crm.tasks).toEqual([])
    expect(ticket.tags).toEqual(['outage'])
  })

  it('retries only the internal note of a follow-up whose CRM part already succeeded', async () => {
    const { ticket, crm, alex } = setup()
    const task = { taskId: 'T1', taskUrl: null, ownerName: 'Marcus' }
    await followUp(task, 'Called again', alex.deps, {
      progress: { crmDone: true, slack: null, thread: null },
    })
    expect(crm.appended).toEqual([])
    expect(ticket.notes).toEqual(['Follow-up sent to Marcus on the CRM task T1:\n\nCalled again'])
  })

  it('adds a follow-up to the task and the ticket instead of a second escalation', async () => {
    const { ticket, crm, alex } = setup()
    await followUp(
      { taskId: 'T1', taskUrl: 'https://crm/T1', ownerName: 'Marcus' },
      '  Customer called again  ',
      alex.deps
    )
    expect(crm.appended).toEqual(['T1: Follow-up from Alex on 2026-11-25:\nCustomer called again'])
    expect(crm.tasks).toEqual([])
    expect(ticket.notes).toEqual([
      'Follow-up sent to Marcus on the CRM task https://crm/T1:\n\nCustomer called again',
    ])
  })
})

async function firstTaskInput(): Promise<EscalationTaskInput> {
  const { crm, alex } = setup()
  await alex.run()
  const input = crm.tasks[0]
  if (!input) throw new Error('no task')
  return input
}
