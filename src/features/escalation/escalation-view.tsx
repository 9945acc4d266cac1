import { Button } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import { threadOf } from '../../domain/slack-thread'
import { useI18n } from '../../i18n/i18n-context'
import { EscalationForm } from './escalation-form'
import { ExistingView } from './existing-view'
import { FollowUp } from './follow-up'
import { FollowerView } from './follower-view'
import { SlackOutcomeView } from './slack-outcome-view'
import { Outcome } from './outcome'
import type { useEscalation } from './use-escalation'

type Flow = ReturnType<typeof useEscalation>

/** The view of one escalation state. */
export function EscalationView({
  state,
  draft,
  setDraft,
  submit,
  escalateAgain,
  checkAgain,
  sendSlackAgain,
  name,
  ownerName,
  isFallback,
}: Omit<Flow, 'state'> & {
  state: Flow['state']
  name: string
  ownerName: string | null
  isFallback: boolean
}) {
  const { t } = useI18n()
  switch (state.status) {
    case 'done':
      return (
        <>
          <Outcome text={t('ui.escalation.done', { name: state.ownerName })} url={state.taskUrl} />
          <SlackOutcomeView state={state} sendAgain={() => void sendSlackAgain()} />
          <FollowerView follower={state.follower} name={state.ownerName} />
          <FollowUp
            task={{ taskId: state.taskId, taskUrl: state.taskUrl, ownerName: state.ownerName }}
            thread={threadOf(state.slack)}
          />
        </>
      )
    case 'checking':
      return <MD data-testid="escalation-checking">{t('ui.escalation.checking')}</MD>
    case 'unverified':
      return (
        <>
          <Alert type="info" role="status" data-testid="escalation-unverified">
            <Alert.Paragraph>{t('ui.escalation.unverified')}</Alert.Paragraph>
          </Alert>
          <Button size="small" onClick={checkAgain}>
            {t('ui.escalation.checkAgain')}
          </Button>
        </>
      )
    case 'existing':
      return (
        <>
          <ExistingView existing={state.existing} ownerName={ownerName} />
          {state.pendingNote && (
            <Alert type="info" role="status" data-testid="escalation-came-first">
              <Alert.Paragraph>{t('ui.escalation.cameFirst')}</Alert.Paragraph>
            </Alert>
          )}
          <FollowUp
            task={{ ...state.existing, ownerName: state.existing.ownerName ?? ownerName }}
            initialText={state.pendingNote}
          />
          {state.existing.closed && (
            <Button size="small" onClick={escalateAgain} data-testid="escalate-again">
              {t('ui.escalation.againOpen')}
            </Button>
          )}
        </>
      )
    default:
      return (
        <EscalationForm
          state={state}
          draft={draft}
          setDraft={setDraft}
          submit={submit}
          name={name}
          isFallback={isFallback}
        />
      )
  }
}
