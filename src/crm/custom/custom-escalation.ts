import { AxiosHeaders } from 'axios'
import { CrmError, isCrmError, isNotFound } from '../../domain/crm-error'
import type { ExistingEscalation } from '../../domain/escalation'
import type { EscalationCrm, EscalationRef, EscalationTaskResult } from '../../domain/ports'
import type { CustomRestSettings, CustomSearchRequest } from '../../settings/custom-rest-settings'
import type { CrmHttp } from '../http/create-crm-http'
import { buildRequest, type BuiltRequest } from './build-request'
import { crmHttpUrl, crmText } from '../../domain/crm-values'
import { readPath, type JsonPath } from '../../mapping/json-path'
import { taskScope, type TaskScope } from './task-scope'

// Stripe's convention, also used by the Northwind Success API: the answer to a repeated
// Idempotency-Key is the first request's task, marked as a replay.
const REPLAYED_HEADER = 'idempotent-replayed'
const WRITE = { optionalBodyValues: true }

/**
 * Escalation tasks in a custom CRM, never two for one ticket (settings refuse a configuration
 * that cannot promise this):
 * - with `custom_idempotency_header`, the ticket's key goes in that header and the CRM itself
 *   answers a repeat with the first task;
 * - with an `existing` search, the ticket's task is looked for before creating, and again after a
 *   `conflict` status.
 * Creates are never retried automatically; the escalation use case retries with the same key.
 */
export function createCustomEscalation(http: CrmHttp, settings: CustomRestSettings): EscalationCrm {
  const { escalation, idempotencyHeader } = settings

  const findExisting = async (
    search: CustomSearchRequest,
    scope: TaskScope
  ): Promise<EscalationTaskResult | null> => {
    const built = required(buildRequest(search, scope, WRITE), 'existing')
    let body: unknown
    try {
      body = (await http.send({ ...sendable(built), idempotent: true })).data
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
    const result = readPath(body, search.result)
    // An answer we cannot read is not "no task": creating after it could make a second one.
    if (result === undefined)
      throw new CrmError(
        'invalid-response',
        'The CRM answer to the existing-task search has nothing where its result points'
      )
    const record = Array.isArray(result) ? result[0] : result
    if (record === undefined || record === null) return null
    return { kind: 'exists', existing: existingTask(record, search.idPath, search.urlPath, search.closed) }
  }

  const search = escalation.existing
  return {
    // On load for a ticket tagged as escalated: only the task's key, ticket and account are known
    // then, so a search that needs more (owner, subject…) is refused by `required` and the form shows.
    ...(search
      ? {
          findExisting: async (ref: EscalationRef) => {
            const found = await findExisting(search, {
              task: { key: ref.key, ticketId: ref.ticketId, accountId: ref.accountId },
            })
            return found?.kind === 'exists' ? found.existing : null
          },
        }
      : {}),

    async createTask(input) {
      const scope = taskScope(input)
      if (search) {
        const existing = await findExisting(search, scope)
        if (existing) return existing
      }
      const built = required(buildRequest(escalation, scope, WRITE), 'escalation')
      const headers = idempotencyHeader ? { [idempotencyHeader]: input.key } : {}
      let response
      try {
        response = await http.send({ ...sendable(built), headers })
      } catch (error) {
        if (
          isCrmError(error) &&
          error.details.status !== undefined &&
          escalation.conflict.includes(error.details.status)
        ) {
          const existing = search ? await findExisting(search, scope) : null
          if (existing) return existing
          // The CRM says the task exists (or is being created) but we cannot see it yet: a retry will.
          throw new CrmError(
            'unavailable',
            'The CRM reported a conflicting escalation task that could not be read back',
            error.details
          )
        }
        throw error
      }
      if (!escalation.success.includes(response.status)) {
        throw new CrmError(
          'invalid-response',
          `The CRM answered the escalation with unexpected status ${response.status}`,
          { status: response.status }
        )
      }
      const task = existingTask(response.data, escalation.idPath, escalation.urlPath)
      // A replayed answer is a task created before with this key: by an earlier attempt of ours or by
      // another agent. The use case tells the two apart from its saved progress.
      if (headerValue(response.headers, REPLAYED_HEADER)?.toLowerCase() === 'true') {
        return { kind: 'exists', existing: task }
      }
      return { kind: 'created', taskId: task.taskId, taskUrl: task.taskUrl }
    },

    async appendToTask(taskId, text) {
      if (!escalation.followUp) {
        // Nothing is sent: the admin has not said how this CRM takes a note on a task.
        throw new CrmError(
          'rejected',
          'Follow-ups are not configured for this CRM (custom_escalation_request has no followUp)'
        )
      }
      const built = required(
        buildRequest(escalation.followUp, { task: { id: taskId }, text }, WRITE),
        'followUp'
      )
      // A note posted twice is a duplicate the CSM reads twice, so this write is not retried either.
      await http.send(sendable(built))
    },
  }
}

function sendable(built: BuiltRequest): { method: string; url: string; data?: unknown } {
  return built.data === undefined
    ? { method: built.method, url: built.url }
    : { method: built.method, url: built.url, data: built.data }
}

/** A task request's path needs all its variables; only `task.contactId` can be missing, if a path uses it. */
function required(built: BuiltRequest | null, part: string): BuiltRequest {
  if (built) return built
  throw new CrmError(
    'rejected',
    `The ${part} request in custom_escalation_request needs a value this escalation does not have`
  )
}

function existingTask(
  body: unknown,
  idPath: JsonPath,
  urlPath: JsonPath | null,
  closed: CustomSearchRequest['closed'] = null
): ExistingEscalation {
  const taskId = crmText(readPath(body, idPath))
  if (!taskId)
    throw new CrmError(
      'invalid-response',
      'The CRM answer has no task id where custom_escalation_request points'
    )
  return {
    taskId,
    taskUrl: urlPath ? crmHttpUrl(readPath(body, urlPath)) : null,
    ownerName: null,
    escalatedBy: null,
    createdAt: null,
    // Without a status mapping (`existing.closed`) an escalation counts as open, so the card
    // offers a follow-up rather than a second escalation.
    closed: closed !== null && isClosed(readPath(body, closed.path), closed.values),
  }
}

/** A status the admin listed as closed; a status that is missing or not text is open. */
function isClosed(status: unknown, closedValues: readonly string[]): boolean {
  const text = crmText(status)
  return text !== null && closedValues.includes(text.trim().toLowerCase())
}

/** A response header, whether axios gave an AxiosHeaders instance (the ZAF adapter does) or a plain object. */
function headerValue(headers: unknown, name: string): string | undefined {
  const value =
    headers instanceof AxiosHeaders
      ? headers.get(name)
      : headers && typeof headers === 'object'
        ? (headers as Record<string, unknown>)[name]
        : undefined
  return typeof value === 'string' ? value : undefined
}
