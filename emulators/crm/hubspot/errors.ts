import { randomUUID } from 'node:crypto'
import type { VendorResponse } from '../server/dialect'

export interface ErrorDetail {
  readonly message: string
  readonly code?: string
  readonly in?: string
  readonly context?: Record<string, readonly string[]>
}

/** HubSpot's error envelope (status, message, correlationId, category, errors[]). */
export function hsError(
  status: number,
  category: string,
  message: string,
  errors?: readonly ErrorDetail[],
  extra: Record<string, unknown> = {}
): VendorResponse {
  return {
    status,
    body: {
      status: 'error',
      message,
      correlationId: randomUUID(),
      category,
      ...(errors ? { errors } : {}),
      ...extra,
    },
  }
}

export const notFound = (message = 'resource not found'): VendorResponse =>
  hsError(404, 'OBJECT_NOT_FOUND', message)

/** 400 VALIDATION_ERROR whose message lists the details, as HubSpot's property validation does. */
export function validationError(message: string, errors: readonly ErrorDetail[] = []): VendorResponse {
  return hsError(400, 'VALIDATION_ERROR', message, errors.length ? errors : undefined)
}

export function propertyError(code: string, name: string, message: string): VendorResponse {
  return validationError(
    `Property values were not valid: ${JSON.stringify([{ isValid: false, message, error: code, name }])}`,
    [{ message, code, context: { propertyName: [name] } }]
  )
}

export const invalidJson = (): VendorResponse =>
  validationError('Invalid input JSON: the request body is not a JSON object of the expected shape')

/** The body of a JSON request, or null when it is not a JSON object. */
export function jsonObject(body: string | undefined): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body ?? '')
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
