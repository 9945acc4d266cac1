import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios'
import type { CrmError } from '../../domain/crm-error'
import { toCrmError, type VendorError, type VendorErrorReader } from '../http/to-crm-error'
import { salesforceErrorBodySchema } from './salesforce-schemas'

/** Salesforce errors are an array of `{errorCode, message, fields?}`, or (upsert) a bare object. */
export const readSalesforceError: VendorErrorReader = (body): VendorError => {
  const parsed = salesforceErrorBodySchema.safeParse(body)
  if (!parsed.success) return {}
  const first = Array.isArray(parsed.data) ? parsed.data[0] : parsed.data
  if (!first) return {}
  return { code: first.errorCode, ...(first.message === undefined ? {} : { message: first.message }) }
}

/**
 * A failed composite sub-request carries its own status and error body inside a 200 response;
 * map it through the same table as a top-level failure so both read alike.
 */
export function toCrmErrorFromStatus(status: number, body: unknown, reader: VendorErrorReader): CrmError {
  const response: AxiosResponse = {
    data: body,
    status,
    statusText: '',
    headers: new AxiosHeaders(),
    config: { headers: new AxiosHeaders() },
  }
  return toCrmError(
    new AxiosError('Composite sub-request failed', undefined, undefined, null, response),
    reader
  )
}
