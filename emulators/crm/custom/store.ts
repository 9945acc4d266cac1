import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays } from '../server/relative-date'

export interface NwUser {
  id: string
  full_name: string
  email: string
}

export interface NwAccount {
  id: string
  name: string
  domains: string[]
  external_ids: string[]
  owner: string | null
  health: {
    score: number | null
    trend: 'up' | 'flat' | 'down'
    /** The scores the account had, oldest first, the last being the current one. */
    history: { score: number; recorded_at: string }[]
  }
  renewal_date: string | null
  arr: number | null
}

export interface NwContact {
  id: string
  email: string
  account: string
}

export interface NwComment {
  id: string
  task_id: string
  body: string
  created_at: string
}

export interface NwTask {
  id: string
  account_id: string
  title: string
  body: string
  assignee_id: string
  priority: 'high' | 'normal' | 'low'
  due_date: string
  contact_id: string | null
  external_key: string | null
  status: 'open' | 'done'
  created_at: string
  comments: NwComment[]
}

interface SeedFile {
  users: NwUser[]
  accounts: (Omit<NwAccount, 'renewal_date' | 'health'> & {
    renewalInDays: number | null
    health: Omit<NwAccount['health'], 'history'> & { history?: { score: number; daysAgo: number }[] }
  })[]
  contacts: NwContact[]
}

/** The Northwind Success API's data: seeded users, accounts and contacts, plus tasks, comments and idempotency keys. */
export class NorthwindStore {
  users: NwUser[] = []
  accounts: NwAccount[] = []
  contacts: NwContact[] = []
  tasks: NwTask[] = []
  /** Idempotency-Key → the task its first request created. */
  readonly idempotency = new Map<string, string>()
  private counter = 0

  constructor(private readonly today: () => Date) {
    this.reset()
  }

  reset(): void {
    const seed = JSON.parse(
      readFileSync(join(import.meta.dirname, '../seed/custom.json'), 'utf8')
    ) as SeedFile
    const today = this.today()
    this.users = seed.users.map((user) => ({ ...user }))
    this.accounts = seed.accounts.map(({ renewalInDays, health, ...account }) => ({
      ...structuredClone(account),
      health: {
        score: health.score,
        trend: health.trend,
        history: (health.history ?? []).map(({ score, daysAgo }) => ({
          score,
          recorded_at: `${addDays(today, -daysAgo)}T10:00:00Z`,
        })),
      },
      renewal_date: renewalInDays === null ? null : addDays(today, renewalInDays),
    }))
    this.contacts = seed.contacts.map((contact) => ({ ...contact }))
    this.tasks = []
    this.idempotency.clear()
    this.counter = 0
  }

  /** Ids for what the API writes: task_0001, cmt_0002, … */
  nextId(prefix: 'task' | 'cmt'): string {
    this.counter += 1
    return `${prefix}_${String(this.counter).padStart(4, '0')}`
  }
}
