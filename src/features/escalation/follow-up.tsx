import { useEffect, useRef, useState } from 'react'
import { Button } from '@zendeskgarden/react-buttons'
import { Field, Label, Message, Textarea } from '@zendeskgarden/react-forms'
import { Alert } from '@zendeskgarden/react-notifications'
import { isCrmError } from '../../domain/crm-error'
import { EscalationError } from '../../domain/escalate'
import { useI18n } from '../../i18n/i18n-context'
import { LiveStatus } from '../../ui/live-status'
import { FOCUS_TARGET } from '../../ui/use-focus-rescue'
import { useServices } from '../shared/services-context'
import { NOTE_MAX_LENGTH } from './note-limits'

type Phase = 'closed' | 'open' | 'sending' | 'sent' | 'failed'

/** "Add a follow-up note" on an escalation that already exists, instead of a second escalation. */
export function FollowUp({
  task,
  initialText = null,
}: {
  task: { taskId: string; taskUrl: string | null; ownerName: string | null }
  /** The agent's note from an escalation that another agent's came before: one click to send it. */
  initialText?: string | null
}) {
  const { t } = useI18n()
  const { escalation } = useServices()
  const [phase, setPhase] = useState<Phase>(initialText ? 'open' : 'closed')
  const [text, setText] = useState(initialText ?? '')
  const [reason, setReason] = useState('')
  const [empty, setEmpty] = useState(false)
  const inFlight = useRef(false)
  // The text whose CRM append succeeded while its internal note failed.
  const crmDoneFor = useRef<string | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const name = task.ownerName ?? t('ui.escalation.fallbackName')

  // The button that opened the form is gone: put the keyboard where the agent will type, not on the page body.
  useEffect(() => {
    if (phase === 'open') field.current?.focus()
  }, [phase])

  const send = async (): Promise<void> => {
    if (inFlight.current) return
    if (!text.trim()) {
      // Say why nothing was sent (a disabled button says nothing and cannot be focused), and go back to the field.
      setEmpty(true)
      field.current?.focus()
      return
    }
    inFlight.current = true
    setPhase('sending')
    try {
      // The same text again after only the Zendesk part failed: the CRM task has it already.
      await escalation.followUp(task, text, { crmDone: crmDoneFor.current === text })
      crmDoneFor.current = null
      setText('')
      setPhase('sent')
    } catch (error) {
      if (error instanceof EscalationError && error.step === 'zendesk') crmDoneFor.current = text
      const cause = error instanceof EscalationError ? error.cause : error
      setReason(
        isCrmError(cause)
          ? t(`ui.error.kind.${cause.details.timedOut ? 'timeout' : cause.kind}`, {
              field: cause.details.field ?? '',
            })
          : ''
      )
      setPhase('failed')
    } finally {
      inFlight.current = false
    }
  }

  // Present in every phase, so "Sending…" and "Follow-up sent" are announced as its text changes.
  const status = (
    <LiveStatus
      text={
        phase === 'sending'
          ? t('ui.escalation.followUp.sending')
          : phase === 'sent'
            ? t('ui.escalation.followUp.sent', { name })
            : ''
      }
      testId="follow-up-status"
    />
  )
  if (phase === 'closed') {
    return (
      <>
        {status}
        <Button size="small" onClick={() => setPhase('open')}>
          {t('ui.escalation.followUp.open')}
        </Button>
      </>
    )
  }
  if (phase === 'sent') {
    return (
      <>
        {status}
        <Alert type="success" role="none" tabIndex={-1} {...FOCUS_TARGET} data-testid="follow-up-sent">
          <Alert.Paragraph>{t('ui.escalation.followUp.sent', { name })}</Alert.Paragraph>
        </Alert>
      </>
    )
  }
  const sending = phase === 'sending'
  return (
    <>
      {status}
      <Field>
        <Label>{t('ui.escalation.followUp.label')}</Label>
        <Textarea
          ref={field}
          minRows={2}
          maxRows={6}
          maxLength={NOTE_MAX_LENGTH}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            if (event.target.value.trim()) setEmpty(false)
          }}
          disabled={sending}
          {...(empty ? { validation: 'error' as const } : {})}
          aria-invalid={empty}
        />
        {empty && <Message validation="error">{t('ui.escalation.followUp.empty')}</Message>}
      </Field>
      {phase === 'failed' && (
        <Alert type="warning" role="alert">
          <Alert.Paragraph>{t('ui.escalation.followUp.failed', { reason })}</Alert.Paragraph>
        </Alert>
      )}
      {/* aria-disabled keeps the keyboard on the button while sending; send() ignores a second click. */}
      <Button size="small" isPrimary onClick={() => void send()} aria-disabled={sending} aria-busy={sending}>
        {sending ? t('ui.escalation.followUp.sending') : t('ui.escalation.followUp.send')}
      </Button>
    </>
  )
}
