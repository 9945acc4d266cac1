/** The portal's object types and the properties each defines (HubSpot internal names). */
export const OBJECT_TYPES = ['companies', 'contacts', 'tasks'] as const
export type ObjectType = (typeof OBJECT_TYPES)[number]

export type PropertyKind = 'string' | 'number' | 'date' | 'datetime' | 'owner' | 'enumeration'

interface ObjectSchema {
  readonly properties: Record<string, PropertyKind>
  /** Returned when the caller names no properties. */
  readonly defaults: readonly string[]
  /** Set by HubSpot itself; a write naming one is refused. */
  readonly readOnly: readonly string[]
  readonly createdProperty: string
  readonly modifiedProperty: string
}

export const SCHEMA: Record<ObjectType, ObjectSchema> = {
  companies: {
    properties: {
      name: 'string',
      domain: 'string',
      hubspot_owner_id: 'owner',
      csm_owner: 'owner',
      health_score: 'number',
      renewal_date: 'date',
      arr: 'number',
      annualrevenue: 'number',
      hs_object_id: 'number',
      createdate: 'datetime',
      hs_lastmodifieddate: 'datetime',
    },
    defaults: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    readOnly: ['hs_object_id', 'createdate', 'hs_lastmodifieddate'],
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  },
  contacts: {
    properties: {
      email: 'string',
      firstname: 'string',
      lastname: 'string',
      hubspot_owner_id: 'owner',
      hs_object_id: 'number',
      createdate: 'datetime',
      lastmodifieddate: 'datetime',
    },
    defaults: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    readOnly: ['hs_object_id', 'createdate', 'lastmodifieddate'],
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
  },
  tasks: {
    properties: {
      hs_timestamp: 'datetime',
      hs_task_subject: 'string',
      hs_task_body: 'string',
      hubspot_owner_id: 'owner',
      hs_task_status: 'enumeration',
      hs_task_priority: 'enumeration',
      hs_task_type: 'enumeration',
      hs_task_reminders: 'datetime',
      // The portal's custom property: the escalation key the app searches on before creating.
      zendesk_escalation_key: 'string',
      hs_object_id: 'number',
      hs_createdate: 'datetime',
      hs_lastmodifieddate: 'datetime',
    },
    defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    readOnly: ['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate'],
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  },
}

export const ENUM_OPTIONS: Record<string, readonly string[]> = {
  hs_task_status: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
  hs_task_priority: ['NONE', 'LOW', 'MEDIUM', 'HIGH'],
  hs_task_type: ['TODO', 'CALL', 'EMAIL'],
}

/** HubSpot's association labels in v3 answers, e.g. contact_to_company. */
const SINGULAR: Record<ObjectType, string> = { companies: 'company', contacts: 'contact', tasks: 'task' }
export const associationLabel = (from: ObjectType, to: ObjectType): string =>
  `${SINGULAR[from]}_to_${SINGULAR[to]}`

/** Default (HUBSPOT_DEFINED) association type ids a task may be created with. */
export const TASK_ASSOCIATION_TYPES: Record<number, ObjectType> = { 192: 'companies', 204: 'contacts' }

export const isObjectType = (name: string): name is ObjectType =>
  (OBJECT_TYPES as readonly string[]).includes(name)
export const hasProperty = (type: ObjectType, name: string): boolean =>
  Object.hasOwn(SCHEMA[type].properties, name)
