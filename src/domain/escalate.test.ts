import { describe, expect, it } from 'vitest'
import type { AccountSummary } from './account'
import { CrmError } from './crm-error'
import { escalate, EscalationError, followUp } from './escalate'
import type { ExistingEscalation, StoredEscalation } from './escalation'
import type {
  EscalationCrm,
  EscalationStore,
  EscalationTaskInput,
  TicketDetails,
  TicketWriter,
} from './ports'

// Small in-memory implementations of the ports, each recording what it was asked to do, so the
// tests read as "what reached the CRM and the ticket" after each sequence of events.
class MemoryStore implements EscalationStore {
  value: StoredEscalation | null = null
  load() {
    return this.value
  }
  save(value: StoredEscalation) {
    this.value = value
  }
  clear() {
    this.value = null
  }
}

class RecordingCrm implements EscalationCrm {
  tasks: EscalationTaskInput[] = []
  appended: string[] = []
  appendToTask(taskId: string, text: string) {
    this.appended.push(`${taskId}: ${text}`)
    return Promise.resolve()
  }
  /** Failures to play, in order, before behaving normally. `lost` = created, but the answer never arrived. */
  script: ('fail' | 'lost')[] = []
  createTask(input: EscalationTaskInput) {
    const next = this.script.shift()
    if (next === 'fail') return Promise.reject(new CrmError('unavailable', 'down', { status: 503 }))
    const existing = this.tasks.find((task) => task.key === input.key)
    if (existing) {
      const found: ExistingEscalation = {
        taskId: 'T1',
        taskUrl: 'https://crm/T1',
        ownerName: 'Marcus',
        escalatedBy: 'Sam',
        createdAt: null,
      }
      return Promise.resolve({ kind: 'exists' as const, existing: found })
    }
    this.tasks.push(input)
    if (next === 'lost') return Promise.reject(new CrmError('unavailable', 'timeout', { timedOut: true }))
    return Promise.resolve({ kind: 'created' as const, taskId: 'T1', taskUrl: 'https://crm/T1' })
  }
}

class RecordingTicket implements TicketWriter {
  notes: string[] = []
  tags: string[] = []
  script: ('fail' | 'lost')[] = []
  details(): Promise<TicketDetails> {
    return Promise.resolve({
      id: 102,
      subdomain: 'demo',
      subject: 'Outage',
      priority: 'urgent',
      status: 'open',
      requester: null,
      organization: { id: 9, name: 'Globex' },
      agentName: 'Alex',
    })
  }
  recentTicketCount() {
    return Promise.resolve(3)
  }
  addInternalNoteAndTag(_ticketId: number, note: string, tag: string) {
    const next = this.script.shift()
    if (next === 'fail') return Promise.reject(new Error('zendesk down'))
    this.notes.push(note)
    this.tags.push(tag)
    return next === 'lost' ? Promise.reject(new Error('answer lost')) : Promise.resolve()
  }
  hasInternalNoteContaining(_ticketId: number, marker: string) {
    return Promise.resolve(this.notes.some((note) => note.includes(marker)))
  }
}

const account: AccountSummary = {
  id: '001A',
  name: 'Globex',
  recordUrl: null,
  csm: { id: '005M', name: 'Marcus', email: null },
  healthScore: 38,
  renewalDate: null,
  arr: null,
  matchedBy: 'requester-email',
  contactId: '003H',
}
const draft = { reason: 'churn-risk' as const, note: 'Call them today' }

function setup(fallbackOwner: string | null = null) {
  const crm = new RecordingCrm()
  const zendesk = new RecordingTicket()
  const store = new MemoryStore()
  const deps = {
    crm,
    zendesk,
    store,
    now: () => Date.parse('2026-11-25T10:00:00Z'),
    healthRiskBelow: 50,
    fallbackOwner,
    formatArr: String,
  }
  return {
    crm,
    zendesk,
    store,
    run: (acc: AccountSummary = account) => escalate(acc, draft, deps, 'the CS team'),
  }
}

async function failure(promise: Promise<unknown>): Promise<EscalationError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof EscalationError) return error
    throw error
  }
  throw new Error('expected an EscalationError')
}

