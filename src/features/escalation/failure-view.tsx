import { Alert } from '@zendeskgarden/react-notifications'
import { useI18n } from '../../i18n/i18n-context'
import { renewalStepsKey } from '../../ui/renewal-steps'
import { useServices } from '../shared/services-context'
import type { EscalationState } from './use-escalation'

/** What failed, what is kept and what a retry will do. */
export function FailureView({ state }: { state: Extract<EscalationState, { status: 'failed' }> }) {
  const { t } = useI18n()
  const { settings, viewer } = useServices()
  const reason = state.error
    ? t(`ui.error.kind.${state.error.details.timedOut ? 'timeout' : state.error.kind}`, {
        field: state.error.details.field ?? '',
      })
    : ''
  // A create the CRM failed or never answered may have made the task all the same: the retry finds
  // it either way, but the agent must not be told "not created" when that may be untrue.
  const step = state.step === 'crm' && state.error?.details.unconfirmedWrite ? 'crmUnconfirmed' : state.step
  return (
    <Alert type="warning" role="alert" data-testid="escalation-failed">
      <Alert.Paragraph>{t(`ui.escalation.failed.${step}`, { reason })}</Alert.Paragraph>
      {state.error?.kind === 'connection-expired' && viewer.isAdmin && (
        <Alert.Paragraph data-testid="renewal-steps">{t(renewalStepsKey(settings.auth))}</Alert.Paragraph>
      )}
    </Alert>
  )
}
