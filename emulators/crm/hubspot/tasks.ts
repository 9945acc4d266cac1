import { z } from 'zod'
import type { VendorResponse } from '../server/dialect'
import { invalidJson, notFound, propertyError, validationError } from './errors'
import { simpleObject } from './project'
import { ENUM_OPTIONS, hasProperty, SCHEMA, TASK_ASSOCIATION_TYPES } from './schema'
import type { HsObject, HubSpotStore } from './store'

const value = z.union([z.string(), z.number(), z.boolean(), z.null()])
const createSchema = z.object({
  properties: z.record(z.string(), value),
  associations: z
    .array(
      z.object({
        to: z.object({ id: z.union([z.string(), z.number()]) }),
        types: z
          .array(
            z.object({
              associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
              associationTypeId: z.number().int(),
            })
          )
          .min(1),
      })
    )
    .optional(),
})
const updateSchema = z.object({ properties: z.record(z.string(), value) })

/** hs_timestamp and other datetimes: epoch ms or an ISO date/datetime, stored as ISO like HubSpot returns them. */
function toDatetime(raw: string): string | null {
  const ms = /^\d+$/.test(raw) ? Number(raw) : /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

/** Validates property names and values as the portal's property definitions do; returns the stored strings. */
function checkProperties(
  store: HubSpotStore,
  input: Record<string, unknown>
): Record<string, string | null> | VendorResponse {
  const { properties, readOnly } = SCHEMA.tasks
  const out: Record<string, string | null> = {}
  for (const [name, raw] of Object.entries(input)) {
    if (!hasProperty('tasks', name))
      return propertyError('PROPERTY_DOESNT_EXIST', name, `Property "${name}" does not exist`)
    if (readOnly.includes(name))
      return propertyError(
        'READ_ONLY_VALUE',
        name,
        `"${name}" is a read only property; its value cannot be set.`
      )
    const text = raw === null || raw === '' ? null : String(raw)
    const kind = properties[name]
    if (text !== null && kind === 'datetime') {
      const iso = toDatetime(text)
      if (!iso)
        return propertyError(
          'INVALID_DATE',
          name,
          `${text} was not a valid long or ISO 8601 datetime (property ${name})`
        )
      out[name] = iso
      continue
    }
    if (text !== null && kind === 'enumeration' && !(ENUM_OPTIONS[name] ?? []).includes(text)) {
      return propertyError(
        'INVALID_OPTION',
        name,
        `${text} was not one of the allowed options: ${(ENUM_OPTIONS[name] ?? []).join(', ')}`
      )
    }
    if (text !== null && kind === 'owner' && !store.owner(text))
      return propertyError('INVALID_OWNER_ID', name, `${text} is not a valid owner id`)
    out[name] = text
  }
  return out
}

const isResponse = (value: unknown): value is VendorResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value

/** POST /crm/v3/objects/tasks: 201 SimplePublicObject with every property set. */
export function createTask(
  store: HubSpotStore,
  body: Record<string, unknown> | null,
  now: Date
): VendorResponse {
  const parsed = createSchema.safeParse(body)
  if (!parsed.success) return invalidJson()
  const properties = checkProperties(store, parsed.data.properties)
  if (isResponse(properties)) return properties
  if (!properties['hs_timestamp'])
    return propertyError('REQUIRED_PROPERTY', 'hs_timestamp', 'hs_timestamp is required')

  const links: { type: 'companies' | 'contacts'; id: string }[] = []
  for (const association of parsed.data.associations ?? []) {
    const id = String(association.to.id)
    for (const spec of association.types) {
      const target = TASK_ASSOCIATION_TYPES[spec.associationTypeId]
      if (spec.associationCategory !== 'HUBSPOT_DEFINED' || !target || target === 'tasks') {
        return validationError(
          `${spec.associationCategory} association type ${spec.associationTypeId} is not valid for tasks`,
          [{ message: 'Invalid association type', code: 'INVALID_ASSOCIATION_TYPE', in: 'associations' }]
        )
      }
      if (!store.find(target, id)) {
        return validationError(`One or more associations are invalid: no ${target} object with id ${id}`, [
          { message: `No ${target} object with id ${id}`, code: 'INVALID_ASSOCIATION', in: 'associations' },
        ])
      }
      links.push({ type: target, id })
    }
  }

  const id = store.nextTaskId()
  const at = now.toISOString()
  const task: HsObject = {
    id,
    properties: {
      hs_task_status: 'NOT_STARTED',
      ...properties,
      hs_object_id: id,
      hs_createdate: at,
      hs_lastmodifieddate: at,
    },
    createdAt: at,
    updatedAt: at,
    archived: false,
    history: {},
  }
  store.objects.tasks.push(task)
  for (const link of links) store.associate('tasks', id, link.type, link.id)
  return { status: 201, body: simpleObject('tasks', task, Object.keys(task.properties)) }
}

/** PATCH /crm/v3/objects/tasks/{id}: the app appends follow-up notes to hs_task_body this way. */
export function updateTask(
  store: HubSpotStore,
  id: string,
  body: Record<string, unknown> | null,
  now: Date
): VendorResponse {
  const task = store.find('tasks', id)
  if (!task) return notFound()
  const parsed = updateSchema.safeParse(body)
  if (!parsed.success) return invalidJson()
  const properties = checkProperties(store, parsed.data.properties)
  if (isResponse(properties)) return properties
  if ('hs_timestamp' in properties && !properties['hs_timestamp'])
    return propertyError('REQUIRED_PROPERTY', 'hs_timestamp', 'hs_timestamp is required')
  const at = now.toISOString()
  Object.assign(task.properties, properties, { hs_lastmodifieddate: at })
  task.updatedAt = at
  return { status: 200, body: simpleObject('tasks', task, Object.keys(task.properties)) }
}
