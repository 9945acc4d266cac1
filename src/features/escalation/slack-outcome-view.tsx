import { Anchor, Button } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import styled from 'styled-components'
import { useI18n } from '../../i18n/i18n-context'
import type { EscalationState } from './use-escalation'

type Done = Extract<EscalationState, { status: 'done' }>

const SendAgain = styled(Button)`
  margin-top: ${(p) => p.theme.space.xs};
`

/**
 * How the escalation's Slack message went: a quiet line when it was sent, a warning with "Send
 * again" when it was not, and the same when its answer was lost, saying why the app did not send
 * it again by itself (the CSM may have it already).
 */
export function SlackOutcomeView({ state, sendAgain }: { state: Done; sendAgain: () => void }) {
  const { t } = useI18n()
  const { slack } = state
  const name = state.ownerName
  if (slack.state === 'off') return null
  if (slack.state === 'sent') {
    const line = t(
      slack.to === 'dm'
        ? 'ui.escalation.slack.sentDm'
        : slack.to === 'channel'
          ? 'ui.escalation.slack.sentChannel'
          : 'ui.escalation.slack.sentFallback',
      { name }
    )
    return (
      <MD data-testid="escalation-slack" data-state="sent">
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
  const text =
    slack.state === 'unknown'
      ? t('ui.escalation.slack.unknown')
      : t('ui.escalation.slack.notSent', {
          why: t(`ui.escalation.slack.error.${slack.kind}`, { name, detail: slack.detail ?? '' }),
        })
  return (
    <Alert type="warning" role="alert" data-testid="escalation-slack" data-state={slack.state}>
      <Alert.Paragraph>{text}</Alert.Paragraph>
      {state.slackRetry && (
        <SendAgain size="small" onClick={sendAgain} disabled={state.resending} data-testid="slack-send-again">
          {t(state.resending ? 'ui.escalation.slack.sending' : 'ui.escalation.slack.sendAgain')}
        </SendAgain>
      )}
    </Alert>
  )
}
