import * as z from 'zod/mini'
import type { SlackPort } from '../domain/ports'
import { SlackError } from '../domain/slack-error'
import type { ZafClient } from '../zendesk/zaf-client'
import { readSlackAnswer } from './read-slack-answer'

/** The token never reaches the browser: the Zendesk proxy replaces this placeholder (a header-scoped secure setting). */
export const SLACK_TOKEN_PLACEHOLDER = '{{setting.slack_bot_token}}'
export const SLACK_API_URL = 'https://slack.com/api'
// Like CRM calls: a Slack call the proxy has not answered by then counts as lost.
const TIMEOUT_MS = 8000

const userSchema = z.looseObject({ user: z.looseObject({ id: z.string() }) })
const postedSchema = z.looseObject({ channel: z.string(), ts: z.string() })
const permalinkSchema = z.looseObject({ permalink: z.string() })

/**
 * Slack's Web API through ZAF `client.request` with `secure: true`: the Zendesk proxy inserts the
 * bot token into the `Authorization` header and calls slack.com (manifest `domainWhitelist`).
 * Reads use GET with a query; the message is JSON, which Slack accepts only with the header token.
 */
export function createSlackWebApi(client: ZafClient, apiUrl: string = SLACK_API_URL): SlackPort {
  const call = async (
    method: string,
    request: { readonly query?: Record<string, string>; readonly json?: unknown }
  ): Promise<Record<string, unknown>> => {
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : ''
    let outcome: unknown
    try {
      outcome = await client.request({
        url: `${apiUrl}/${method}${query}`,
        type: request.json === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${SLACK_TOKEN_PLACEHOLDER}` },
        secure: true,
        httpCompleteResponse: true,
        dataType: 'text',
        timeout: TIMEOUT_MS,
        ...(request.json === undefined
          ? {}
          : { contentType: 'application/json; charset=utf-8', data: JSON.stringify(request.json) }),
      })
    } catch (failure) {
      // ZAF rejects a non-2xx answer with the response itself, and a lost one with its status 0.
      outcome = failure
    }
    return readSlackAnswer(outcome)
  }
  const parsed = <T>(schema: z.ZodMiniType<T>, answer: Record<string, unknown>): T => {
    const result = schema.safeParse(answer)
    if (!result.success)
      throw new SlackError('unavailable', 'Slack gave an unreadable answer', { answered: false })
    return result.data
  }

  return {
    async userIdByEmail(email) {
      try {
        return parsed(userSchema, await call('users.lookupByEmail', { query: { email } })).user.id
      } catch (error) {
        if (error instanceof SlackError && error.kind === 'user-not-found') return null
        throw error
      }
    },
    async postMessage(channel, message, threadTs) {
      const answer = await call('chat.postMessage', {
        json: {
          channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        },
      })
      return parsed(postedSchema, answer)
    },
    async permalink(channel, ts) {
      const answer = await call('chat.getPermalink', { query: { channel, message_ts: ts } })
      return parsed(permalinkSchema, answer).permalink
    },
  }
}
