// Small in-memory implementations of the escalation's ports, shared by the use case's tests.
import type { AccountSummary } from '../domain/account'
import { CrmError } from '../domain/crm-error'
import { escalate, EscalationError, type EscalateDeps } from '../domain/escalate'
import type { AttemptProgress, EscalationDraft, ExistingEscalation } from '../domain/escalation'
import type {
  EscalationCrm,
  EscalationStore,
  EscalationTaskInput,
  EscalationTaskResult,
  SlackPort,
  TicketDetails,
  TicketState,
  TicketWriter,
} from '../domain/ports'
import { SlackError } from '../domain/slack-error'
import type { SlackMessage } from '../domain/slack-message'
import { globex, outageTicket } from './escalation-fixtures'

// Small in-memory implementations of the ports, each recording what it was asked to do, so the
// tests read as "what reached the CRM and the ticket" after each sequence of events. The ticket
// applies `safe_update` as Zendesk documents it: a write with a stale stamp changes nothing.
export class MemoryStore implements EscalationStore {
  draft: EscalationDraft | null = null
  attempts = new Map<string, AttemptProgress>()
  current: string | null = null
  loadDraft = () => this.draft
  saveDraft = (draft: EscalationDraft) => void (this.draft = draft)
  loadAttempt = (id: string) => this.attempts.get(id) ?? null
  saveAttempt = (progress: AttemptProgress) => void this.attempts.set(progress.attemptId, progress)
  forgetAttempt = (id: string) => void this.attempts.delete(id)
  currentAttempt = () => this.current
  setCurrentAttempt = (id: string | null) => void (this.current = id)
  finish(id: string) {
    this.attempts.delete(id)
    if (this.current === id) this.current = null
    this.draft = null
  }
}

export class RecordingCrm implements EscalationCrm {
  tasks: EscalationTaskInput[] = []
  appended: string[] = []
  /** Failures to play, in order, before behaving normally. `lost` = created, but the answer never arrived. */
  script: ('fail' | 'lost')[] = []
  appendToTask(taskId: string, text: string) {
    this.appended.push(`${taskId}: ${text}`)
    return Promise.resolve()
  }
  createTask(input: EscalationTaskInput): Promise<EscalationTaskResult> {
    const next = this.script.shift()
    if (next === 'fail') return Promise.reject(new CrmError('unavailable', 'down', { status: 503 }))
    const index = this.tasks.findIndex((task) => task.key === input.key)
    if (index >= 0) {
      const found: ExistingEscalation = {
        taskId: `T${index + 1}`,
        taskUrl: `https://crm/T${index + 1}`,
        ownerName: 'Marcus',
        escalatedBy: 'Sam',
        createdAt: null,
        closed: false,
      }
      return Promise.resolve({ kind: 'exists' as const, existing: found })
    }
    this.tasks.push(input)
    const id = `T${this.tasks.length}`
    if (next === 'lost') return Promise.reject(new CrmError('unavailable', 'timeout', { timedOut: true }))
    return Promise.resolve({ kind: 'created' as const, taskId: id, taskUrl: `https://crm/${id}` })
  }
}

/** One Zendesk ticket, shared by every agent's writer. */
export class MemoryTicket {
  tags: string[] = ['outage']
  notes: string[] = []
  stamp = 1
  /** Failures of the next writes: `fail` writes nothing, `lost` writes and loses the answer. */
  script: ('fail' | 'lost')[] = []
  /** Another update lands just before the next write (a customer reply, a trigger). */
  interruptions = 0
  /** Zendesk's stamps have whole seconds: writes within one second leave the stamp as it was. */
  sameSecond = false
  /** Zendesk's clock, as its answers' Date headers give it; null = answers without a Date. */
  serverTime: number | null = null
  /** Zendesk users who can follow tickets, by email; and the followers the ticket has. */
  agents = new Map<string, number>()
  followers: number[] = []
  userSearches = 0
  write(
    state: TicketState,
    change: { tags: readonly string[]; internalNote?: string; followerIds?: readonly number[] }
  ): Promise<'written' | 'conflict'> {
    if (this.interruptions > 0) {
      this.interruptions -= 1
      this.stamp += 1
    }
    const next = this.script.shift()
    if (next === 'fail') return Promise.reject(new Error('zendesk down'))
    if (state.updatedAt !== String(this.stamp)) return Promise.resolve('conflict' as const)
    this.tags = [...change.tags]
    if (change.internalNote) this.notes.push(change.internalNote)
    this.followers = [...new Set([...this.followers, ...(change.followerIds ?? [])])]
    if (!this.sameSecond) this.stamp += 1
    return next === 'lost' ? Promise.reject(new Error('answer lost')) : Promise.resolve('written' as const)
  }
}

