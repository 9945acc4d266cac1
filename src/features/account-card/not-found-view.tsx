import { Alert } from '@zendeskgarden/react-notifications'
import type { MatchAttempt } from '../../domain/match'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { LookAgainButton } from './look-again-button'

interface NotFoundViewProps {
  readonly tried: readonly MatchAttempt[]
  readonly refreshing: boolean
  readonly onRefresh: () => void
}

export function NotFoundView({ tried, refreshing, onRefresh }: NotFoundViewProps) {
  const { t } = useI18n()
  const { page } = useServices()
  const attempted = tried.filter((attempt) => attempt.value !== null)
  return (
    // Informational, not an error: a status, so screen readers do not interrupt the agent with it.
    <Alert type="info" role="status">
      <Alert.Title role="heading" aria-level={2}>
        {t('ui.notFound.title')}
      </Alert.Title>
      {attempted.length === 0 ? (
        <Alert.Paragraph>{t(`ui.notFound.nothingToTry.${page}`)}</Alert.Paragraph>
      ) : (
        <>
          <Alert.Paragraph>{t('ui.notFound.body')}</Alert.Paragraph>
          <ul data-testid="tried">
            {attempted.map((attempt) => (
              <li key={attempt.strategy}>
                {t(`ui.notFound.attempt.${page}.${attempt.strategy}`, { value: attempt.value ?? '' })}
                {': '}
                {attempt.result === 'skipped'
                  ? t(
                      attempt.reason === 'no-value'
                        ? `ui.notFound.skipped.no-value.${page}`
                        : `ui.notFound.skipped.${attempt.reason}`
                    )
                  : t('ui.notFound.noMatch')}
              </li>
            ))}
          </ul>
          <Alert.Paragraph>{t('ui.notFound.hint')}</Alert.Paragraph>
        </>
      )}
      <LookAgainButton label={t('ui.card.refresh')} busy={refreshing} onClick={onRefresh} />
    </Alert>
  )
}
