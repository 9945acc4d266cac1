import { z } from 'zod'
import type { VendorResponse } from '../server/dialect'
import { notFound, validationFailed } from './errors'
import type { NorthwindStore, NwTask } from './store'
import { taskView } from './views'

const isoDate = z
  .string()
  .refine(
    (value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'must be a date as YYYY-MM-DD'
  )
const taskInput = z.strictObject({
  title: z.string().trim().min(1, 'must not be blank').max(255, 'must be at most 255 characters'),
  body: z.string().max(65_536, 'must be at most 65536 characters'),
  assignee_id: z.string().min(1, 'must not be blank'),
  priority: z.enum(['high', 'normal', 'low'], 'must be one of high, normal, low'),
  due_date: isoDate,
  contact_id: z.string().nullable().optional(),
  external_key: z.string().max(255, 'must be at most 255 characters').optional(),
})
const statusInput = z.strictObject({ status: z.enum(['open', 'done'], 'must be one of open, done') })
const commentInput = z.strictObject({
  body: z.string().trim().min(1, 'must not be blank').max(65_536, 'must be at most 65536 characters'),
})

/** zod issues → the API's `fields` map (unknown keys become their own field). */
function fieldsOf(error: z.ZodError, input: object): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const names = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.') || 'body']
    const missing = typeof issue.path[0] === 'string' && !(issue.path[0] in input)
    const message =
      issue.code === 'unrecognized_keys' ? 'is not allowed' : missing ? 'is required' : issue.message
    for (const name of names) (fields[name] ??= []).push(message)
  }
  return fields
}

function parseJson(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '')
  } catch {
    return undefined
  }
}

/**
 * POST /api/v1/accounts/{id}/tasks. With an Idempotency-Key seen before, the first request's task
 * comes back (200, Idempotent-Replayed: true) and nothing is created.
 */
export function createTask(
  store: NorthwindStore,
  accountId: string,
  body: string | undefined,
  idempotencyKey: string | undefined,
  now: Date,
  origin: string
): VendorResponse {
  const replayed = idempotencyKey
    ? store.tasks.find((task) => task.id === store.idempotency.get(idempotencyKey))
    : undefined
  if (replayed)
    return {
      status: 200,
      body: { data: taskView(replayed, origin) },
      headers: { 'Idempotent-Replayed': 'true' },
    }
  if (!store.accounts.some((account) => account.id === accountId)) return notFound('Account')
  const json = parseJson(body)
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return validationFailed({ body: ['must be a JSON object'] })
  const parsed = taskInput.safeParse(json)
  if (!parsed.success) return validationFailed(fieldsOf(parsed.error, json))
  const input = parsed.data
  if (!store.users.some((user) => user.id === input.assignee_id))
    return validationFailed({ assignee_id: ['does not exist'] })
  if (input.contact_id && !store.contacts.some((contact) => contact.id === input.contact_id))
    return validationFailed({ contact_id: ['does not exist'] })

  const task: NwTask = {
    id: store.nextId('task'),
    account_id: accountId,
    title: input.title,
    body: input.body,
    assignee_id: input.assignee_id,
    priority: input.priority,
    due_date: input.due_date,
    contact_id: input.contact_id ?? null,
    external_key: input.external_key ?? null,
    status: 'open',
    created_at: now.toISOString(),
    comments: [],
  }
  store.tasks.push(task)
  if (idempotencyKey) store.idempotency.set(idempotencyKey, task.id)
  return {
    status: 201,
    body: { data: taskView(task, origin) },
    headers: { Location: `/api/v1/tasks/${task.id}` },
  }
}

/** GET /api/v1/tasks?external_key=X */
export function listTasks(store: NorthwindStore, query: URLSearchParams, origin: string): VendorResponse {
  const names = [...query.keys()]
  if (names.length !== 1 || names[0] !== 'external_key')
    return validationFailed({ external_key: ['is the one required filter'] })
  const key = query.get('external_key') ?? ''
  if (!key) return validationFailed({ external_key: ['must not be blank'] })
  const data = store.tasks.filter((task) => task.external_key === key).map((task) => taskView(task, origin))
  return { status: 200, body: { data, meta: { count: data.length } } }
}

/** GET /api/v1/tasks/{id} */
export function getTask(store: NorthwindStore, id: string, origin: string): VendorResponse {
  const task = store.tasks.find((candidate) => candidate.id === id)
  return task ? { status: 200, body: { data: taskView(task, origin) } } : notFound('Task')
}

/** A write's JSON body read as `schema`, or the API's 422 saying what is wrong with it. */
function readInput<T>(
  body: string | undefined,
  schema: z.ZodType<T>
): { readonly data: T } | { readonly refused: VendorResponse } {
  const json = parseJson(body)
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { refused: validationFailed({ body: ['must be a JSON object'] }) }
  const parsed = schema.safeParse(json)
  return parsed.success ? { data: parsed.data } : { refused: validationFailed(fieldsOf(parsed.error, json)) }
}

/** PATCH /api/v1/tasks/{id} with `{"status": "done"}`: the CSM closes the task (or reopens it). */
export function updateTaskStatus(
  store: NorthwindStore,
  taskId: string,
  body: string | undefined,
  origin: string
): VendorResponse {
  const task = store.tasks.find((candidate) => candidate.id === taskId)
  if (!task) return notFound('Task')
  const input = readInput(body, statusInput)
  if ('refused' in input) return input.refused
  task.status = input.data.status
  return { status: 200, body: { data: taskView(task, origin) } }
}

/** POST /api/v1/tasks/{id}/comments: the app's follow-up notes. */
export function addComment(
  store: NorthwindStore,
  taskId: string,
  body: string | undefined,
  now: Date
): VendorResponse {
  const task = store.tasks.find((candidate) => candidate.id === taskId)
  if (!task) return notFound('Task')
  const input = readInput(body, commentInput)
  if ('refused' in input) return input.refused
  const comment = {
    id: store.nextId('cmt'),
    task_id: task.id,
    body: input.data.body,
    created_at: now.toISOString(),
  }
  task.comments.push(comment)
  return { status: 201, body: { data: { ...comment } } }
}
