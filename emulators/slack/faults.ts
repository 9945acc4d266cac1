import { z } from 'zod'

/** The Web API methods the emulator speaks. */
export const SLACK_METHODS = [
  'users.lookupByEmail',
  'conversations.open',
  'chat.postMessage',
  'chat.getPermalink',
] as const
export type SlackMethod = (typeof SLACK_METHODS)[number]

/**
 * One fault, for the next `remaining` calls of `method` (any method when absent):
 * - `error`: HTTP 200 `{"ok": false, "error": …}`, as Slack reports every refusal;
 * - `rate-limited`: HTTP 429 with `Retry-After` (seconds) and `{"ok": false, "error": "ratelimited"}`;
 * - `server-error`: HTTP 500 with an HTML page, as a load balancer in trouble answers;
 * - `lose-answer`: the call is carried out (a message is posted), then the connection drops;
 * - `hang`: no answer until the caller goes away.
 * - `act-then-hang`: the call is carried out (a message is posted), then no answer until the caller goes away.
 */
export const slackFaultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('error'),
    error: z.string().regex(/^[a-z_]+$/),
    method: z.optional(z.enum(SLACK_METHODS)),
    remaining: z.optional(z.number().int().positive()),
  }),
  z.object({
    kind: z.literal('rate-limited'),
    retryAfterSeconds: z.number().int().nonnegative(),
    method: z.optional(z.enum(SLACK_METHODS)),
    remaining: z.optional(z.number().int().positive()),
  }),
  z.object({
    kind: z.enum(['server-error', 'lose-answer', 'hang', 'act-then-hang']),
    method: z.optional(z.enum(SLACK_METHODS)),
    remaining: z.optional(z.number().int().positive()),
  }),
])
export type SlackFault = z.infer<typeof slackFaultSchema>
