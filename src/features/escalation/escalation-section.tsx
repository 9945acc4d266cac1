import styled from 'styled-components'
import { Anchor, Button } from '@zendeskgarden/react-buttons'
import { Field, Hint, Label, Select, Textarea } from '@zendeskgarden/react-forms'
import { Alert } from '@zendeskgarden/react-notifications'
import { MD } from '@zendeskgarden/react-typography'
import { getColor } from '@zendeskgarden/react-theming'
import type { AccountSummary } from '../../domain/account'
import type { CustomerContext } from '../../domain/customer'
import type { ExistingEscalation } from '../../domain/escalation'
import { escalationOwner } from '../../domain/escalate'
import { ESCALATION_REASONS, type EscalationReason } from '../../domain/escalation-note'
import { formatAge } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { useServices } from '../shared/services-context'
import { FollowUp } from './follow-up'
import { NOTE_MAX_LENGTH } from './note-limits'
import { useEscalation, type EscalationState } from './use-escalation'

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
        <EscalationForm
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

function EscalationForm({
  customer,
  account,
  existing,
  ownerName,
  isFallback,
}: Props & { ownerName: string | null; isFallback: boolean }) {
  const { t } = useI18n()
  const { state, draft, setDraft, submit } = useEscalation(customer, account, existing)
  const name = ownerName ?? t('ui.escalation.fallbackName')

  if (state.status === 'done') {
    return (
      <>
        <Outcome text={t('ui.escalation.done', { name: state.ownerName })} url={state.taskUrl} />
        <FollowUp task={{ taskId: state.taskId, taskUrl: state.taskUrl, ownerName: state.ownerName }} />
      </>
    )
  }
  if (state.status === 'checking') {
    return (
      <MD role="status" aria-busy="true" data-testid="escalation-checking">
        {t('ui.escalation.checking')}
      </MD>
    )
  }
  if (state.status === 'existing') {
    return (
      <>
        <ExistingView existing={state.existing} ownerName={ownerName} />
        <FollowUp task={{ ...state.existing, ownerName: state.existing.ownerName ?? ownerName }} />
      </>
    )
  }

  const sending = state.status === 'sending'
  return (
    <>
      {isFallback && <Hint>{t('ui.escalation.fallbackNotice')}</Hint>}
      <Field>
        <Label>{t('ui.escalation.reasonLabel')}</Label>
        <Select
          value={draft.reason}
          onChange={(event) => setDraft({ ...draft, reason: event.target.value as EscalationReason })}
          disabled={sending}
        >
          {ESCALATION_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`ui.escalation.reason.${reason}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('ui.escalation.noteLabel')}</Label>
        <Hint>{t('ui.escalation.noteHint')}</Hint>
        <Textarea
          minRows={2}
          maxRows={6}
          maxLength={NOTE_MAX_LENGTH}
          value={draft.note}
          onChange={(event) => setDraft({ ...draft, note: event.target.value })}
          disabled={sending}
        />
      </Field>
      {state.status === 'failed' && <FailureView state={state} />}
      <Button isPrimary isStretched onClick={() => void submit()} disabled={sending} aria-busy={sending}>
        {sending
          ? t('ui.escalation.sending')
          : state.status === 'failed'
            ? t('ui.escalation.retry')
            : t('ui.escalation.button', { name })}
      </Button>
    </>
  )
}

function FailureView({ state }: { state: Extract<EscalationState, { status: 'failed' }> }) {
  const { t } = useI18n()
  const reason = state.error
    ? t(`ui.error.kind.${state.error.details.timedOut ? 'timeout' : state.error.kind}`, {
        field: state.error.details.field ?? '',
      })
    : ''
  const key =
    state.step === 'crm'
      ? 'ui.escalation.failed.crm'
      : state.step === 'zendesk'
        ? 'ui.escalation.failed.zendesk'
        : 'ui.escalation.failed.unknown'
  return (
    <Alert type="warning" role="alert" data-testid="escalation-failed">
      <Alert.Paragraph>{t(key, { reason })}</Alert.Paragraph>
    </Alert>
  )
}

/**
 * An escalation found in the CRM. Some CRMs' tasks do not say who the owner is, who escalated or
 * when (a custom CRM's search answer): the owner is then the one this card would escalate to.
 */
function ExistingView({ existing, ownerName }: { existing: ExistingEscalation; ownerName: string | null }) {
  const { t, locale } = useI18n()
  const { now } = useServices()
  const name = existing.ownerName ?? ownerName ?? t('ui.escalation.fallbackName')
  const agent = existing.escalatedBy
  if (!existing.createdAt) {
    return (
      <Outcome
        text={
          agent
            ? t('ui.escalation.existingUndated', { name, agent })
            : t('ui.escalation.existingUndatedNoAgent', { name })
        }
        url={existing.taskUrl}
      />
    )
  }
  const when = formatAge(Math.max(0, now() - Date.parse(existing.createdAt.replace(/\+0000$/, 'Z'))), locale)
  const text = agent
    ? t('ui.escalation.existing', { name, agent, when })
    : t('ui.escalation.existingNoAgent', { name, when })
  return <Outcome text={text} url={existing.taskUrl} />
}

function Outcome({ text, url }: { text: string; url: string | null }) {
  const { t } = useI18n()
  return (
    <Alert type="success" role="status" data-testid="escalation-result">
      <Alert.Paragraph>
        {text}
        {url && (
          <>
            {' · '}
            <Anchor
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              isExternal
              externalIconLabel={t('ui.escalation.opensInNewTab')}
            >
              {t('ui.escalation.openTask')}
            </Anchor>
          </>
        )}
      </Alert.Paragraph>
    </Alert>
  )
}
