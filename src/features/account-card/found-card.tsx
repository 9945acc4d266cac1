import styled from 'styled-components'
import { Button } from '@zendeskgarden/react-buttons'
import { MD } from '@zendeskgarden/react-typography'
import type { AccountSummary } from '../../domain/account'
import { formatAge } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { Footer, Label, Rows, Subtle, Value } from './card-layout'
import { AccountName } from './account-name'
import { ArrValue } from './arr-value'
import { CsmValue } from './csm-value'
import { HealthTag } from './health-tag'
import { RenewalValue } from './renewal-value'

const Title = styled(MD).attrs({ tag: 'h2', isBold: true })`
  margin: 0;
  overflow-wrap: anywhere;
`

const MatchLine = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
  align-items: baseline;
`

interface FoundCardProps {
  readonly account: AccountSummary
  readonly fetchedAt: number
  readonly refreshing: boolean
  readonly onRefresh: () => void
  /** Set when an agent picked this account among several matches: offers to undo the pick. */
  readonly onNotThisAccount?: () => void
}

export function FoundCard({ account, fetchedAt, refreshing, onRefresh, onNotThisAccount }: FoundCardProps) {
  const { t, locale } = useI18n()
  const { settings, now, page } = useServices()
  const currentTime = now()
  const age = currentTime - fetchedAt
  return (
    <>
      <Title>
        <AccountName account={account} />
      </Title>
      <MatchLine>
        <Subtle data-testid="matched-by">
          {onNotThisAccount
            ? t('ui.card.pickedFrom', { how: t(`ui.card.matchedBy.${page}.${account.matchedBy}`) })
            : t(`ui.card.matchedBy.${page}.${account.matchedBy}`)}
        </Subtle>
        {onNotThisAccount && (
          <Button size="small" isLink onClick={onNotThisAccount}>
            {t('ui.card.notThisAccount')}
          </Button>
        )}
      </MatchLine>
      <Rows>
        <Label>{t('ui.card.csm')}</Label>
        <Value>
          <CsmValue csm={account.csm} />
        </Value>
        <Label>{t('ui.card.health')}</Label>
        <Value data-testid="health">
          {account.healthScore === null ? (
            <Subtle>{t('ui.card.noHealth')}</Subtle>
          ) : (
            <HealthTag score={account.healthScore} riskBelow={settings.healthRiskBelow} />
          )}
        </Value>
        <Label>{t('ui.card.renewal')}</Label>
        <Value data-testid="renewal">
          {account.renewalDate === null ? (
            <Subtle>{t('ui.card.noRenewal')}</Subtle>
          ) : (
            <RenewalValue date={account.renewalDate} soonDays={settings.renewalSoonDays} now={currentTime} />
          )}
        </Value>
        <Label>{t('ui.card.arr')}</Label>
        <Value data-testid="arr">
          {account.arr === null ? (
            <Subtle>{t('ui.card.noArr')}</Subtle>
          ) : (
            <ArrValue arr={account.arr} currency={settings.arrCurrency} />
          )}
        </Value>
      </Rows>
      <Footer>
        <Subtle>
          {age < 60_000 ? t('ui.card.updatedJustNow') : t('ui.card.asOf', { time: formatAge(age, locale) })}
        </Subtle>
        <Button
          size="small"
          isBasic
          onClick={refreshing ? undefined : onRefresh}
          aria-disabled={refreshing}
          aria-busy={refreshing}
        >
          {t('ui.card.refresh')}
        </Button>
      </Footer>
    </>
  )
}
