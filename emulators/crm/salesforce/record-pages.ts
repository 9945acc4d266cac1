import { recordPage, type PageRecord } from '../record-page'
import type { SfRecord } from './schema'
import type { SalesforceStore } from './store'

/**
 * Lightning record pages: `/lightning/r/Task/<id>/view` (the escalation's task link) and
 * `/lightning/r/Account/<id>/view` (the card's account link, with the account's tasks).
 */
export function salesforceRecordPage(store: SalesforceStore, path: string): string | null {
  const match = /^\/lightning\/r\/(Task|Account)\/([^/]+)\/view$/.exec(path)
  if (!match) return path.startsWith('/lightning/r/') ? `Emulated Salesforce record page: ${path}` : null
  const id = decodeURIComponent(match[2] ?? '')
  const title = `Emulated Salesforce record page: ${path}`
  if (match[1] === 'Task') {
    const task = store.find('Task', id)
    return recordPage(title, task ? [taskRecord(store, task)] : [missing('Task', id)])
  }
  const account = store.find('Account', id)
  if (!account) return recordPage(title, [missing('Account', id)])
  const tasks = store.records.Task.filter((task) => task['WhatId'] === account.Id)
  return recordPage(title, [accountRecord(store, account), ...tasks.map((task) => taskRecord(store, task))])
}

const nameOf = (store: SalesforceStore, object: 'User' | 'Account' | 'Contact', id: unknown): string => {
  const record = store.find(object, id)
  return record ? `${String(record['Name'])} (${record.Id})` : String(id ?? '—')
}

function taskRecord(store: SalesforceStore, task: SfRecord): PageRecord {
  return {
    heading: `Task ${task.Id}: ${String(task['Subject'])}`,
    fields: [
      ['Assigned to', nameOf(store, 'User', task['OwnerId'])],
      ['Related to', nameOf(store, 'Account', task['WhatId'])],
      ['Name', task['WhoId'] ? nameOf(store, 'Contact', task['WhoId']) : null],
      ['Status', task['Status']],
      ['Priority', task['Priority']],
      ['Due date', task['ActivityDate']],
      ['Escalation key', task['Zendesk_Escalation_Key__c']],
      ['Created', task['CreatedDate']],
    ],
    note: { label: 'Comments', text: String(task['Description'] ?? '') },
  }
}

function accountRecord(store: SalesforceStore, account: SfRecord): PageRecord {
  return {
    heading: `Account ${account.Id}: ${String(account['Name'])}`,
    fields: [
      ['Website', account['Website']],
      ['CSM', account['CSM__c'] ? nameOf(store, 'User', account['CSM__c']) : null],
      ['Health score', account['Health_Score__c']],
      ['Renewal date', account['Renewal_Date__c']],
      ['ARR', account['ARR__c']],
    ],
  }
}

const missing = (object: string, id: string): PageRecord => ({
  heading: `No ${object} ${id} in this emulated org`,
  fields: [],
})
