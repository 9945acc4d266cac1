import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays } from '../server/relative-date'
import { SCHEMA, type ObjectType } from './schema'

export interface HsObject {
  id: string
  /** HubSpot stores and returns every value as a string (or null). */
  properties: Record<string, string | null>
  createdAt: string
  updatedAt: string
  archived: boolean
  /** Earlier values and the current one per property, oldest first (what propertiesWithHistory reads). */
  history: Record<string, PropertyVersion[]>
}

/** One entry of a property's history, as HubSpot's ValueWithTimestamp. */
export interface PropertyVersion {
  value: string
  timestamp: string
  sourceType: string
  sourceId?: string
  updatedByUserId?: number
}

export interface HsOwner {
  id: string
  email: string
  firstName: string
  lastName: string
  userId: number
}

/** One association edge; v3 GETs read it from either end. */
interface Edge {
  readonly from: ObjectType
  readonly fromId: string
  readonly to: ObjectType
  readonly toId: string
}

interface SeedFile {
  portalId: number
  owners: HsOwner[]
  companies: {
    id: string
    renewalInDays: number | null
    renewalAsEpochMs?: boolean
    archived?: boolean
    properties: Record<string, string | null>
    propertyHistory?: Record<string, { value: string; daysAgo: number }[]>
  }[]
  contacts: { id: string; company: string; properties: Record<string, string | null> }[]
}

const SEEDED_AT = '2024-01-15T09:00:00.000Z'

/** The portal's data: seeded companies, contacts and owners, plus the tasks the app writes. */
export class HubSpotStore {
  objects: Record<ObjectType, HsObject[]> = { companies: [], contacts: [], tasks: [] }
  owners: HsOwner[] = []
  portalId = 0
  private edges: Edge[] = []
  private taskCounter = 0

  constructor(private readonly today: () => Date) {
    this.reset()
  }

  reset(): void {
    const seed = JSON.parse(
      readFileSync(join(import.meta.dirname, '../seed/hubspot.json'), 'utf8')
    ) as SeedFile
    const today = this.today()
    this.portalId = seed.portalId
    this.owners = seed.owners.map((owner) => ({ ...owner }))
    this.objects = {
      companies: seed.companies.map(
        ({ id, renewalInDays, renewalAsEpochMs, archived, properties, propertyHistory = {} }) => {
          const date = renewalInDays === null ? null : addDays(today, renewalInDays)
          const renewal = date && renewalAsEpochMs ? String(Date.parse(`${date}T00:00:00Z`)) : date
          const company = seeded('companies', id, { ...properties, renewal_date: renewal }, archived ?? false)
          for (const [name, versions] of Object.entries(propertyHistory))
            company.history[name] = versions.map(({ value, daysAgo }) => ({
              value,
              timestamp: `${addDays(today, -daysAgo)}T10:00:00Z`,
              sourceType: 'CRM_UI',
              sourceId: 'userId:28604240',
              updatedByUserId: 28604240,
            }))
          return company
        }
      ),
      contacts: seed.contacts.map(({ id, properties }) => seeded('contacts', id, properties, false)),
      tasks: [],
    }
    this.edges = seed.contacts.map((contact) => ({
      from: 'contacts',
      fromId: contact.id,
      to: 'companies',
      toId: contact.company,
    }))
    this.taskCounter = 0
  }

  find(type: ObjectType, id: string, archived = false): HsObject | null {
    return this.objects[type].find((object) => object.id === id && object.archived === archived) ?? null
  }

  findBy(type: ObjectType, property: string, value: string, archived = false): HsObject | null {
    const wanted = value.toLowerCase()
    return (
      this.objects[type].find(
        (object) => object.archived === archived && object.properties[property]?.toLowerCase() === wanted
      ) ?? null
    )
  }

  owner(id: string | null | undefined): HsOwner | null {
    return this.owners.find((owner) => owner.id === id) ?? null
  }

  associate(from: ObjectType, fromId: string, to: ObjectType, toId: string): void {
    if (!this.associated(from, fromId, to).includes(toId)) this.edges.push({ from, fromId, to, toId })
  }

  /** Ids of `to` objects associated with one object, whichever end the edge was written from. */
  associated(type: ObjectType, id: string, to: ObjectType): string[] {
    const ids = this.edges.flatMap((edge) => {
      if (edge.from === type && edge.fromId === id && edge.to === to) return [edge.toId]
      if (edge.to === type && edge.toId === id && edge.from === to) return [edge.fromId]
      return []
    })
    return [...new Set(ids)].filter((other) => this.find(to, other) !== null)
  }

  nextTaskId(): string {
    this.taskCounter += 1
    return String(5300000 + this.taskCounter)
  }
}

function seeded(
  type: ObjectType,
  id: string,
  properties: Record<string, string | null>,
  archived: boolean
): HsObject {
  const schema = SCHEMA[type]
  return {
    id,
    properties: {
      ...properties,
      hs_object_id: id,
      [schema.createdProperty]: SEEDED_AT,
      [schema.modifiedProperty]: SEEDED_AT,
    },
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    archived,
    history: {},
  }
}

/**
 * A property's history as HubSpot answers it, newest first: the seeded versions, or, for a value
 * never changed since the object was created, that one value; an empty list for one never set.
 */
export function propertyHistory(object: HsObject, name: string): PropertyVersion[] {
  const versions = object.history[name]
  if (versions?.length) return [...versions].reverse()
  const value = object.properties[name]
  return value === null || value === undefined
    ? []
    : [{ value, timestamp: object.createdAt, sourceType: 'IMPORT' }]
}
