import styled from 'styled-components'
import { MD } from '@zendeskgarden/react-typography'
import type { EscalationRecommendation, WhyNowSignal } from '../../domain/why-now'
import { useI18n } from '../../i18n/i18n-context'
import { DismissedRecommendation } from './dismissed-recommendation'
import { RecommendationBanner } from './recommendation-banner'
import type { useRecommendationDismissal } from './use-recommendation-dismissal'
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
// which read the words. Text symbols that common system fonts carry (DejaVu, Segoe UI Symbol,
// Apple Symbols), never emoji-only ones: ⏳ was a blank box in a browser without an emoji font.
const ICONS: Record<WhyNowSignal['kind'], string> = {
  'renewal-soon': '◷',
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
 * here takes focus on its own or interrupts: the recommendation is a status, read when the agent
 * gets to it; focus moves only after the agent's own "Not now" or "Show recommendation".
 * After "Not now" the banner goes and the signals stay under the plain heading, in the same order,
 * with one quiet line to bring the recommendation back.
 */
export function WhyNowView({
  signals,
  recommendation,
  dismissal,
}: {
  signals: readonly WhyNowSignal[]
  recommendation: EscalationRecommendation | null
  /** "Not now" and the way back; `byAgent`: the control that replaced the agent's may take focus. */
  dismissal: ReturnType<typeof useRecommendationDismissal>
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
  if (recommendation && !dismissal.dismissed) {
    return (
      <RecommendationBanner onDismiss={dismissal.dismiss} takeFocus={dismissal.byAgent}>
        {list}
      </RecommendationBanner>
    )
  }
  return (
    <div data-testid="why-now">
      <Heading>{t('ui.whyNow.title')}</Heading>
      {list}
      {recommendation && <DismissedRecommendation onShow={dismissal.show} takeFocus={dismissal.byAgent} />}
    </div>
  )
}

function signalKey(signal: WhyNowSignal): string {
  return signal.kind
}
