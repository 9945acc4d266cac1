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

/**
 * A fault of the emulated proxy (`client.request` to another host): the call is taken and never
 * answered, and nothing reaches the upstream, as when an answer is lost somewhere between Zendesk's
 * proxy and the app's frame. For tests that the app gives up waiting by itself.
 */
export interface ProxyFaults {
  readonly mode: 'no-answer'
  /** How many proxied requests go unanswered; then the fault clears itself. Default: until changed. */
  readonly remaining?: number
  /** Only requests of this method (e.g. `POST`, an app's writes), not its reads. Default: all. */
  readonly method?: string
  /** Only requests to this host (e.g. `slack.com`), as the app wrote the URL. Default: all. */
  readonly host?: string
}

export class ProxyFaultSwitch {
  private current: ProxyFaults | null = null

  set(faults: ProxyFaults | null): void {
    this.current = faults
  }

  /** The fault for this proxied request, counting it down; null when it should go through. */
  take(method: string, url: string): ProxyFaults['mode'] | null {
    const faults = this.current
    if (!faults) return null
    if (faults.method !== undefined && faults.method.toUpperCase() !== method.toUpperCase()) return null
    if (faults.host !== undefined && hostOf(url) !== faults.host.toLowerCase()) return null
    if (faults.remaining !== undefined) {
      this.current = faults.remaining > 1 ? { ...faults, remaining: faults.remaining - 1 } : null
    }
    return faults.mode
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return null
  }
}
