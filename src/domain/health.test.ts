import { describe, expect, it } from 'vitest'
import { healthBand } from './health'

describe('healthBand', () => {
  it.each([
    [0, 'at-risk'],
    [49, 'at-risk'],
    [50, 'watch'],
    [74, 'watch'],
    [75, 'healthy'],
    [100, 'healthy'],
  ] as const)('score %i with the default threshold 50 is %s', (score, band) => {
    expect(healthBand(score, 50)).toBe(band)
  })

  it('moves both boundaries with the admin threshold', () => {
    expect(healthBand(59, 60)).toBe('at-risk')
    expect(healthBand(60, 60)).toBe('watch')
    expect(healthBand(85, 60)).toBe('healthy')
  })
})
