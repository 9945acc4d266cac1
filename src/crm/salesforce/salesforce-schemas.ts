import * as z from 'zod/mini'

/** Salesforce's error body: usually an array of these, sometimes a single one. */
export const salesforceErrorSchema = z.object({
  errorCode: z.string(),
  message: z.optional(z.string()),
  fields: z.optional(z.array(z.string())),
})
export const salesforceErrorBodySchema = z.union([z.array(salesforceErrorSchema), salesforceErrorSchema])

export const compositeResponseSchema = z.object({
  compositeResponse: z.array(
    z.object({
      referenceId: z.string(),
      httpStatusCode: z.number(),
      body: z.unknown(),
    })
  ),
})

/** Records are validated field by field in the parser, since their columns come from settings. */
export const queryResultSchema = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  records: z.array(z.record(z.string(), z.unknown())),
})

export const relatedUserSchema = z.nullable(
  z.optional(
    z.looseObject({ Name: z.nullable(z.optional(z.string())), Email: z.nullable(z.optional(z.string())) })
  )
)
export const idSchema = z.string().check(z.minLength(1))
export const nameSchema = z.string()
export const optionalTextSchema = z.nullable(z.optional(z.string()))
export const optionalNumberSchema = z.nullable(z.optional(z.union([z.number(), z.string()])))
