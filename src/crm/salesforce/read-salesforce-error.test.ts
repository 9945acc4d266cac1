import { describe, expect, it } from 'vitest'
import { readSalesforceError, toCrmErrorFromStatus } from './read-salesforce-error'

describe('readSalesforceError', () => {
  it("reads Salesforce's expired-session body as a connection that is gone", () => {
    const body = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
    expect(readSalesforceError(body)).toEqual({
      code: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid',
      connectionExpired: true,
    })
    expect(toCrmErrorFromStatus(401, body, readSalesforceError)).toMatchObject({
      kind: 'connection-expired',
      details: { status: 401, vendorCode: 'INVALID_SESSION_ID' },
    })
  })

  it("reads the Zendesk proxy's 422 without an OAuth token as a connection that is gone", () => {
    const body =
      'Proxy error: {"status"=>"422", "message"=>"Failed to get installation and oauth information for app."}'
    expect(toCrmErrorFromStatus(422, body, readSalesforceError)).toMatchObject({
      kind: 'connection-expired',
      details: { status: 422 },
    })
  })

  it('keeps other 401s and 422s what they were', () => {
    const header = [{ message: 'INVALID_HEADER_TYPE', errorCode: 'INVALID_AUTH_HEADER' }]
    expect(toCrmErrorFromStatus(401, header, readSalesforceError).kind).toBe('unauthorized')
    expect(toCrmErrorFromStatus(422, 'Unprocessable', readSalesforceError).kind).toBe('rejected')
  })
})
