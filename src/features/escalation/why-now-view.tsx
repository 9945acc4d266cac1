import styled from 'styled-components'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import type { EscalationRecommendation, WhyNowSignal } from '../../domain/why-now'
import { useI18n } from '../../i18n/i18n-context'
import { WhyNowSignalText } from './why-now-signal-text'

const Heading = styled(MD).attrs({ tag: 'h4', isBold: true })`
  margin: 0;
`
const Signals = styled.ul`
  margin: ${(p) => p.theme.space.xxs} 0 0;
  padding: 0;
  list-style: none;
  display: grid;
  gap: ${(p) => p.theme.space.xxs};
`
const Item = styled.li`
  display: flex;
  gap: ${(p) => p.theme.space.xs};
  overflow-wrap: anywhere;
`

// A shape per kind of signal, beside its words (never colour alone); hidden from screen readers,
// which read the words.
const ICONS: Record<WhyNowSignal['kind'], string> = {
  'renewal-soon': '⏳',
  'health-at-risk': '▼',
  'health-drop': '↘',
  'major-account': '★',
  'critical-ticket': '⚠',
  'churn-language': '❝',
  'ticket-trend': '↗',
  'open-urgent': '⚑',
  'recent-escalations': '↻',
}

/**
 * "Why now": the signals that make this ticket one the CSM must hear about, and, when a ticket
 * signal meets an account signal, the recommendation to escalate (domain/why-now.ts). Nothing
 * here takes focus or interrupts: the recommendation is a status, read when the agent gets to it.
 */
export function WhyNowView({
  signals,
  recommendation,
}: {
  signals: readonly WhyNowSignal[]
  recommendation: EscalationRecommendation | null
}) {
  const { t } = useI18n()
  if (signals.length === 0) return null
  const list = (
    <Signals>
      {(recommendation?.because ?? signals).map((signal) => (
        <Item key={signalKey(signal)}>
          <span aria-hidden="true">{ICONS[signal.kind]}</span>
          <WhyNowSignalText signal={signal} />
        </Item>
      ))}
    </Signals>
  )
  if (recommendation) {
    return (
      <Alert type="warning" role="status" data-testid="why-now-recommended">
        <Alert.Title role="heading" aria-level={4}>
          {t('ui.whyNow.recommended')}
        </Alert.Title>
        <Alert.Paragraph>{t('ui.whyNow.recommendedBody')}</Alert.Paragraph>
        {list}
      </Alert>
    )
  }
  return (
    <div data-testid="why-now">
      <Heading>{t('ui.whyNow.title')}</Heading>
      {list}
    </div>
  )
}

function signalKey(signal: WhyNowSignal): string {
  return signal.kind
}
