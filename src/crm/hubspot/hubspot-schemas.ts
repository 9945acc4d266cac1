import * as z from 'zod/mini'

/** Property values are strings or null on the wire, whatever the property type. */
const properties = z.record(
  z.string(),
  z.nullable(z.optional(z.union([z.string(), z.number(), z.boolean()])))
)

/** A property's versions (ValueWithTimestamp); only what the app reads is required. */
const propertyVersions = z.array(
  z.looseObject({ value: z.nullable(z.optional(z.string())), timestamp: z.nullable(z.optional(z.string())) })
)

export const simpleObjectSchema = z.looseObject({
  id: z.string(),
  properties,
  propertiesWithHistory: z.optional(z.record(z.string(), propertyVersions)),
  createdAt: z.optional(z.string()),
})
export type SimpleObject = z.infer<typeof simpleObjectSchema>

const associationList = z.looseObject({ results: z.array(z.looseObject({ id: z.string() })) })

export const objectWithAssociationsSchema = z.looseObject({
  id: z.string(),
  properties,
  associations: z.optional(z.record(z.string(), associationList)),
})

export const searchResultSchema = z.looseObject({
  total: z.optional(z.number()),
  results: z.array(simpleObjectSchema),
})

export const batchResultSchema = z.looseObject({ results: z.array(simpleObjectSchema) })

export const ownerSchema = z.looseObject({
  id: z.string(),
  email: z.nullable(z.optional(z.string())),
  firstName: z.nullable(z.optional(z.string())),
  lastName: z.nullable(z.optional(z.string())),
})

/** The error envelope; every field optional (docs/crm-vendor-notes.md §1: parse defensively). */
export const errorBodySchema = z.looseObject({
  message: z.optional(z.string()),
  category: z.optional(z.string()),
  policyName: z.optional(z.string()),
  errors: z.optional(
    z.array(z.looseObject({ code: z.optional(z.string()), message: z.optional(z.string()) }))
  ),
})
