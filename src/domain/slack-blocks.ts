// The Block Kit shapes the app sends, apart from the builder so that ports.ts can name them
// without importing the builder (and, through it, ports.ts itself).

/** A Slack Block Kit message with the plain-text fallback Slack shows in notifications. */
export interface SlackMessage {
  readonly text: string
  readonly blocks: readonly SlackBlock[]
}
export type SlackBlock =
  | { readonly type: 'header'; readonly text: PlainText }
  | { readonly type: 'section'; readonly text: Mrkdwn; readonly fields?: readonly Mrkdwn[] }
  | { readonly type: 'context'; readonly elements: readonly Mrkdwn[] }
  | { readonly type: 'divider' }
export interface PlainText {
  readonly type: 'plain_text'
  readonly text: string
  readonly emoji: boolean
}
export interface Mrkdwn {
  readonly type: 'mrkdwn'
  readonly text: string
}
