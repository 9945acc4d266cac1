import { afterEach, describe, expect, it } from 'vitest'
import type { KeyValueStorage } from './storage-lookup-cache'
import { createStorageRecommendationDismissals } from './storage-recommendation-dismissals'

const ticket102 = { id: 102, subdomain: 'demo' }

describe('createStorageRecommendationDismissals', () => {
  afterEach(() => window.localStorage.clear())

  it('remembers "Not now" per ticket and Zendesk account, until "Show recommendation" clears it', () => {
    const dismissals = createStorageRecommendationDismissals(window.localStorage)
    dismissals.write(ticket102, ['critical-ticket', 'health-at-risk'])
    // A new instance over the same storage: what a reload sees.
    const reloaded = createStorageRecommendationDismissals(window.localStorage)
    expect(reloaded.read(ticket102)).toEqual(['critical-ticket', 'health-at-risk'])
    expect(reloaded.read({ id: 103, subdomain: 'demo' })).toBeNull()
    expect(reloaded.read({ id: 102, subdomain: 'other' })).toBeNull()
    reloaded.clear(ticket102)
    expect(dismissals.read(ticket102)).toBeNull()
  })

  it('reads a corrupt or foreign entry as not dismissed, so the banner shows', () => {
    const dismissals = createStorageRecommendationDismissals(window.localStorage)
    window.localStorage.setItem('success-bridge:not-now:v1:demo:102', '{not json')
    expect(dismissals.read(ticket102)).toBeNull()
    window.localStorage.setItem('success-bridge:not-now:v1:demo:102', JSON.stringify({ kinds: 'all' }))
    expect(dismissals.read(ticket102)).toBeNull()
  })

  it('never throws where the browser refuses storage: the dismissal is simply not kept', () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {
        throw new DOMException('blocked', 'SecurityError')
      },
    }
    const dismissals = createStorageRecommendationDismissals(refusing)
    expect(() => dismissals.write(ticket102, ['critical-ticket'])).not.toThrow()
    expect(dismissals.read(ticket102)).toBeNull()
    expect(() => dismissals.clear(ticket102)).not.toThrow()
  })
})
