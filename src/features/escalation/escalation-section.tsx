import { useState } from 'react'
import styled from 'styled-components'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import { getColor } from '@zendeskgarden/react-theming'
import { escalationOwner } from '../../domain/escalate'
import { localDate } from '../../domain/renewal'
import { recommendEscalation, whyNowSignals } from '../../domain/why-now'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { EscalationFlow, type EscalationSectionProps } from './escalation-flow'
import { useRecommendationDismissal } from './use-recommendation-dismissal'
import { useCustomerTrend } from './use-customer-trend'
import { WhyNowView } from './why-now-view'

const Section = styled.section`
  margin-top: ${(p) => p.theme.space.md};
  padding-top: ${(p) => p.theme.space.md};
  border-top: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  display: grid;
  gap: ${(p) => p.theme.space.sm};
`
const Heading = styled(MD).attrs({ tag: 'h3', isBold: true })`
  margin: 0;
`

export function EscalationSection({ customer, account, existing }: EscalationSectionProps) {
  const { t } = useI18n()
  const { escalation, settings, now } = useServices()
  const owner = escalationOwner(account, escalation.fallbackOwner)
  // The customer's other tickets arrive after the card; the list grows when they do.
  const trend = useCustomerTrend(customer)
  const at = now()
  const signals = whyNowSignals(
    account,
    customer.ticket?.facts ?? null,
    settings,
    localDate(new Date(at)),
    at,
    trend
  )
  const recommendation = recommendEscalation(signals)
  const dismissal = useRecommendationDismissal(customer.ticket ?? null, recommendation)
  // Once the ticket is escalated (now, or before: its tag), "This ticket needs the CSM now" has
  // been acted on: the signals stay, as reasons, without the banner that asks for an escalation.
  const [escalatedHere, setEscalatedHere] = useState(false)
  const handled = escalatedHere || customer.ticket?.escalated === true
  if (!customer.ticket) return null
  return (
    <Section aria-labelledby="escalation-heading" data-testid="escalation">
      <Heading id="escalation-heading">{t('ui.escalation.title')}</Heading>
      <WhyNowView
        // In the recommendation's order, so the reasons do not move when the banner goes.
        signals={handled ? (recommendation?.because ?? signals) : signals}
        recommendation={handled ? null : recommendation}
        dismissal={dismissal}
      />
      {owner ? (
        <EscalationFlow
          customer={customer}
          account={account}
          existing={existing}
          ownerName={owner.name}
          isFallback={owner.isFallback}
          suggestedReason={recommendation?.reason ?? null}
          onEscalated={() => setEscalatedHere(true)}
        />
      ) : (
        <Alert type="info" role="status">
          <Alert.Paragraph>{t('ui.escalation.noCsm')}</Alert.Paragraph>
        </Alert>
      )}
    </Section>
  )
}