export function writerFor(ticket: MemoryTicket, agentId: number, agentName: string): TicketWriter {
  return {
    details: (): Promise<TicketDetails> => Promise.resolve(outageTicket(agentId, agentName)),
    recentTicketCount: () => Promise.resolve(3),
    readState: () =>
      Promise.resolve({
        tags: [...ticket.tags],
        updatedAt: String(ticket.stamp),
        serverTime: ticket.serverTime,
      }),
    writeIfUnchanged: (_id, state, change) => ticket.write(state, change),
    addInternalNoteAndTag: (_id, note, tag) => {
      ticket.notes.push(note)
      ticket.tags = [...new Set([...ticket.tags, tag])]
      return Promise.resolve()
    },
    hasInternalNoteContaining: (_id, marker) => Promise.resolve(ticket.notes.some((n) => n.includes(marker))),
    internalNotes: () => Promise.resolve([...ticket.notes].reverse()),
    agentName: (id) => Promise.resolve(id === 2 ? 'Sam' : null),
    followerByEmail: (email) => {
      ticket.userSearches += 1
      return Promise.resolve(ticket.agents.get(email) ?? null)
    },
  }
}

export const account = globex
export const draft = { reason: 'churn-risk' as const, note: 'Call them today' }
export const START = Date.parse('2026-11-25T10:00:00Z')

/**
 * Slack's Web API as a workspace holds it: the users it knows by email and the messages posted.
 * `script` plays failures of the next posts: `refuse` answers an error, `lost` posts and loses the answer.
 */
export class MemorySlack implements SlackPort {
  users = new Map<string, string>([['marcus@globex-vendor.example', 'U0MARCUS1']])
  posted: { channel: string; message: SlackMessage; threadTs: string | null }[] = []
  script: ('refuse' | 'lost' | 'rate-limited' | 'hang' | 'not-authed')[] = []
  lookupError: SlackError | null = null
  userIdByEmail(email: string) {
    if (this.lookupError) return Promise.reject(this.lookupError)
    return Promise.resolve(this.users.get(email) ?? null)
  }
  postMessage(channel: string, message: SlackMessage, threadTs?: string) {
    const next = this.script.shift()
    // The tab closes while the message is on its way: no answer, ever.
    if (next === 'hang') return new Promise<never>(() => undefined)
    if (next === 'not-authed')
      return Promise.reject(
        new SlackError('not-configured', 'not_authed', { code: 'not_authed', answered: true })
      )
    if (next === 'refuse')
      return Promise.reject(
        new SlackError('not-in-channel', 'not_in_channel', { code: 'not_in_channel', answered: true })
      )
    if (next === 'rate-limited')
      return Promise.reject(
        new SlackError('rate-limited', 'ratelimited', { retryAfterMs: 30_000, answered: true })
      )
    this.posted.push({ channel, message, threadTs: threadTs ?? null })
    const ts = `1700000000.00000${this.posted.length}`
    const where = channel.startsWith('U') ? `D${channel.slice(1)}` : channel
    if (next === 'lost') return Promise.reject(new SlackError('unavailable', 'lost', { answered: false }))
    return Promise.resolve({ channel: where, ts })
  }
  permalink(channel: string, ts: string) {
    return Promise.resolve(`https://demo.slack.com/archives/${channel}/p${ts.replace('.', '')}`)
  }
}

export function agent(ticket: MemoryTicket, crm: RecordingCrm, agentId = 1, name = 'Alex') {
  let clock = START
  let nonces = 0
  const store = new MemoryStore()
  const deps: EscalateDeps = {
    crm,
    zendesk: writerFor(ticket, agentId, name),
    store,
    now: () => clock,
    sleep: () => Promise.resolve(),
    nonce: () => `n${agentId}x${nonces++}`,
    exclusive: (task) => task(),
    healthRiskBelow: 50,
    fallbackOwner: null,
    formatArr: String,
  }
  return {
    store,
    deps,
    advance: (ms: number) => void (clock += ms),
    run: (prior = 0, acc: AccountSummary = account, agentDraft = draft) =>
      escalate({ account: acc, draft: agentDraft, priorEscalations: prior }, deps, 'the CS team'),
  }
}

export function setup() {
  const ticket = new MemoryTicket()
  const crm = new RecordingCrm()
  return { ticket, crm, alex: agent(ticket, crm) }
}

export async function failure(promise: Promise<unknown>): Promise<EscalationError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof EscalationError) return error
    throw error
  }
  throw new Error('expected an EscalationError')
}
