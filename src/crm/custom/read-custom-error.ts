import * as z from 'zod/mini'
import type { VendorError, VendorErrorReader } from '../http/to-crm-error'

// The common `{"error": {"code", "message"}}` envelope (Northwind, Stripe-like APIs). Other shapes
// are simply not read: the status alone still maps to the right kind.
const errorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.optional(z.union([z.string(), z.number()])),
    message: z.optional(z.string()),
  }),
})

export const readCustomError: VendorErrorReader = (body): VendorError => {
  const parsed = errorBodySchema.safeParse(body)
  if (!parsed.success) return {}
  const { code, message } = parsed.data.error
  return {
    ...(code === undefined ? {} : { code: String(code) }),
    ...(message === undefined ? {} : { message }),
  }
}
