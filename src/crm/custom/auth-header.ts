import type { CrmHttp } from '../http/create-crm-http'
import { TOKEN_PLACEHOLDER } from '../http/create-crm-http'

/**
 * Puts the token placeholder into the header the CRM expects. createCrmHttp already sends
 * `Authorization: Bearer {{setting.crm_api_token}}`; for any other header (`X-Api-Key`) the bare
 * placeholder goes there instead and Authorization is dropped (null removes an axios default), so
 * the secret still only ever travels as a placeholder the Zendesk proxy fills in.
 */
export function withAuthHeader(http: CrmHttp, header: string): CrmHttp {
  if (header.toLowerCase() === 'authorization') return http
  return {
    send: (request) =>
      http.send({
        ...request,
        headers: { ...request.headers, Authorization: null, [header]: TOKEN_PLACEHOLDER },
      }),
  }
}
