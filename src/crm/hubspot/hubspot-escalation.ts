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
import {
  batchResultSchema,
  objectWithAssociationsSchema,
  searchResultSchema,
  simpleObjectSchema,
  type SimpleObject,
} from './hubspot-schemas'
import type { ResolveOwner } from './owner-directory'
import { propertyText } from './parse-company'
import { fromTaskBody, toTaskBody } from './task-body'

// Newest associations last; an escalation retried after a lost answer is among the latest tasks.
const MAX_RECENT_TASKS = 100

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
    companyRecordUrl(settings.hubspotPortalId, ref.accountId, settings.baseUrl)

  const findExisting = async (input: EscalationRef): Promise<ExistingEscalation | null> => {
    const response = await http.send({
      method: 'POST',
      url: `${OBJECTS}/tasks/search`,
      data: {
        filterGroups: [{ filters: [{ propertyName: keyProperty, operator: 'EQ', value: input.key }] }],
        properties: ['hubspot_owner_id', 'hs_task_body', 'hs_createdate', 'hs_task_status'],
        sorts: ['hs_createdate'],
        limit: 1,
      },
      idempotent: true,
    })
    const result = searchResultSchema.safeParse(response.data)
    if (!result.success) throw unreadable('task search')
    const task = result.data.results[0]
    return task ? toExisting(task, input) : null
  }

  const toExisting = async (task: SimpleObject, input: EscalationRef): Promise<ExistingEscalation> => {
    const owner = await resolveOwner(propertyText(task, 'hubspot_owner_id'))
    return {
      taskId: task.id,
      taskUrl: taskUrl(input),
      ownerName: owner?.name ?? null,
      escalatedBy: escalatedByFromNote(fromTaskBody(propertyText(task, 'hs_task_body'))),
      createdAt: propertyText(task, 'hs_createdate') ?? task.createdAt ?? null,
      closed: propertyText(task, 'hs_task_status') === 'COMPLETED',
    }
  }

  /**
   * After a create whose answer was lost, search cannot be trusted: HubSpot's index lags writes
   * by seconds. The company's task associations are read from the record itself, which sees every
   * write, so this finds a task created a moment ago.
   */
  const findAmongCompanyTasks = async (input: EscalationRef): Promise<ExistingEscalation | null> => {
    const company = objectWithAssociationsSchema.safeParse(
      (
        await http.send({
          method: 'GET',
          url: `${OBJECTS}/companies/${encodeURIComponent(input.accountId.toWellFormed())}`,
          params: { associations: 'tasks' },
        })
      ).data
    )
    if (!company.success) throw unreadable('company')
    const ids = [
      ...new Set((company.data.associations?.['tasks']?.results ?? []).map((task) => task.id)),
    ].slice(-MAX_RECENT_TASKS)
    if (ids.length === 0) return null
    const response = await http.send({
      method: 'POST',
      url: `${OBJECTS}/tasks/batch/read`,
      data: {
        inputs: ids.map((id) => ({ id })),
        properties: [keyProperty, 'hubspot_owner_id', 'hs_task_body', 'hs_createdate', 'hs_task_status'],
      },
      idempotent: true,
    })
    const tasks = batchResultSchema.safeParse(response.data)
    if (!tasks.success) throw unreadable('task batch')
    const task = tasks.data.results.find((candidate) => propertyText(candidate, keyProperty) === input.key)
    return task ? toExisting(task, input) : null
  }

  return {
    // Also on load for a ticket tagged as escalated: the company read cannot include the ticket's task.
    findExisting,

    async createTask(input): Promise<EscalationTaskResult> {
      const existing = input.afterUnknownOutcome
        ? await findAmongCompanyTasks(input)
        : await findExisting(input)
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
      const url = `${OBJECTS}/tasks/${encodeURIComponent(taskId.toWellFormed())}`
      const current = simpleObjectSchema.safeParse(
        (await http.send({ method: 'GET', url, params: { properties: 'hs_task_body' } })).data
      )
      if (!current.success) throw unreadable('task')
      const before = propertyText(current.data, 'hs_task_body') ?? ''
      const entry = `<br><br>${toTaskBody(text)}`
      // Already the task's last entry: a retry after an append whose answer was lost adds it once.
      if (before.endsWith(entry)) return
      // Read-modify-write, as in Salesforce: HubSpot has no append either.
      await http.send({
        method: 'PATCH',
        url,
        data: { properties: { hs_task_body: `${before}${entry}`.slice(0, BODY_LIMIT) } },
      })
    },
  }
}
