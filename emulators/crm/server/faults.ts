import { z } from 'zod'
import { FAULT_MODES, type FaultMode } from './fault-modes'

export { FAULT_MODES, type FaultMode }

export const faultsSchema = z.object({
  mode: z.enum(FAULT_MODES),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  remaining: z.number().int().min(1).optional(),
  /** Retry-After (seconds) on a `quota` answer, for vendors that send one; each has its own default. */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
})
export type Faults = z.infer<typeof faultsSchema>
