import { Skeleton } from '@zendeskgarden/react-loaders'
import { useI18n } from '../../i18n/i18n-context'

/** Same rough shape as the filled card, so the iframe barely moves when data arrives. */
export function CardSkeleton() {
  const { t } = useI18n()
  return (
    <div role="status" aria-live="polite" aria-label={t('ui.card.loading')}>
      <Skeleton width="60%" height="20px" />
      <Skeleton width="40%" />
      <Skeleton width="90%" height="32px" />
      <Skeleton width="70%" />
      <Skeleton width="80%" />
      <Skeleton width="50%" />
    </div>
  )
}
