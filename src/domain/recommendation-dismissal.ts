import type { EscalationRecommendation, WhyNowSignal } from './why-now'

/**
 * "Not now" on the escalation recommendation of one ticket. The agent dismisses the recommendation
 * as it stood, so what is remembered is the kinds of signal behind it: the same recommendation stays
 * dismissed (the renewal countdown moving from 23 to 22 days is not news), while a new kind of reason
 * (the customer now mentions cancelling) brings the banner back, as a polished assistant would.
 */
export type DismissedKinds = readonly WhyNowSignal['kind'][]

/** What to remember when the agent says "Not now": the recommendation's kinds of signal, sorted. */
export function dismissalOf(recommendation: EscalationRecommendation): DismissedKinds {
  return [...new Set(recommendation.because.map((signal) => signal.kind))].sort()
}

/** Whether the agent has already said "Not now" to this recommendation (no new kind of reason since). */
export function isDismissed(
  recommendation: EscalationRecommendation | null,
  dismissed: DismissedKinds | null
): boolean {
  if (!recommendation || !dismissed) return false
  return recommendation.because.every((signal) => dismissed.includes(signal.kind))
}
