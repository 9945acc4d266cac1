import { recordPage, type PageRecord } from '../record-page'
import type { NorthwindStore, NwAccount, NwTask } from './store'

/**
 * The Northwind web app's pages: `/app/tasks/<id>` (a task's `url`, the escalation's "Open task"
 * link) and `/app/accounts/<id>` (an account's `web_url`, the card's link, with the account's tasks).
 */
export function northwindRecordPage(store: NorthwindStore, path: string): string | null {
  const match = /^\/app\/(accounts|tasks)\/([^/]+)$/.exec(path)
  if (!match) return null
  const id = decodeURIComponent(match[2] ?? '')
  const title = `Emulated Northwind Success page: ${path}`
  if (match[1] === 'tasks') {
    const task = store.tasks.find((candidate) => candidate.id === id)
    return recordPage(title, task ? [taskRecord(store, task)] : [missing('task', id)])
  }
  const account = store.accounts.find((candidate) => candidate.id === id)
  if (!account) return recordPage(title, [missing('account', id)])
  const tasks = store.tasks.filter((task) => task.account_id === account.id)
  return recordPage(title, [accountRecord(store, account), ...tasks.map((task) => taskRecord(store, task))])
}

const userName = (store: NorthwindStore, id: string | null): string | null => {
  const user = store.users.find((candidate) => candidate.id === id)
  return user ? `${user.full_name} (${user.id})` : id
}

function taskRecord(store: NorthwindStore, task: NwTask): PageRecord {
  const account = store.accounts.find((candidate) => candidate.id === task.account_id)
  const contact = store.contacts.find((candidate) => candidate.id === task.contact_id)
  const comments = task.comments.map((comment) => `\n[${comment.created_at}]\n${comment.body}`).join('\n')
  return {
    heading: `Task ${task.id}: ${task.title}`,
    fields: [
      ['Assignee', userName(store, task.assignee_id)],
      ['Account', account ? `${account.name} (${account.id})` : task.account_id],
      ['Contact', contact ? `${contact.email} (${contact.id})` : null],
      ['Status', task.status],
      ['Priority', task.priority],
      ['Due date', task.due_date],
      ['External key', task.external_key],
      ['Created', task.created_at],
    ],
    note: { label: 'Body', text: comments ? `${task.body}\n\nComments:${comments}` : task.body },
  }
}

function accountRecord(store: NorthwindStore, account: NwAccount): PageRecord {
  return {
    heading: `Account ${account.id}: ${account.name}`,
    fields: [
      ['Domains', account.domains.join(', ')],
      ['Owner', userName(store, account.owner)],
      ['Health score', account.health.score],
      ['Renewal date', account.renewal_date],
      ['ARR', account.arr],
    ],
  }
}

const missing = (kind: string, id: string): PageRecord => ({
  heading: `No ${kind} ${id} in the Northwind Success API`,
  fields: [],
})
