/** The sObjects the emulator knows, their fields and their lookup relationships (name → [target, lookup field]). */
export const SCHEMA = {
  Account: {
    prefix: '001',
    fields: [
      'Id',
      'Name',
      'Website',
      'OwnerId',
      'CSM__c',
      'Health_Score__c',
      'Renewal_Date__c',
      'ARR__c',
      'CreatedDate',
    ],
    relationships: { CSM__r: ['User', 'CSM__c'], Owner: ['User', 'OwnerId'] },
  },
  // Field history: one row per tracked change, written by Salesforce (never by the API).
  AccountHistory: {
    prefix: '017',
    fields: ['Id', 'AccountId', 'Field', 'DataType', 'OldValue', 'NewValue', 'CreatedDate', 'IsDeleted'],
    relationships: { Account: ['Account', 'AccountId'] },
  },
  Contact: {
    prefix: '003',
    fields: ['Id', 'FirstName', 'LastName', 'Name', 'Email', 'AccountId'],
    relationships: { Account: ['Account', 'AccountId'] },
  },
  User: { prefix: '005', fields: ['Id', 'Name', 'Email', 'IsActive'], relationships: {} },
  Task: {
    prefix: '00T',
    fields: [
      'Id',
      'Subject',
      'Description',
      'OwnerId',
      'WhatId',
      'WhoId',
      'Priority',
      'Status',
      'ActivityDate',
      'IsClosed',
      'Zendesk_Escalation_Key__c',
      'CreatedDate',
      'CreatedById',
    ],
    relationships: {
      Owner: ['User', 'OwnerId'],
      What: ['Account', 'WhatId'],
      Who: ['Contact', 'WhoId'],
      CreatedBy: ['User', 'CreatedById'],
    },
  },
} as const satisfies Record<
  string,
  { prefix: string; fields: readonly string[]; relationships: Record<string, readonly [string, string]> }
>

export type ObjectName = keyof typeof SCHEMA

/** Child relationships (parent object → name → [child object, the child's lookup to the parent]). */
const CHILDREN: Partial<Record<ObjectName, Record<string, readonly [ObjectName, string]>>> = {
  Account: { Contacts: ['Contact', 'AccountId'], Histories: ['AccountHistory', 'AccountId'] },
}

export function childRelationship(
  object: ObjectName,
  name: string
): { name: string; child: ObjectName; lookup: string } | null {
  const entry = Object.entries(CHILDREN[object] ?? {}).find(
    ([rel]) => rel.toLowerCase() === name.toLowerCase()
  )
  if (!entry) return null
  const [rel, [child, lookup]] = entry
  return { name: rel, child, lookup }
}

/** anyType history values: Salesforce allows them in SELECT and ORDER BY, never in WHERE. */
export function isFilterable(object: ObjectName, field: string): boolean {
  return !(object === 'AccountHistory' && (field === 'OldValue' || field === 'NewValue'))
}
export type SfRecord = Record<string, unknown> & { Id: string }

export function objectName(name: string): ObjectName | null {
  return (
    (Object.keys(SCHEMA) as ObjectName[]).find((known) => known.toLowerCase() === name.toLowerCase()) ?? null
  )
}

/** Canonical field name (Salesforce names are case-insensitive), or null. */
export function fieldName(object: ObjectName, name: string): string | null {
  return SCHEMA[object].fields.find((field) => field.toLowerCase() === name.toLowerCase()) ?? null
}

export function relationship(
  object: ObjectName,
  name: string
): { name: string; target: ObjectName; lookup: string } | null {
  const entry = Object.entries(SCHEMA[object].relationships).find(
    ([rel]) => rel.toLowerCase() === name.toLowerCase()
  )
  if (!entry) return null
  const [rel, [target, lookup]] = entry as [string, readonly [ObjectName, string]]
  return { name: rel, target, lookup }
}

export function isIdField(field: string): boolean {
  return field === 'Id' || field.endsWith('Id') || field === 'CSM__c'
}

export function looksLikeId(value: string): boolean {
  return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value)
}
