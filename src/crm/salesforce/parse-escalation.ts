import type { ExistingEscalation } from '../../domain/escalation'
import { escalatedByFromNote } from '../../domain/escalation'
import { CrmError } from '../../domain/crm-error'
import { queryResultSchema } from './salesforce-schemas'
import * as z from 'zod/mini'

const taskSchema = z.looseObject({
  Id: z.string(),
  WhatId: z.nullable(z.optional(z.string())),
  CreatedDate: z.nullable(z.optional(z.string())),
  Description: z.nullable(z.optional(z.string())),
  Owner: z.nullable(z.optional(z.looseObject({ Name: z.nullable(z.optional(z.string())) }))),
  IsClosed: z.nullable(z.optional(z.boolean())),
})

export function taskRecordUrl(baseUrl: string, taskId: string): string {
  return `${baseUrl}/lightning/r/Task/${encodeURIComponent(taskId.toWellFormed())}/view`
}

/** The newest escalation task on this account, from a query result; null when there is none. */
export function parseEscalation(
  body: unknown,
  accountId: string,
  baseUrl: string
): ExistingEscalation | null {
  const result = queryResultSchema.safeParse(body)
  if (!result.success) throw new CrmError('invalid-response', 'Salesforce returned an unreadable task query')
  for (const record of result.data.records) {
    const task = taskSchema.safeParse(record)
    if (!task.success) throw new CrmError('invalid-response', 'Salesforce returned an unreadable task')
    // A subject match could be another Zendesk account's ticket with the same number.
    if (task.data.WhatId && task.data.WhatId.slice(0, 15) !== accountId.slice(0, 15)) continue
    return {
      taskId: task.data.Id,
      taskUrl: taskRecordUrl(baseUrl, task.data.Id),
      ownerName: task.data.Owner?.Name ?? null,
      escalatedBy: escalatedByFromNote(task.data.Description),
      createdAt: task.data.CreatedDate ?? null,
      closed: task.data.IsClosed === true,
    }
  }
  return null
}
