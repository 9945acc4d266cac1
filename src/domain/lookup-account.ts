import { customerKey, type CustomerContext } from './customer'
import type { CachedOutcome, CrmConnector, LookupCache } from './ports'

export interface LookupDeps {
  readonly connector: CrmConnector
  readonly cache: LookupCache
  /** Distinguishes caches of different installations or CRMs in the same browser. */
  readonly cacheNamespace: string
  readonly now: () => number
}

export interface LookupOptions {
  /** Skip the cache, e.g. when the agent presses Refresh. */
  readonly fresh?: boolean
}

/**
 * The load path: a cache hit costs no CRM call at all; a miss costs one connector call, whose
 * result (found, ambiguous or not found, never an error) is remembered.
 */
export async function lookupAccount(
  context: CustomerContext,
  deps: LookupDeps,
  options: LookupOptions = {}
): Promise<CachedOutcome & { readonly fromCache: boolean }> {
  const key = `${deps.cacheNamespace}|${customerKey(context)}`
  if (!options.fresh) {
    const hit = deps.cache.read(key, deps.now())
    if (hit) return { ...hit, fromCache: true }
  }
  const outcome = await deps.connector.findAccount(context)
  const entry = { outcome, fetchedAt: deps.now() }
  deps.cache.write(key, entry)
  return { ...entry, fromCache: false }
}
