import { withRequest, type ZafClient, type ZafRequestOptions } from './zaf-client'

/**
 * How long after a request's own `timeout` the app stops waiting for Zendesk. The proxy is meant
 * to answer a timed-out request itself (jQuery-style, status 0 "timeout"), and its answer says
 * more, so it gets a head start; this is only for when no answer comes at all.
 */
export const DEADLINE_GRACE_MS = 2000

/** What the host answers when its own timeout fires; callers already know what it means. */
export const TIMED_OUT = Object.freeze({ status: 0, statusText: 'timeout', responseText: '' })

/**
 * The ZAF client with a deadline on every request that sets a `timeout`. The SDK's `request` has
 * no timeout of its own (unlike get, set and invoke): it waits for the host's answer event, and
 * whether Zendesk's proxy always honours `timeout` is not documented. A request whose answer
 * never comes would leave the card loading, or its Retry busy, with nothing sent and no way out.
 * Past the deadline the request fails as the host's own timeout does; an answer that arrives
 * later is ignored, so for a write it counts as lost, as after any timeout.
 */
export function withRequestDeadline(client: ZafClient, graceMs: number = DEADLINE_GRACE_MS): ZafClient {
  return withRequest(client, (options: ZafRequestOptions) => {
    const sent = client.request(options)
    if (!options.timeout) return sent
    const limit = options.timeout + graceMs
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject({ ...TIMED_OUT }), limit)
    })
    return Promise.race([sent, deadline]).finally(() => clearTimeout(timer))
  })
}
