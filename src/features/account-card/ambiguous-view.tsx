import styled from 'styled-components'
import { Alert } from '@zendeskgarden/react-notifications'
import { Button } from '@zendeskgarden/react-buttons'
import type { AccountSummary } from '../../domain/account'
import type { MatchStrategy } from '../../domain/match-strategy'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { Subtle } from './card-layout'
import { AccountName } from './account-name'
import { LookAgainButton } from './look-again-button'

const Candidates = styled.ul`
  margin: ${(p) => p.theme.space.sm} 0;
  padding: 0;
  list-style: none;
`

const Candidate = styled.li`
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: center;
  gap: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
  padding: ${(p) => p.theme.space.xs} 0;
  overflow-wrap: anywhere;
`

const Who = styled.span`
  display: flex;
  flex-direction: column;
  min-width: 0;
`

interface AmbiguousViewProps {
  readonly strategy: MatchStrategy
  readonly candidates: readonly AccountSummary[]
  /** The pick is remembered for the organization, or for the requester when there is none. */
  readonly pickedFor: 'organization' | 'requester'
  readonly onChoose: (accountId: string) => void
  readonly refreshing: boolean
  readonly onRefresh: () => void
}

/** Several accounts match: the agent picks one; the pick is remembered for the organization (or requester). */
export function AmbiguousView({
  strategy,
  candidates,
  pickedFor,
  onChoose,
  refreshing,
  onRefresh,
}: AmbiguousViewProps) {
  const { t } = useI18n()
  // Where the browser blocks storage the pick lives in memory: promise only what is true.
  const { choices, page } = useServices()
  return (
    <Alert type="warning" role="status">
      <Alert.Title role="heading" aria-level={2}>
        {t('ui.ambiguous.title')}
      </Alert.Title>
      <Alert.Paragraph>
        {t(`ui.ambiguous.body.${page}`, { strategy: t(`ui.ambiguous.strategy.${page}.${strategy}`) })}
      </Alert.Paragraph>
      <Candidates data-testid="candidates">
        {candidates.map((account) => (
          <Candidate key={account.id}>
            <Who>
              <AccountName account={account} />
              <Subtle>
                {account.csm ? t('ui.ambiguous.csm', { name: account.csm.name }) : t('ui.card.noCsm')}
              </Subtle>
            </Who>
            <Button
              size="small"
              onClick={() => onChoose(account.id)}
              aria-label={t('ui.ambiguous.chooseNamed', { name: account.name })}
            >
              {t('ui.ambiguous.choose')}
            </Button>
          </Candidate>
        ))}
      </Candidates>
      <Alert.Paragraph>{t(hintKey(choices.persistent, pickedFor, page))}</Alert.Paragraph>
      <LookAgainButton label={t('ui.card.refresh')} busy={refreshing} onClick={onRefresh} />
    </Alert>
  )
}

/**
 * Where the pick is kept (this browser, or only this page when storage is blocked) and how to fix
 * the match for everyone: a requester without an organization has no external ID to set, so the
 * fix is to put them in an organization that has one.
 */
function hintKey(persistent: boolean, pickedFor: 'organization' | 'requester', page: string): string {
  if (pickedFor === 'organization')
    return persistent ? 'ui.ambiguous.hint' : `ui.ambiguous.hintThisPage.${page}`
  // Only the ticket and user pages can show a customer without an organization.
  const where = page === 'ticket' ? 'ticket' : 'user'
  return persistent ? `ui.ambiguous.hintRequester.${where}` : `ui.ambiguous.hintThisPageRequester.${where}`
}
