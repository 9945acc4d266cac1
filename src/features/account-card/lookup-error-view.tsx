import { Alert } from '@zendeskgarden/react-notifications'
import type { CrmError } from '../../domain/crm-error'
import { useI18n } from '../../i18n/i18n-context'
import { renewalStepsKey } from '../../ui/renewal-steps'
import { useServices } from '../shared/services-context'
import { LookAgainButton } from './look-again-button'

function messageKey(error: CrmError): string {
  if (error.kind === 'unavailable' && error.details.timedOut) return 'ui.error.kind.timeout'
  if (error.kind === 'field-missing' && !error.details.field) return 'ui.error.kind.field-missing-unnamed'
  return `ui.error.kind.${error.kind}`
}

export function LookupErrorView({
  error,
  onRetry,
  retrying,
}: {
  error: CrmError
  onRetry: () => void
  retrying: boolean
}) {
  const { t } = useI18n()
  const { settings, viewer } = useServices()
  return (
    <Alert type={error.isRetryable ? 'warning' : 'error'} data-error-kind={error.kind}>
      <Alert.Title role="heading" aria-level={2}>
        {t('ui.error.title')}
      </Alert.Title>
      <Alert.Paragraph>{t(messageKey(error), { field: error.details.field ?? '' })}</Alert.Paragraph>
      {/* Only an admin can renew the connection, so only an admin is told where. */}
      {error.kind === 'connection-expired' && viewer.isAdmin && (
        <Alert.Paragraph data-testid="renewal-steps">{t(renewalStepsKey(settings.auth))}</Alert.Paragraph>
      )}
      {error.details.vendorCode && (
        <Alert.Paragraph>{t('ui.error.code', { code: error.details.vendorCode })}</Alert.Paragraph>
      )}
      {/* Even where retrying at once cannot help (a token, a permission, a quota), an admin may fix
          it while the agent is on the ticket. */}
      <LookAgainButton label={t('ui.error.retry')} busy={retrying} onClick={onRetry} />
    </Alert>
  )
}
