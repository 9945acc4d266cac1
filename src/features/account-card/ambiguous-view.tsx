import { Alert } from '@zendeskgarden/react-notifications'
import { Anchor } from '@zendeskgarden/react-buttons'
import type { AccountSummary } from '../../domain/account'
import type { MatchStrategy } from '../../domain/match'
import { useI18n } from '../../i18n/i18n-context'

export function AmbiguousView({ strategy, candidates }: { strategy: MatchStrategy; candidates: readonly AccountSummary[] }) {
  const { t } = useI18n()
  return (
    <Alert type="warning">
      <Alert.Title>{t('ui.ambiguous.title')}</Alert.Title>
      <Alert.Paragraph>{t('ui.ambiguous.body', { strategy: t(`ui.ambiguous.strategy.${strategy}`) })}</Alert.Paragraph>
      <ul data-testid="candidates">
        {candidates.map((account) => (
          <li key={account.id}>
            {account.recordUrl ? (
              <Anchor href={account.recordUrl} target="_blank" rel="noopener noreferrer">
                {account.name}
              </Anchor>
            ) : (
              account.name
            )}
          </li>
        ))}
      </ul>
      <Alert.Paragraph>{t('ui.ambiguous.hint')}</Alert.Paragraph>
    </Alert>
  )
}
