import type { ExistingEscalation } from '../../domain/escalation'
import { formatAge } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { Outcome } from './outcome'

/**
 * An escalation found in the CRM. Some CRMs' tasks do not say who the owner is, who escalated or
 * when (a custom CRM's search answer): the owner is then the one this card would escalate to.
 */
export function ExistingView({
  existing,
  ownerName,
}: {
  existing: ExistingEscalation
  ownerName: string | null
}) {
  const { t, locale } = useI18n()
  const { now } = useServices()
  const name = existing.ownerName ?? ownerName ?? t('ui.escalation.fallbackName')
  const agent = existing.escalatedBy
  const closed = existing.closed ? ` ${t('ui.escalation.closed')}` : ''
  if (!existing.createdAt) {
    const text = agent
      ? t('ui.escalation.existingUndated', { name, agent })
      : t('ui.escalation.existingUndatedNoAgent', { name })
    return <Outcome text={text + closed} url={existing.taskUrl} />
  }
  const when = formatAge(Math.max(0, now() - Date.parse(existing.createdAt.replace(/\+0000$/, 'Z'))), locale)
  const text = agent
    ? t('ui.escalation.existing', { name, agent, when })
    : t('ui.escalation.existingNoAgent', { name, when })
  return <Outcome text={text + closed} url={existing.taskUrl} />
}
