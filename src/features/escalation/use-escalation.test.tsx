import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { globex, outageTicket } from '../../test-support/escalation-fixtures'
import type { CustomerContext } from '../../domain/customer'
import {
  escalate,
  inspectEscalation,
  resumableAttempt,
  sendSlackAgain,
  type EscalateDeps,
} from '../../domain/escalate'
import { MemorySlack } from '../../test-support/memory-escalation'
import type { AttemptProgress, EscalationDraft, ExistingEscalation } from '../../domain/escalation'
import { claimTag, escalationKey, newClaim, PENDING_TAG } from '../../domain/escalation-claim'
import type { EscalationStore, EscalationTaskInput, TicketState } from '../../domain/ports'
import { ServicesProvider, type EscalationService, type Services } from '../shared/services-context'
import { useEscalation } from './use-escalation'

// The hook through its provider, over the real escalation use case and small in-memory ports: a
// shared ticket that applies collision protection, a CRM that keeps tasks by key, one store.
const NOW = Date.parse('2026-12-01T10:00:00Z')
const SLACK_DM = { notify: 'dm', channel: null } as const

class World {
  tags: string[] = ['outage']
  stamp = 1
  notes: string[] = []
  tasks: EscalationTaskInput[] = []
  attempts = new Map<string, AttemptProgress>()
  draft: EscalationDraft | null = null
  current: string | null = null
  /** Slack on (direct messages) when set. */
  slack: MemorySlack | null = null

  store: EscalationStore = {
    loadDraft: () => this.draft,
    saveDraft: (draft) => void (this.draft = draft),
    loadAttempt: (id) => this.attempts.get(id) ?? null,
    saveAttempt: (progress) => void this.attempts.set(progress.attemptId, progress),
    forgetAttempt: (id) => void this.attempts.delete(id),
    currentAttempt: () => this.current,
    setCurrentAttempt: (id) => void (this.current = id),
    finish: (id) => {
      this.attempts.delete(id)
      if (this.current === id) this.current = null
      this.draft = null
    },
  }

  existing(key: string): ExistingEscalation | null {
    const index = this.tasks.findIndex((task) => task.key === key)
    return index < 0
      ? null
      : {
          taskId: `T${index + 1}`,
          taskUrl: null,
          ownerName: 'Marcus',
          escalatedBy: 'Sam',
          createdAt: null,
          closed: false,
        }
  }

  deps(): EscalateDeps {
    const state = (): TicketState => ({
      tags: [...this.tags],
      updatedAt: String(this.stamp),
      serverTime: null,
    })
    return {
      crm: {
        createTask: (input) => {
          const found = this.existing(input.key)
          if (found) return Promise.resolve({ kind: 'exists', existing: found })
          this.tasks.push(input)
          return Promise.resolve({ kind: 'created', taskId: `T${this.tasks.length}`, taskUrl: null })
        },
        appendToTask: () => Promise.resolve(),
        findExisting: (ref) => Promise.resolve(this.existing(ref.key)),
      },
      zendesk: {
        details: () => Promise.resolve(outageTicket(1, 'Alex')),
        recentTicketCount: () => Promise.resolve(null),
        readState: () => Promise.resolve(state()),
        writeIfUnchanged: (_id, seen, change) => {
          if (seen.updatedAt !== String(this.stamp)) return Promise.resolve('conflict')
          this.tags = [...change.tags]
          if (change.internalNote) this.notes.push(change.internalNote)
          this.stamp += 1
          return Promise.resolve('written')
        },
        addInternalNoteAndTag: () => Promise.resolve(),
        hasInternalNoteContaining: (_id, marker) =>
          Promise.resolve(this.notes.some((n) => n.includes(marker))),
        internalNotes: () => Promise.resolve([...this.notes].reverse()),
        agentName: () => Promise.resolve('Sam'),
        followerByEmail: () => Promise.resolve(null),
      },
      store: this.store,
      now: () => NOW,
      sleep: () => Promise.resolve(),
      nonce: () => 'n1',
      exclusive: (task) => task(),
      healthRiskBelow: 50,
      fallbackOwner: null,
      formatArr: String,
      ...(this.slack ? { slack: { port: this.slack, routing: SLACK_DM } } : {}),
    }
  }

  service(): EscalationService {
    return {
      fallbackOwner: null,
      loadDraft: () => this.store.loadDraft(),
      saveDraft: (_ticket, draft) => this.store.saveDraft(draft),
      resumable: (ticket) => resumableAttempt(ticket.escalationTags ?? [], this.store),
      escalate: (_context, account, draft, prior) =>
        escalate({ account, draft, priorEscalations: prior }, this.deps(), 'the CS team'),
      inspect: async () => ({ ...(await inspectEscalation(this.deps())), busyHere: false }),
      checksExisting: () => false,
      findExisting: (_context, _account, escalations) =>
        Promise.resolve(this.existing(escalationKey('demo', 102, Math.max(1, escalations)))),
      followUp: () => Promise.reject(new Error('follow-ups are not part of these tests')),
      sendSlackAgain: (delivery) => {
        const deps = this.deps()
        return deps.slack
          ? sendSlackAgain(delivery, { slack: deps.slack, zendesk: deps.zendesk })
          : Promise.resolve({ state: 'off' })
      },
      sendSlackReplyAgain: () => Promise.reject(new Error('follow-ups are not part of these tests')),
    }
  }
}

