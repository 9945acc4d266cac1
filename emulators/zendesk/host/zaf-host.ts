import * as z from 'zod/mini'
import type { HostData } from './host-data'
import { requestOptionsSchema, type RequestOptions } from './request-options'
import { answerRpc, rpcRequestSchema, type HostEffect } from './zaf-rpc'

/**
 * The parent side of the ZAF wire protocol (see the SDK's lib/client.js): handshake, get/set/invoke,
 * event subscriptions and pushes, and `client.request`. Like Zendesk, it listens only to its own
 * app iframe, from the app's origin, and posts only to that origin, as JSON strings.
 */
export interface ZafHostOptions {
  readonly window: Window
  readonly iframe: HTMLIFrameElement
  readonly appOrigin: string
  readonly appGuid: string
  /** The live ticket/account data; `get` reads it at answer time, `set` writes it. */
  readonly data: HostData
  readonly onEffect: (effect: HostEffect) => void
  /** Performs `client.request` options and gives the SDK's outcome. */
  readonly performRequest: (options: RequestOptions) => Promise<{ done: boolean; responseArgs: unknown[] }>
}

export interface ZafHost {
  /** Pushes `zaf.<event>` if the app subscribed to it (Zendesk binds an event on the first subscriber). */
  emit(event: string, message: unknown): boolean
  subscriberCount(event: string): number
  stop(): void
}

const envelopeSchema = z.looseObject({
  key: z.optional(z.string()),
  message: z.optional(z.unknown()),
  appGuid: z.optional(z.string()),
})
const subscriptionSchema = z.looseObject({ subscriberCount: z.number() })

// Telemetry from newer SDK builds, and hook replies (this host sends no hooks): nothing to answer.
const IGNORED_KEYS = /^(__track__|session\.live|iframe\.trigger:|iframe\.reply:)/

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

export function startZafHost(options: ZafHostOptions): ZafHost {
  const { iframe, appOrigin, appGuid, data } = options
  const subscriptions = new Map<string, number>()

  const post = (message: unknown): void => {
    iframe.contentWindow?.postMessage(JSON.stringify(message), appOrigin)
  }

  const registered = (): unknown => ({
    key: 'zaf.app.registered',
    message: {
      context: {
        instanceGuid: appGuid,
        product: 'support',
        account: { subdomain: data.subdomain },
        location: data.location,
        // Only a saved ticket has an id; user and organization pages carry no ticket.
        ...(data.location === 'ticket_sidebar' && data.ticket?.id ? { ticketId: data.ticket.id } : {}),
      },
      metadata: {
        appId: 1,
        installationId: 1,
        name: data.appName,
        version: data.appVersion,
        settings: { ...data.settings },
      },
    },
  })

  const answerRequest = async (key: string, raw: unknown): Promise<void> => {
    const parsed = requestOptionsSchema.safeParse(raw)
    const outcome = parsed.success
      ? await options.performRequest(parsed.data).catch(() => ({
          done: false,
          responseArgs: [{ status: 0, statusText: 'error', responseText: '' }],
        }))
      : {
          done: false,
          responseArgs: [{ status: 400, statusText: 'Bad Request', responseText: 'Invalid request options' }],
        }
    post({
      key: `zaf.${key}.${outcome.done ? 'done' : 'fail'}`,
      message: { responseArgs: outcome.responseArgs },
    })
  }

  const onMessage = (event: MessageEvent): void => {
    if (event.source !== iframe.contentWindow || event.origin !== appOrigin) return
    const message = parse(event.data)

    const rpc = rpcRequestSchema.safeParse(message)
    if (rpc.success) {
      const { reply, effects } = answerRpc(data, rpc.data)
      effects.forEach(options.onEffect)
      return post(reply)
    }

    const envelope = envelopeSchema.safeParse(message)
    if (!envelope.success || envelope.data.key === undefined) return
    const { key } = envelope.data
    if (envelope.data.appGuid !== undefined && envelope.data.appGuid !== appGuid) return
    if (IGNORED_KEYS.test(key)) return

    if (key === 'iframe.handshake') {
      // A new document in the iframe starts with no subscriptions.
      subscriptions.clear()
      return post(registered())
    }
    const subscription = /^iframe\.(on|off):(.+)$/.exec(key)
    if (subscription?.[2]) {
      const count = subscriptionSchema.safeParse(envelope.data.message)
      const name = subscription[2]
      const subscribers = count.success ? count.data.subscriberCount : subscription[1] === 'on' ? 1 : 0
      if (subscribers > 0) subscriptions.set(name, subscribers)
      else subscriptions.delete(name)
      return
    }
    if (/^request:\d+$/.test(key)) void answerRequest(key, envelope.data.message)
  }

  options.window.addEventListener('message', onMessage)
  return {
    emit(event, message) {
      if (!subscriptions.has(event)) return false
      post({ key: `zaf.${event}`, message })
      return true
    },
    subscriberCount: (event) => subscriptions.get(event) ?? 0,
    stop: () => options.window.removeEventListener('message', onMessage),
  }
}
