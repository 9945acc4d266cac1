import { CrmError } from '../../domain/crm-error'
import { escalatedByFromNote, type ExistingEscalation } from '../../domain/escalation'
import type { EscalationCrm, EscalationRef, EscalationTaskResult } from '../../domain/ports'
import type { AppSettings } from '../../settings/app-settings'
import type { CrmHttp } from '../http/create-crm-http'
import {
  companyRecordUrl,
  DEFAULT_ESCALATION_KEY_PROPERTY,
  OBJECTS,
  TASK_TO_COMPANY,
  TASK_TO_CONTACT,
  unreadable,
} from './hubspot-api'
import { searchResultSchema, simpleObjectSchema } from './hubspot-schemas'
import type { ResolveOwner } from './owner-directory'
import { propertyText } from './parse-company'
import { fromTaskBody, toTaskBody } from './task-body'

const PRIORITY = { High: 'HIGH', Normal: 'MEDIUM', Low: 'LOW' } as const
// HubSpot's body limit for notes and tasks is 65,536 characters.
const BODY_LIMIT = 65_000

/**
 * Escalation tasks in HubSpot. HubSpot has no idempotency key, so every create is preceded by a
 * search for a task carrying this ticket's key in a custom task property (`field_escalation_external_id`,
 * default `zendesk_escalation_key`), and the key is written on create. A retry after a lost answer
 * therefore finds the first task instead of adding a second.
 */
export function createHubSpotEscalation(
  http: CrmHttp,
  settings: AppSettings,
  resolveOwner: ResolveOwner
): EscalationCrm {
  const keyProperty = settings.escalationKeyField ?? DEFAULT_ESCALATION_KEY_PROPERTY
  const taskUrl = (ref: EscalationRef): string | null =>
    companyRecordUrl(settings.hubspotPortalId, ref.accountId)

  const findExisting = async (input: EscalationRef): Promise<ExistingEscalation | null> => {
    const response = await http.send({
      method: 'POST',
      url: `${OBJECTS}/tasks/search`,
      data: {
        filterGroups: [{ filters: [{ propertyName: keyProperty, operator: 'EQ', value: input.key }] }],
        properties: ['hubspot_owner_id', 'hs_task_body', 'hs_createdate'],
        sorts: ['hs_createdate'],
        limit: 1,
      },
      idempotent: true,
    })
    const result = searchResultSchema.safeParse(response.data)
    if (!result.success) throw unreadable('task search')
    const task = result.data.results[0]
    if (!task) return null
    const owner = await resolveOwner(propertyText(task, 'hubspot_owner_id'))
    return {
      taskId: task.id,
      taskUrl: taskUrl(input),
      ownerName: owner?.name ?? null,
      escalatedBy: escalatedByFromNote(fromTaskBody(propertyText(task, 'hs_task_body'))),
      createdAt: propertyText(task, 'hs_createdate') ?? task.createdAt ?? null,
    }
  }

  return {
    // Also on load for a ticket tagged as escalated: the company read cannot include the ticket's task.
    findExisting,

    async createTask(input): Promise<EscalationTaskResult> {
      const existing = await findExisting(input)
      if (existing) return { kind: 'exists', existing }
      const associations = [{ id: input.accountId, typeId: TASK_TO_COMPANY }]
      if (input.contactId) associations.push({ id: input.contactId, typeId: TASK_TO_CONTACT })
      // Never retried automatically: a lost answer is settled by the search above on the next attempt.
      const response = await http.send({
        method: 'POST',
        url: `${OBJECTS}/tasks`,
        data: {
          properties: {
            // Noon UTC keeps the due date on the same calendar day in nearly every time zone.
            hs_timestamp: `${input.dueDate}T12:00:00.000Z`,
            hs_task_subject: input.subject,
            hs_task_body: toTaskBody(input.description).slice(0, BODY_LIMIT),
            hubspot_owner_id: input.ownerId,
            hs_task_status: 'NOT_STARTED',
            hs_task_priority: PRIORITY[input.priority],
            hs_task_type: 'TODO',
            [keyProperty]: input.key,
          },
          associations: associations.map(({ id, typeId }) => ({
            to: { id },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }],
          })),
        },
      })
      const created = simpleObjectSchema.safeParse(response.data)
      if (!created.success) throw new CrmError('invalid-response', 'HubSpot did not confirm the task')
      return { kind: 'created', taskId: created.data.id, taskUrl: taskUrl(input) }
    },

    async appendToTask(taskId, text) {
      const url = `${OBJECTS}/tasks/${encodeURIComponent(taskId)}`
      const current = simpleObjectSchema.safeParse(
        (await http.send({ method: 'GET', url, params: { properties: 'hs_task_body' } })).data
      )
      if (!current.success) throw unreadable('task')
      const before = propertyText(current.data, 'hs_task_body') ?? ''
      // Read-modify-write, as in Salesforce: HubSpot has no append either.
      await http.send({
        method: 'PATCH',
        url,
        data: { properties: { hs_task_body: `${before}<br><br>${toTaskBody(text)}`.slice(0, BODY_LIMIT) } },
      })
    },
  }
}
