import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios'
import type { CrmError } from '../../domain/crm-error'
import { toCrmError, type VendorError, type VendorErrorReader } from '../http/to-crm-error'
import { salesforceErrorBodySchema } from './salesforce-schemas'

/**
 * What the Zendesk proxy answers (422) when it has no OAuth token for the installation, as reported
 * in Zendesk's community and zcli issue 63: `Proxy error: {… "Failed to get installation and oauth
 * information for app."}`. Zendesk staff read it as an expired token. Its exact wording in the
 * OAuth case is unconfirmed; docs/connectors.md lists what is.
 */
const PROXY_NO_OAUTH = /Failed to get installation and oauth information/i

/** Salesforce's code for an access token whose session has expired or was revoked. */
const SESSION_GONE = 'INVALID_SESSION_ID'

/** Salesforce errors are an array of `{errorCode, message, fields?}`, or (upsert) a bare object. */
export const readSalesforceError: VendorErrorReader = (body): VendorError => {
  if (typeof body === 'string' && PROXY_NO_OAUTH.test(body)) return { connectionExpired: true }
  const parsed = salesforceErrorBodySchema.safeParse(body)
  if (!parsed.success) return {}
  const first = Array.isArray(parsed.data) ? parsed.data[0] : parsed.data
  if (!first) return {}
  return {
    code: first.errorCode,
    ...(first.message === undefined ? {} : { message: first.message }),
    ...(first.errorCode === SESSION_GONE ? { connectionExpired: true } : {}),
  }
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
