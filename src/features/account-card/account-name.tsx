import { Anchor } from '@zendeskgarden/react-buttons'
import type { AccountSummary } from '../../domain/account'
import { useI18n } from '../../i18n/i18n-context'
import { UserText } from '../../ui/user-text'

/**
 * The account's name, linked to its CRM record when the CRM has one. The link's name is the
 * account's name once, then "(CRM record, opens in a new tab)": a screen reader hears where it goes.
 */
export function AccountName({ account }: { account: Pick<AccountSummary, 'name' | 'recordUrl'> }) {
  const { t } = useI18n()
  if (!account.recordUrl) return <UserText text={account.name} />
  return (
    <Anchor
      href={account.recordUrl}
      target="_blank"
      rel="noopener noreferrer"
      isExternal
      externalIconLabel={t('ui.card.crmRecordNewTab')}
    >
      <UserText text={account.name} />
    </Anchor>
  )
}
