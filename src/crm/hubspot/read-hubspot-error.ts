import type { VendorError, VendorErrorReader } from '../http/to-crm-error'
import { errorBodySchema } from './hubspot-schemas'

// HubSpot's 429s name the limit instead of sending Retry-After. The official SDK waits 1 s for the
// per-second (search) limit and 10 s for the rolling ten-second one; 10 s is longer than an agent
// should stare at a spinner, so CrmHttp's cap turns that one into "try again shortly".
const POLICY_WAIT_MS: Readonly<Record<string, number>> = { SECONDLY: 1000, TEN_SECONDLY_ROLLING: 10_000 }
const SECONDLY_MESSAGE = 'You have reached your secondly limit.'

/** Reads `{status, message, category, errors[{code}], policyName}` into a vendor code and wait. */
export const readHubSpotError: VendorErrorReader = (body): VendorError => {
  const parsed = errorBodySchema.safeParse(body)
  if (!parsed.success) return {}
  const { message, category, policyName, errors } = parsed.data
  const code = errors?.find((error) => error.code)?.code ?? policyName ?? category
  const policyWait = policyName
    ? POLICY_WAIT_MS[policyName]
    : message === SECONDLY_MESSAGE
      ? POLICY_WAIT_MS['SECONDLY']
      : undefined
  const detail = errors?.find((error) => error.message)?.message ?? message
  return {
    ...(code ? { code } : {}),
    ...(detail ? { message: detail } : {}),
    ...(policyWait === undefined ? {} : { retryAfterMs: policyWait }),
  }
}
