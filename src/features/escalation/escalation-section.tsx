import styled from 'styled-components'
import { Button } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import { getColor } from '@zendeskgarden/react-theming'
import type { AccountSummary } from '../../domain/account'
import type { CustomerContext } from '../../domain/customer'
import type { ExistingEscalation } from '../../domain/escalation'
import { escalationOwner } from '../../domain/escalate'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { EscalationForm } from './escalation-form'
import { ExistingView } from './existing-view'
import { FollowUp } from './follow-up'
import { Outcome } from './outcome'
import { useEscalation } from './use-escalation'

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

interface Props {
  readonly customer: CustomerContext
  readonly account: AccountSummary
  /** Undefined when the lookup could not include the ticket's task (see useEscalation). */
  readonly existing: ExistingEscalation | null | undefined
}

export function EscalationSection({ customer, account, existing }: Props) {
  const { t } = useI18n()
  const { escalation } = useServices()
  const owner = escalationOwner(account, escalation.fallbackOwner)
  if (!customer.ticket) return null
  return (
    <Section aria-labelledby="escalation-heading" data-testid="escalation">
      <Heading id="escalation-heading">{t('ui.escalation.title')}</Heading>
      {owner ? (
        <EscalationFlow
          customer={customer}
          account={account}
          existing={existing}
          ownerName={owner.name}
          isFallback={owner.isFallback}
        />
      ) : (
        <Alert type="info">
          <Alert.Paragraph>{t('ui.escalation.noCsm')}</Alert.Paragraph>
        </Alert>
      )}
    </Section>
  )
}

function EscalationFlow({
  customer,
  account,
  existing,
  ownerName,
  isFallback,
}: Props & { ownerName: string | null; isFallback: boolean }) {
  const { t } = useI18n()
  const { state, draft, setDraft, submit, escalateAgain, checkAgain } = useEscalation(
    customer,
    account,
    existing
  )
  const name = ownerName ?? t('ui.escalation.fallbackName')

  switch (state.status) {
    case 'done':
      return (
        <>
          <Outcome text={t('ui.escalation.done', { name: state.ownerName })} url={state.taskUrl} />
          <FollowUp task={{ taskId: state.taskId, taskUrl: state.taskUrl, ownerName: state.ownerName }} />
        </>
      )
    case 'checking':
      return (
        <MD role="status" aria-busy="true" data-testid="escalation-checking">
          {t('ui.escalation.checking')}
        </MD>
      )
    case 'unverified':
      return (
        <>
          <Alert type="info" role="status" data-testid="escalation-unverified">
            <Alert.Paragraph>{t('ui.escalation.unverified')}</Alert.Paragraph>
          </Alert>
          <Button size="small" onClick={checkAgain}>
            {t('ui.escalation.checkAgain')}
          </Button>
        </>
      )
    case 'existing':
      return (
        <>
          <ExistingView existing={state.existing} ownerName={ownerName} />
          {state.pendingNote && (
            <Alert type="info" role="status" data-testid="escalation-came-first">
              <Alert.Paragraph>{t('ui.escalation.cameFirst')}</Alert.Paragraph>
            </Alert>
          )}
          <FollowUp
            task={{ ...state.existing, ownerName: state.existing.ownerName ?? ownerName }}
            initialText={state.pendingNote}
          />
          {state.existing.closed && (
            <Button size="small" onClick={escalateAgain} data-testid="escalate-again">
              {t('ui.escalation.againOpen')}
            </Button>
          )}
        </>
      )
    default:
      return (
        <EscalationForm
          state={state}
          draft={draft}
          setDraft={setDraft}
          submit={submit}
          name={name}
          isFallback={isFallback}
        />
      )
  }
}