const account = globex

/** The hook for a fresh ticket with the given account (its CSM's email reaches Slack). */
function renderHookFor(world: World, who: typeof account) {
  const customer: CustomerContext = {
    requester: null,
    organization: null,
    ticket: { id: 102, subdomain: 'demo', escalated: false, escalationTags: [] },
  }
  const services = { escalation: world.service(), now: () => NOW } as unknown as Services
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ServicesProvider services={services}>{children}</ServicesProvider>
  )
  return renderHook(() => useEscalation(customer, who, null), { wrapper })
}

function render(world: World, tags: readonly string[], existing: ExistingEscalation | null = null) {
  const customer: CustomerContext = {
    requester: null,
    organization: null,
    ticket: { id: 102, subdomain: 'demo', escalated: tags.includes('csm_escalated'), escalationTags: tags },
  }
  const services = { escalation: world.service(), now: () => NOW } as unknown as Services
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ServicesProvider services={services}>{children}</ServicesProvider>
  )
  return renderHook(() => useEscalation(customer, account, existing), { wrapper })
}

describe('useEscalation', () => {
  it('finishes its own half-done attempt on load, before showing anything else', async () => {
    const world = new World()
    const claim = newClaim(1, NOW - 5000, 'n0')
    world.tags = ['outage', PENDING_TAG, claimTag(claim)]
    world.attempts.set(claim.attemptId, {
      attemptId: claim.attemptId,
      sequence: 1,
      draft: { reason: 'churn-risk', note: 'Before the reload' },
      accountId: '001A',
      crmAttempted: false,
      task: null,
      zendeskAttempted: false,
    })
    const { result } = render(world, world.tags)
    expect(result.current.state).toEqual({ status: 'sending', resuming: true })
    await waitFor(() => expect(result.current.state.status).toBe('done'))
    expect(world.tasks).toHaveLength(1)
    expect(world.notes).toHaveLength(1)
    expect(world.tags).toEqual(['outage', 'csm_escalated'])
  })

  it('follows another agent’s claim and then offers its own note as a follow-up', async () => {
    const world = new World()
    const theirs = newClaim(2, NOW - 3000, 'x')
    world.tags = ['outage', PENDING_TAG, claimTag(theirs)]
    const { result } = render(world, world.tags)
    expect(result.current.state).toMatchObject({ status: 'claimed', holder: null })
    await waitFor(() =>
      expect(result.current.state).toMatchObject({ status: 'claimed', holder: { agentName: 'Sam' } })
    )
    act(() => result.current.setDraft({ reason: 'churn-risk', note: 'My view' }))

    // Sam's escalation completes.
    world.tasks.push({ key: escalationKey('demo', 102) } as EscalationTaskInput)
    world.tags = ['outage', 'csm_escalated']
    world.stamp += 1
    await waitFor(
      () => expect(result.current.state).toMatchObject({ status: 'existing', pendingNote: 'My view' }),
      {
        timeout: 6000,
      }
    )
    expect(world.tasks).toHaveLength(1)
  })

  it('offers the form for the next escalation only from a closed one', () => {
    const world = new World()
    const closed: ExistingEscalation = {
      taskId: 'T1',
      taskUrl: null,
      ownerName: 'Marcus',
      escalatedBy: null,
      createdAt: null,
      closed: true,
    }
    const { result } = render(world, ['csm_escalated'], closed)
    expect(result.current.state).toMatchObject({ status: 'existing', prior: 1 })
    act(() => result.current.escalateAgain())
    expect(result.current.state).toEqual({ status: 'idle', prior: 1 })
  })

  it('"Send again" after Slack refused sends one message, however often it is clicked', async () => {
    const world = new World()
    world.slack = new MemorySlack()
    world.slack.script = ['refuse']
    const marcus = { ...account, csm: { id: '005M', name: 'Marcus', email: 'marcus@globex-vendor.example' } }
    const { result } = renderHookFor(world, marcus)
    await act(() => result.current.submit())
    expect(result.current.state).toMatchObject({
      status: 'done',
      slack: { state: 'not-sent', kind: 'not-in-channel' },
      resending: false,
    })
    await act(async () => {
      void result.current.sendSlackAgain()
      void result.current.sendSlackAgain()
      await Promise.resolve()
    })
    await waitFor(() =>
      expect(result.current.state).toMatchObject({ slack: { state: 'sent' }, slackRetry: null })
    )
    expect(world.slack.posted).toHaveLength(1)
    expect(world.tasks).toHaveLength(1)
    expect(world.notes).toHaveLength(1)
  })
})
