/**
 * The escalation's marks on the Zendesk ticket, which Zendesk itself arbitrates (ADR 0010):
 * - `csm_escalation_pending` and `csm_escalation_claim_<agent>_<unix seconds>_<nonce>` while an
 *   agent's escalation is under way (the claim), written with collision protection;
 * - `csm_escalated` once an escalation is complete, and `csm_escalation_<n>` for the n-th (n ≥ 2)
 *   after an earlier one was closed, so each escalation has its own key in the CRM.
 */
export const ESCALATED_TAG = 'csm_escalated'
export const PENDING_TAG = 'csm_escalation_pending'
const CLAIM_PREFIX = 'csm_escalation_claim_'
const CLAIM_TAG = /^csm_escalation_claim_(\d+)_(\d+)_([a-z0-9]+)$/
const SEQUENCE_TAG = /^csm_escalation_(\d+)$/

/**
 * After this long a claim whose escalation never finished (its tab closed for good) may be taken
 * over. Longer than any escalation can run: the CRM create times out after 30 s, the ticket
 * update after 30 s, and a claim's own retries take seconds.
 */
export const CLAIM_STALE_AFTER_MS = 2 * 60_000

/** One agent's escalation attempt, as its claim tag names it. */
export interface Claim {
  /** `<agent>_<unix seconds>_<nonce>`: unique per attempt, also the key of its saved progress. */
  readonly attemptId: string
  readonly agentId: number
  /** Epoch ms (whole seconds). */
  readonly startedAt: number
}

/** A new attempt's claim for `agentId`, started at `now`; `nonce` tells two tabs of one agent apart. */
export function newClaim(agentId: number, now: number, nonce: string): Claim {
  const seconds = Math.floor(now / 1000)
  const safeNonce = nonce.toLowerCase().replace(/[^a-z0-9]/g, '') || '0'
  return { attemptId: `${agentId}_${seconds}_${safeNonce}`, agentId, startedAt: seconds * 1000 }
}

export function claimTag(claim: Claim): string {
  return `${CLAIM_PREFIX}${claim.attemptId}`
}

/** The claim on the ticket, if any (the newest when tags hold several, which a takeover prevents). */
export function readClaim(tags: readonly string[]): Claim | null {
  let newest: Claim | null = null
  for (const tag of tags) {
    const match = CLAIM_TAG.exec(tag)
    if (!match) continue
    const claim = {
      attemptId: tag.slice(CLAIM_PREFIX.length),
      agentId: Number(match[1]),
      startedAt: Number(match[2]) * 1000,
    }
    if (!newest || claim.startedAt > newest.startedAt) newest = claim
  }
  return newest
}

export function isStale(claim: Claim, now: number): boolean {
  return now - claim.startedAt >= CLAIM_STALE_AFTER_MS
}

/** How many escalations this ticket has completed: 0, 1 (`csm_escalated`), or the highest `csm_escalation_<n>`. */
export function completedEscalations(tags: readonly string[]): number {
  if (!tags.includes(ESCALATED_TAG)) return 0
  let highest = 1
  for (const tag of tags) {
    const match = SEQUENCE_TAG.exec(tag)
    if (match) highest = Math.max(highest, Number(match[1]))
  }
  return highest
}

/** Only the tags this module reads, so other code can carry them without the ticket's other tags. */
export function escalationTags(tags: readonly string[]): string[] {
  return tags.filter((tag) => tag === ESCALATED_TAG || tag.startsWith('csm_escalation_'))
}

/** The tags for holding `claim`: any earlier (stale) claim replaced by ours, everything else kept. */
export function tagsWithClaim(tags: readonly string[], claim: Claim): string[] {
  return [...withoutClaims(tags), PENDING_TAG, claimTag(claim)]
}

/** The tags once escalation number `sequence` is complete: the claim gone, the escalation marked. */
export function tagsWhenEscalated(tags: readonly string[], sequence: number): string[] {
  const marks = sequence >= 2 ? [ESCALATED_TAG, `csm_escalation_${sequence}`] : [ESCALATED_TAG]
  return [...new Set([...withoutClaims(tags), ...marks])]
}

/** The tags with any claim removed (a claim released after the CRM refused the task). */
export function tagsWithoutClaims(tags: readonly string[]): string[] {
  return withoutClaims(tags)
}

function withoutClaims(tags: readonly string[]): string[] {
  return tags.filter((tag) => tag !== PENDING_TAG && !tag.startsWith(CLAIM_PREFIX))
}

/**
 * The deterministic key of a ticket's n-th escalation: the same ticket in the same Zendesk account
 * always gives the same key for the same escalation, so a retry, a double click or a second agent
 * finds the first task, while a later escalation (after the CSM closed the earlier one) gets its
 * own key. The first keeps the original format, `zd:<subdomain>:<ticket>`, so tasks created before
 * sequences existed are still found.
 */
export function escalationKey(subdomain: string, ticketId: number, sequence = 1): string {
  const base = `zd:${subdomain.toLowerCase()}:${ticketId}`
  return sequence >= 2 ? `${base}:${sequence}` : base
}
