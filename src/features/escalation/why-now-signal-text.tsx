import type { WhyNowSignal } from '../../domain/why-now'
import { formatMoneyShort } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'

/** One "Why now" signal in words, with its numbers. */
export function WhyNowSignalText({ signal }: { signal: WhyNowSignal }) {
  const { t, plural, locale } = useI18n()
  const { settings } = useServices()
  switch (signal.kind) {
    case 'renewal-soon':
      return (
        <span>
          {signal.days === 0 ? t('ui.whyNow.renewsToday') : plural('ui.whyNow.renewsIn', signal.days)}
        </span>
      )
    case 'health-at-risk':
      return (
        <span>
          {t('ui.whyNow.healthAtRisk', { score: String(signal.score), below: String(signal.below) })}
        </span>
      )
    case 'health-drop':
      return (
        <span>
          {plural('ui.whyNow.healthDrop', signal.days, {
            from: String(Math.round(signal.from)),
            to: String(Math.round(signal.to)),
          })}
        </span>
      )
    case 'major-account':
      return (
        <span>
          {t('ui.whyNow.majorAccount', { arr: formatMoneyShort(signal.arr, settings.arrCurrency, locale) })}
        </span>
      )
    case 'critical-ticket':
      return <span>{t(`ui.whyNow.critical.${signal.because}`, { tag: signal.tag ?? '' })}</span>
    case 'churn-language':
      return <span>{t('ui.whyNow.churn', { phrase: signal.phrase })}</span>
    case 'ticket-trend':
      return (
        <span>
          {plural('ui.whyNow.ticketTrend', signal.recent, {
            days: String(signal.days),
            usual: String(signal.usual),
          })}
        </span>
      )
    case 'open-urgent':
      return <span>{plural('ui.whyNow.openUrgent', signal.count)}</span>
    case 'recent-escalations':
      return <span>{plural('ui.whyNow.recentEscalations', signal.count, { days: String(signal.days) })}</span>
  }
}
