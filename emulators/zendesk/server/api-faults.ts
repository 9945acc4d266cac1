/**
 * Faults of the emulated Zendesk's ticket updates, for tests of what an app does when Zendesk
 * fails or an answer is lost. Only `PUT /api/v2/tickets/<id>.json` is affected; reads always work,
 * so a test can see what the failure left behind.
 */
export type ApiFaultMode =
  /** 500 before anything is applied. */
  | 'server-error'
  /** Applied, then the connection is dropped: the app never learns that it worked. */
  | 'apply-then-drop'
  /** Applied, then no answer until the page goes away (a tab closed mid-request). */
  | 'apply-then-hang'
  /** No answer and nothing applied, until the page goes away. */
  | 'hang'

export interface ApiFaults {
  readonly mode: ApiFaultMode
  /** How many matching updates fail; then the fault clears itself. Default: until changed. */
  readonly remaining?: number
  /** `comment`: only updates that add a comment (an app's final note), not tag-only updates (a claim). */
  readonly only?: 'comment' | 'tags-only'
}

/** The fault switch the host server consults for each ticket update. */
export class ApiFaultSwitch {
  private current: ApiFaults | null = null

  set(faults: ApiFaults | null): void {
    this.current = faults
  }

  /** The fault for this update, counting it down; null when the update should go through. */
  take(method: string, path: string, body: string): ApiFaultMode | null {
    const faults = this.current
    if (!faults || method !== 'PUT' || !/^\/api\/v2\/tickets\/\d+\.json$/.test(path)) return null
    const hasComment = /"comment"\s*:/.test(body)
    if (faults.only === 'comment' && !hasComment) return null
    if (faults.only === 'tags-only' && hasComment) return null
    if (faults.remaining !== undefined) {
      this.current = faults.remaining > 1 ? { ...faults, remaining: faults.remaining - 1 } : null
    }
    return faults.mode
  }
}
