import { describe, expect, it } from 'vitest'
import { readHubSpotError } from './read-hubspot-error'

describe('readHubSpotError', () => {
  it('turns the rolling ten-second policy into a 10 s wait and the search limit into 1 s', () => {
    expect(
      readHubSpotError({
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      })
    ).toMatchObject({
      code: 'TEN_SECONDLY_ROLLING',
      retryAfterMs: 10_000,
    })
    expect(
      readHubSpotError({
        status: 'error',
        message: 'You have reached your secondly limit.',
        policyName: 'SECONDLY',
      })
    ).toMatchObject({ retryAfterMs: 1000 })
  })

  it('prefers the specific error code over the category', () => {
    const body = {
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: 'Property values were not valid',
      errors: [
        { code: 'PROPERTY_DOESNT_EXIST', message: 'Property "zendesk_escalation_key" does not exist' },
      ],
    }
    expect(readHubSpotError(body)).toEqual({
      code: 'PROPERTY_DOESNT_EXIST',
      message: 'Property "zendesk_escalation_key" does not exist',
    })
  })

  it('reads nothing from bodies that are not HubSpot errors', () => {
    expect(readHubSpotError('<html>Bad gateway</html>')).toEqual({})
    expect(readHubSpotError({ category: 42 })).toEqual({})
  })
})