describe('escalate', () => {
  it('creates one task, one note and the tag, then forgets the draft', async () => {
    const { crm, zendesk, store, run } = setup()
    expect(await run()).toEqual({
      kind: 'done',
      ownerName: 'Marcus',
      taskId: 'T1',
      taskUrl: 'https://crm/T1',
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
    })
    expect(crm.tasks[0]?.description).toContain('Call them today')
    expect(zendesk.notes).toHaveLength(1)
    expect(zendesk.notes[0]).toContain('CRM task: https://crm/T1')
    expect(zendesk.tags).toEqual(['csm_escalated'])
    expect(store.value).toBeNull()
  })

  it('keeps the draft when the CRM fails, and a retry creates exactly one task', async () => {
    const { crm, store, zendesk, run } = setup()
    crm.script = ['fail']
    expect((await failure(run())).step).toBe('crm')
    expect(store.value?.draft).toEqual(draft)
    expect(crm.tasks).toHaveLength(0)

    expect(await run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
    expect(zendesk.notes).toHaveLength(1)
  })

  it('treats a task found after our own lost answer as ours and finishes the escalation', async () => {
    const { crm, zendesk, run } = setup()
    crm.script = ['lost']
    expect((await failure(run())).step).toBe('crm')
    expect(crm.tasks).toHaveLength(1)

    expect(await run()).toMatchObject({ kind: 'done', taskUrl: 'https://crm/T1' })
    expect(crm.tasks).toHaveLength(1)
    expect(zendesk.notes).toHaveLength(1)
  })

  it('shows another agent’s escalation instead of adding a second one', async () => {
    const { crm, zendesk, store, run } = setup()
    crm.tasks.push(anotherAgentsTask)
    expect(await run()).toMatchObject({ kind: 'already-escalated', existing: { escalatedBy: 'Sam' } })
    expect(crm.tasks).toHaveLength(1)
    expect(zendesk.notes).toEqual([])
    expect(store.value).toBeNull()
  })

  it('retries only the Zendesk step after the task exists, and never posts the note twice', async () => {
    const { crm, zendesk, run } = setup()
    zendesk.script = ['lost']
    expect((await failure(run())).step).toBe('zendesk')
    expect(crm.tasks).toHaveLength(1)
    expect(zendesk.notes).toHaveLength(1)

    expect(await run()).toMatchObject({ kind: 'done' })
    expect(crm.tasks).toHaveLength(1)
    expect(zendesk.notes).toHaveLength(1)
  })

  it('sends the task to the fallback owner when the account has no CSM, and says so', async () => {
    const { crm, run } = setup('005Q')
    expect(await run({ ...account, csm: null })).toMatchObject({ kind: 'done', ownerName: 'the CS team' })
    expect(crm.tasks[0]?.ownerId).toBe('005Q')
    expect(crm.tasks[0]?.description).toContain('This account has no CSM')
  })

  it('adds a follow-up to the task and the ticket instead of a second escalation', async () => {
    const { crm, zendesk } = setup()
    await followUp(
      { taskId: 'T1', taskUrl: 'https://crm/T1', ownerName: 'Marcus' },
      '  Customer called again  ',
      { crm, zendesk, now: () => Date.parse('2026-11-25T10:00:00Z') }
    )
    expect(crm.appended).toEqual(['T1: Follow-up from Alex on 2026-11-25:\nCustomer called again'])
    expect(crm.tasks).toEqual([])
    expect(zendesk.notes).toEqual([
      'Follow-up sent to Marcus on the CRM task https://crm/T1:\n\nCustomer called again',
    ])
  })

  it('refuses without a CSM or a fallback owner, before touching the CRM', async () => {
    const { crm, run } = setup()
    expect((await failure(run({ ...account, csm: null }))).step).toBe('crm')
    expect(crm.tasks).toEqual([])
  })
})

const anotherAgentsTask: EscalationTaskInput = {
  key: 'zd:demo:102',
  ticketId: 102,
  subject: '[Escalation] #102 Outage',
  description: 'Escalated by: Sam',
  ownerId: '005M',
  accountId: '001A',
  contactId: null,
  priority: 'High',
  dueDate: '2026-11-25',
}
