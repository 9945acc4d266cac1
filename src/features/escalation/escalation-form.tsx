import styled from 'styled-components'
import { Button } from '@zendeskgarden/react-buttons'
import { Field, Hint, Label, Select, Textarea } from '@zendeskgarden/react-forms'
import type { EscalationDraft } from '../../domain/escalation'
import { ESCALATION_REASONS, type EscalationReason } from '../../domain/escalation'
import { useI18n } from '../../i18n/i18n-context'
import { UserText } from '../../ui/user-text'
import { ClaimedView } from './claimed-view'
import { FailureView } from './failure-view'
import { NOTE_MAX_LENGTH } from './note-limits'
import { useFrameFits } from './use-frame-fits'
import type { EscalationState } from './use-escalation'

// Laid out (so the frame grows to include it) but not offered until the frame shows it.
const Offer = styled.div<{ $shown: boolean }>`
  visibility: ${(p) => (p.$shown ? 'visible' : 'hidden')};
`

type FormState = Extract<EscalationState, { status: 'idle' | 'sending' | 'failed' | 'claimed' }>

interface Props {
  readonly state: FormState
  readonly draft: EscalationDraft
  readonly setDraft: (draft: EscalationDraft) => void
  readonly submit: () => Promise<void>
  /** Who the task goes to, as the button names them. */
  readonly name: string
  readonly isFallback: boolean
}

/** Reason, note and the one button; the note stays editable while another agent's escalation runs. */
export function EscalationForm({ state, draft, setDraft, submit, name, isFallback }: Props) {
  const { t } = useI18n()
  const fits = useFrameFits()
  const sending = state.status === 'sending'
  const waiting = state.status === 'claimed' && !state.stale
  const label = sending
    ? t(state.resuming ? 'ui.escalation.resuming' : 'ui.escalation.sending')
    : state.status === 'failed'
      ? t('ui.escalation.retry')
      : state.status === 'claimed'
        ? t('ui.escalation.claim.takeOver')
        : state.prior > 0
          ? t('ui.escalation.again', { name })
          : t('ui.escalation.button', { name })
  return (
    <>
      {isFallback && <Hint>{t('ui.escalation.fallbackNotice')}</Hint>}
      {state.status === 'claimed' && <ClaimedView state={state} />}
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
      {!waiting && (
        <Offer $shown={fits} aria-hidden={!fits}>
          <Button
            isPrimary
            isStretched
            // aria-disabled, not disabled, while sending: a disabled button drops the keyboard focus to
            // the page body. use-escalation ignores a click while one escalation runs.
            onClick={() => {
              if (!sending) void submit()
            }}
            disabled={!fits}
            aria-disabled={sending}
            aria-busy={sending}
            data-testid="escalate-button"
          >
            {/* The label holds the CSM's name from the CRM: shown as stored, and clamped. */}
            <UserText text={label} />
          </Button>
        </Offer>
      )}
    </>
  )
}
