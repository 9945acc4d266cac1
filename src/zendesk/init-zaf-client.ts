// The SDK is CommonJS without types; this import is the one untyped edge of the app.
import ZAFClient from 'zendesk_app_framework_sdk'
import type { ZafClient } from './zaf-client'

/**
 * Connects to the Zendesk frame around us. Returns null outside Zendesk (the SDK needs the
 * `origin` and `app_guid` query parameters Zendesk adds to the iframe URL).
 */
export function initZafClient(): ZafClient | null {
  const client: unknown = ZAFClient.init()
  return client ? (client as ZafClient) : null
}
