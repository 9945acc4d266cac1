/** A member of the emulated Slack workspace. */
export interface SlackUser {
  readonly id: string
  readonly name: string
  readonly realName: string
  readonly email: string
}

/** A conversation the bot may (or may not) post in. */
export interface SlackChannel {
  readonly id: string
  readonly name: string
  /** Whether the bot has been added: posting elsewhere answers `not_in_channel`. */
  readonly botIsMember: boolean
}

export const DEMO_SLACK_TOKEN = 'xoxb-demo-slack-token'
export const DEMO_SLACK_SCOPES = ['chat:write', 'users:read.email'] as const

/** The demo CSMs (the CRM seeds' owners), so the demo's escalations reach someone. */
export const SLACK_USERS: readonly SlackUser[] = [
  { id: 'U0PRIYA01', name: 'priya', realName: 'Priya Raman', email: 'priya.raman@successbridge.example' },
  {
    id: 'U0MARCUS1',
    name: 'marcus',
    realName: 'Marcus Oyelaran',
    email: 'marcus.oyelaran@successbridge.example',
  },
  {
    id: 'U0DANA001',
    name: 'dana',
    realName: 'Dana Whitfield',
    email: 'dana.whitfield@successbridge.example',
  },
]

export const SLACK_CHANNELS: readonly SlackChannel[] = [
  { id: 'C0CSESCAL1', name: 'cs-escalations', botIsMember: true },
  { id: 'C0GENERAL1', name: 'general', botIsMember: false },
]

/** The direct-message conversation between the app and a user, as Slack names it (`D…`). */
export function directChannelId(userId: string): string {
  return `D${userId.slice(1)}`
}
