import { Alert } from '@zendeskgarden/react-notifications'
import type { MatchAttempt } from '../../domain/match'
import { useI18n } from '../../i18n/i18n-context'

export function NotFoundView({ tried }: { tried: readonly MatchAttempt[] }) {
  const { t } = useI18n()
  const attempted = tried.filter((attempt) => attempt.value !== null)
  return (
    <Alert type="info">
      <Alert.Title>{t('ui.notFound.title')}</Alert.Title>
      {attempted.length === 0 ? (
        <Alert.Paragraph>{t('ui.notFound.nothingToTry')}</Alert.Paragraph>
      ) : (
        <>
          <Alert.Paragraph>{t('ui.notFound.body')}</Alert.Paragraph>
          <ul data-testid="tried">
            {attempted.map((attempt) => (
              <li key={attempt.strategy}>
                {t(`ui.notFound.attempt.${attempt.strategy}`, { value: attempt.value ?? '' })}
                {': '}
                {attempt.result === 'skipped'
                  ? t(`ui.notFound.skipped.${attempt.reason}`)
                  : t('ui.notFound.noMatch')}
              </li>
            ))}
          </ul>
          <Alert.Paragraph>{t('ui.notFound.hint')}</Alert.Paragraph>
        </>
      )}
    </Alert>
  )
}
