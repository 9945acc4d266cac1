import { CrmError, isCrmError } from '../../domain/crm-error'
import type { ExistingEscalation } from '../../domain/escalation'
import type {
  EscalationCrm,
  EscalationRef,
  EscalationTaskInput,
  EscalationTaskResult,
} from '../../domain/ports'
import type { AppSettings } from '../../settings/app-settings'
import type { CrmHttp } from '../http/create-crm-http'
import { escalationSoql, openEscalationSoql } from './lookup-plan'
import { parseEscalation, taskRecordUrl } from './parse-escalation'
import { API_ROOT } from './salesforce-api'
import * as z from 'zod/mini'

const createdSchema = z.looseObject({ id: z.string(), success: z.boolean() })
const descriptionSchema = z.looseObject({ Description: z.nullable(z.optional(z.string())) })

/**
 * Escalation tasks in Salesforce, safe to call twice for one ticket:
 * - with an External ID + Unique key field, Salesforce itself refuses a second task
 *   (DUPLICATE_VALUE), and we read back the one that exists;
 * - without one, we look for the ticket's open escalation task before creating.
 */
export function createSalesforceEscalation(http: CrmHttp, settings: AppSettings): EscalationCrm {
  const query = async (soql: string, ref: EscalationRef): Promise<ExistingEscalation | null> => {
    const response = await http.send({ method: 'GET', url: `${API_ROOT}/query`, params: { q: soql } })
    return parseEscalation(response.data, ref.accountId, settings.baseUrl)
  }
  // The task a create would duplicate: by key when the key field exists, else the open one.
  const guard = async (input: EscalationTaskInput): Promise<EscalationTaskResult | null> => {
    const existing = await query(
      settings.escalationKeyField
        ? escalationSoql(input.ticketId, input.key, settings.escalationKeyField)
        : openEscalationSoql(input.ticketId),
      input
    )
    return existing ? { kind: 'exists', existing } : null
  }

  return {
    // The lookup's composite reads the ticket's task on load; this is for after another agent's
    // escalation finished while the card was open.
    findExisting: (ref) => query(escalationSoql(ref.ticketId, ref.key, settings.escalationKeyField), ref),

    async appendToTask(taskId, text) {
      const url = `${API_ROOT}/sobjects/Task/${encodeURIComponent(taskId.toWellFormed())}`
      const current = descriptionSchema.safeParse((await http.send({ method: 'GET', url })).data)
      if (!current.success) throw new CrmError('invalid-response', 'Salesforce returned an unreadable task')
      const before = current.data.Description ?? ''
      // Already the task's last entry: a retry after an append whose answer was lost adds it once.
      if (before.endsWith(`\n\n${text}`)) return
      // Read-modify-write: Salesforce has no append; a follow-up racing another on the same task could lose one.
      await http.send({
        method: 'PATCH',
        url,
        data: { Description: `${before}\n\n${text}`.slice(0, 32_000) },
      })
    },
    async createTask(input) {
      if (!settings.escalationKeyField) {
        const existing = await guard(input)
        if (existing) return existing
      }
      const fields: Record<string, string> = {
        Subject: input.subject,
        Description: input.description,
        OwnerId: input.ownerId,
        WhatId: input.accountId,
        Priority: input.priority,
        Status: 'Not Started',
        ActivityDate: input.dueDate,
      }
      if (input.contactId) fields['WhoId'] = input.contactId
      if (settings.escalationKeyField) fields[settings.escalationKeyField] = input.key
      try {
        // A create is never retried automatically (CrmHttp retries only idempotent requests).
        const response = await http.send({ method: 'POST', url: `${API_ROOT}/sobjects/Task`, data: fields })
        const created = createdSchema.safeParse(response.data)
        if (!created.success || !created.data.success)
          throw new CrmError('invalid-response', 'Salesforce did not confirm the task')
        return {
          kind: 'created',
          taskId: created.data.id,
          taskUrl: taskRecordUrl(settings.baseUrl, created.data.id),
        }
      } catch (error) {
        if (isCrmError(error) && error.details.vendorCode === 'DUPLICATE_VALUE') {
          const existing = await guard(input)
          if (existing) return existing
        }
        throw error
      }
    },
  }
}
