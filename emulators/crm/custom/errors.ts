import type { VendorResponse } from '../server/dialect'

/** The Northwind Success API's one error shape: {"error":{"code","message","fields"?}}. */
export function nwError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
  headers?: Record<string, string>
): VendorResponse {
  return {
    status,
    body: { error: { code, message, ...(fields ? { fields } : {}) } },
    ...(headers ? { headers } : {}),
  }
}

export const notFound = (what: string): VendorResponse => nwError(404, 'not_found', `${what} not found`)

export const validationFailed = (fields: Record<string, string[]>): VendorResponse =>
  nwError(422, 'validation_failed', 'The request is not valid', fields)
