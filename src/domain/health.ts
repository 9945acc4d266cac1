/** Health bands, from best to worst. The card always shows the band's name, never colour alone. */
export const HEALTH_BANDS = ['healthy', 'watch', 'at-risk'] as const
export type HealthBand = (typeof HEALTH_BANDS)[number]

/**
 * How far above the risk threshold an account stays on "watch". Admins set one number
 * (`health_risk_below`); a second setting for the healthy threshold would be one more thing to
 * get wrong, and 25 points matches the usual red/amber/green split of a 0–100 score.
 */
export const WATCH_BAND_WIDTH = 25

export function healthBand(score: number, riskBelow: number): HealthBand {
  if (score < riskBelow) return 'at-risk'
  if (score < riskBelow + WATCH_BAND_WIDTH) return 'watch'
  return 'healthy'
}
