import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays } from '../server/relative-date'
import type { ObjectName, SfRecord } from './schema'

interface SeedFile {
  users: Record<string, unknown>[]
  accounts: (Record<string, unknown> & { renewalInDays: number | null })[]
  contacts: (Record<string, unknown> & { FirstName: string; LastName: string })[]
  accountHistory: (Record<string, unknown> & { daysAgo: number })[]
}

const QUEUE_USER = '005000000000009AAA'

/** The org's data: seeded records per object, plus what tests and the demo write (Tasks). */
export class SalesforceStore {
  records: Record<ObjectName, SfRecord[]> = {
    Account: [],
    AccountHistory: [],
    Contact: [],
    User: [],
    Task: [],
  }
  private taskCounter = 0

  constructor(private readonly today: () => Date) {
    this.reset()
  }

  reset(): void {
    const seed = JSON.parse(
      readFileSync(join(import.meta.dirname, '../seed/salesforce.json'), 'utf8')
    ) as SeedFile
    const today = this.today()
    const created = '2024-01-15T09:00:00.000+0000'
    this.records = {
      User: seed.users.map((user) => ({ ...user }) as SfRecord),
      Account: seed.accounts.map(({ renewalInDays, ...account }) => ({
        ...account,
        OwnerId: QUEUE_USER,
        CreatedDate: created,
        Renewal_Date__c: renewalInDays === null ? null : addDays(today, renewalInDays),
      })) as unknown as SfRecord[],
      Contact: seed.contacts.map(
        (contact) => ({ ...contact, Name: `${contact.FirstName} ${contact.LastName}` }) as unknown as SfRecord
      ),
      Task: [],
      AccountHistory: seed.accountHistory.map(({ daysAgo, ...row }) => ({
        ...row,
        IsDeleted: false,
        CreatedDate: `${addDays(today, -daysAgo)}T10:00:00.000+0000`,
      })) as unknown as SfRecord[],
    }
    this.taskCounter = 0
  }

  find(object: ObjectName, id: unknown): SfRecord | null {
    if (typeof id !== 'string') return null
    // 15- and 18-character forms of an id name the same record.
    return this.records[object].find((record) => record.Id.slice(0, 15) === id.slice(0, 15)) ?? null
  }

  nextTaskId(): string {
    this.taskCounter += 1
    return `00T${String(this.taskCounter).padStart(12, '0')}AAA`
  }
}
