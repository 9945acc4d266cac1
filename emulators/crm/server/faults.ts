import { z } from 'zod'

export const FAULT_MODES = ['none', 'unauthorized', 'quota', 'server-error', 'malformed', 'hang'] as const
export type FaultMode = (typeof FAULT_MODES)[number]

export const faultsSchema = z.object({
  mode: z.enum(FAULT_MODES),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  remaining: z.number().int().min(1).optional(),
})
export type Faults = z.infer<typeof faultsSchema>

/** Salesforce's own bodies for each fault, so the app sees exactly what a real org sends. */
export const FAULT_RESPONSES = {
  unauthorized: { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] },
  quota: { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] },
  'server-error': {
    status: 500,
    body: [{ message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1797430432-117539 (-1386239402)', errorCode: 'UNKNOWN_EXCEPTION' }],
  },
} as const

/** A body cut off mid-record: valid JSON content type, unparseable content. */
export const MALFORMED_BODY = '{"totalSize":1,"done":true,"records":[{"attributes":'
