import { Anchor, Button } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import styled from 'styled-components'
import { useI18n } from '../../i18n/i18n-context'
import type { SlackReplyOutcome } from '../../domain/slack-step'

/** What the line shows: the outcome, whom it was for, and whether "Send again" is offered. */
interface SlackLineState {
  readonly slack: SlackReplyOutcome
  readonly ownerName: string
  /** Present when "Send again" is offered. */
  readonly slackRetry: unknown
  readonly resending: boolean
}

const SendAgain = styled(Button)`
  margin-top: ${(p) => p.theme.space.xs};
`

/**
 * How the escalation's Slack message went, or with `reply` a follow-up's reply in its thread: a
 * quiet line when it was sent, a warning with "Send again" when it was not, and the same when its
 * answer was lost, saying why the app did not send it again by itself (the CSM may have it already).
 */
export function SlackOutcomeView({
  state,
  sendAgain,
  reply = false,
}: {
  state: SlackLineState
  sendAgain: () => void
  reply?: boolean
}) {
  const { t } = useI18n()
  const { slack } = state
  const name = state.ownerName
  const testId = reply ? 'follow-up-slack' : 'escalation-slack'
  if (slack.state === 'off') return null
  if (slack.state === 'no-thread')
    return (
      <MD data-testid={testId} data-state="no-thread">
        {t(
          slack.unreadable
            ? 'ui.escalation.followUp.slack.unreadable'
            : 'ui.escalation.followUp.slack.noThread'
        )}
      </MD>
    )
  if (slack.state === 'sent') {
    const line = reply
      ? t('ui.escalation.followUp.slack.sent', { name })
      : t(
          slack.to === 'dm'
            ? 'ui.escalation.slack.sentDm'
            : slack.to === 'channel'
              ? 'ui.escalation.slack.sentChannel'
              : 'ui.escalation.slack.sentFallback',
          { name }
        )
    return (
      <MD data-testid={testId} data-state="sent">
        {line}
        {slack.permalink && (
          <>
            {' · '}
            <Anchor
              href={slack.permalink}
              target="_blank"
              rel="noopener noreferrer"
              isExternal
              externalIconLabel={t('ui.escalation.opensInNewTab')}
            >
              {t('ui.escalation.slack.open')}
            </Anchor>
          </>
        )}
      </MD>
    )
  }
  const prefix = reply ? 'ui.escalation.followUp.slack' : 'ui.escalation.slack'
  const text =
    slack.state === 'unknown'
      ? t(`${prefix}.unknown`)
      : t(`${prefix}.notSent`, {
          why: t(`ui.escalation.slack.error.${slack.kind}`, { name, detail: slack.detail ?? '' }),
        })
  return (
    <Alert type="warning" role="alert" data-testid={testId} data-state={slack.state}>
      <Alert.Paragraph>{text}</Alert.Paragraph>
      {Boolean(state.slackRetry) && (
        <SendAgain
          size="small"
          onClick={sendAgain}
          disabled={state.resending}
          data-testid={reply ? 'follow-up-slack-send-again' : 'slack-send-again'}
        >
          {t(state.resending ? 'ui.escalation.slack.sending' : 'ui.escalation.slack.sendAgain')}
        </SendAgain>
      )}
    </Alert>
  )
}
