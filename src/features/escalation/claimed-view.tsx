import { Alert } from '@zendeskgarden/react-notifications'
import { formatAge } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { FOCUS_TARGET } from '../../ui/use-focus-rescue'
import type { EscalationState } from './use-escalation'

/** Another agent, or another tab of this agent, is escalating this ticket now (or stopped half-way). */
export function ClaimedView({ state }: { state: Extract<EscalationState, { status: 'claimed' }> }) {
  const { t, locale } = useI18n()
  const { now } = useServices()
  const holder = state.holder
  // The claim's age by Zendesk's clock, which stamped it: this browser's clock may be minutes off.
  const when = holder?.claim
    ? formatAge(Math.max(0, now() + holder.clockOffsetMs - holder.claim.startedAt), locale)
    : null
  // Until the ticket has been read, whose claim it is is unknown: it may be this agent's own other
  // tab, so the card says neither "you" nor "another agent".
  const text = state.stale
    ? t('ui.escalation.claim.stale', { when: when ?? '' })
    : !holder
      ? t('ui.escalation.claim.pending')
      : holder.byMe
        ? t('ui.escalation.claim.byMe')
        : holder.agentName && when
          ? t('ui.escalation.claim.byAgent', { agent: holder.agentName, when })
          : t('ui.escalation.claim.byOther')
  return (
    <Alert type="info" role="status" tabIndex={-1} {...FOCUS_TARGET} data-testid="escalation-claimed">
      <Alert.Paragraph>{text}</Alert.Paragraph>
    </Alert>
  )
}
