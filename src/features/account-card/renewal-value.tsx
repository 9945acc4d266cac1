import { Tag } from '@zendeskgarden/react-tags'
import { daysUntil, isRenewingSoon, localDate } from '../../domain/renewal'
import { formatDate } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { Subtle } from './card-layout'

export function RenewalValue({ date, soonDays, now }: { date: string; soonDays: number; now: number }) {
  const { t, plural, locale } = useI18n()
  const days = daysUntil(date, localDate(new Date(now)))
  const relative =
    days === 0
      ? t('ui.card.renewsToday')
      : days > 0
        ? plural('ui.card.renewsIn', days)
        : plural('ui.card.renewedAgo', -days)
  return (
    <>
      <span>{formatDate(date, locale)}</span>
      <Subtle>{relative}</Subtle>
      {isRenewingSoon(days, soonDays) && (
        <Tag hue="orange" size="small">
          <span>{t('ui.card.renewsSoon')}</span>
        </Tag>
      )}
    </>
  )
}
