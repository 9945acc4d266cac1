import { toResponseArgs, type ProxyAnswer } from '../../emulators/zendesk/host/response-args'
import type { ZafClient, ZafRequestOptions } from '../../src/zendesk/zaf-client'

/**
 * The request half of a ZAF client for Node: posts the request options to the emulated Zendesk
 * proxy over HTTP and settles with the same responseArgs the host page would post to the iframe.
 * Only the postMessage hop is left out; the e2e suite covers that one with the real SDK.
 */
export function proxyZafClient(zendeskUrl: string): ZafClient {
  const unused = (name: string) => () =>
    Promise.reject(new Error(`${name} is not part of the contract tests`))
  return {
    get: unused('get'),
    invoke: unused('invoke'),
    metadata: unused('metadata'),
    context: unused('context'),
    on: () => undefined,
    off: () => undefined,
    async request(options: ZafRequestOptions) {
      const response = await fetch(`${zendeskUrl}/__proxy`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options),
      })
      const { done, responseArgs } = toResponseArgs((await response.json()) as ProxyAnswer, options)
      if (done) return responseArgs[0]
      throw responseArgs[0]
    },
  }
}
