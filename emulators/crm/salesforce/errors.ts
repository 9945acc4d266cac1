import { z } from 'zod'
import type { DialectResponse } from './response'

/** Salesforce's error body: an array of `{ message, errorCode, fields? }`. */
export const sfError = (
  status: number,
  errorCode: string,
  message: string,
  fields?: string[]
): DialectResponse => ({
  status,
  body: [{ message, errorCode, ...(fields ? { fields } : {}) }],
})

export const NOT_FOUND = (): DialectResponse =>
  sfError(404, 'NOT_FOUND', 'The requested resource does not exist')

/** A request body that must be a JSON object, or the error Salesforce answers when it is not. */
export function jsonObject(body: string | undefined): Record<string, unknown> | DialectResponse {
  try {
    const parsed: unknown = JSON.parse(body ?? '')
    const object = z.record(z.string(), z.unknown()).safeParse(parsed)
    if (object.success) return object.data
  } catch {
    // fall through
  }
  return sfError(400, 'JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON object')
}

/** Whether jsonObject returned its error instead of an object. */
export function isResponse(value: Record<string, unknown> | DialectResponse): value is DialectResponse {
  return 'status' in value && 'body' in value && typeof value['status'] === 'number'
}
