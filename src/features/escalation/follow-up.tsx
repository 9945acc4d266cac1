import { useEffect, useRef, useState } from 'react'
import { Button } from '@zendeskgarden/react-buttons'
import { Field, Label, Message, Textarea } from '@zendeskgarden/react-forms'
import { Alert } from '@zendeskgarden/react-notifications'
import { isCrmError } from '../../domain/crm-error'
import {
  EscalationError,
  FollowUpError,
  type FollowUpProgress,
  type FollowUpResult,
} from '../../domain/escalate'
import type { SlackThread } from '../../domain/slack-thread'
import { useI18n } from '../../i18n/i18n-context'
import { LiveStatus } from '../../ui/live-status'
import { FOCUS_TARGET } from '../../ui/use-focus-rescue'
import { useServices } from '../shared/services-context'
import { NOTE_MAX_LENGTH } from './note-limits'
import { SlackOutcomeView } from './slack-outcome-view'

type Phase = 'closed' | 'open' | 'sending' | 'sent' | 'failed'

/** "Add a follow-up note" on an escalation that already exists, instead of a second escalation. */
export function FollowUp({
  task,
  initialText = null,
  thread,
}: {
  task: { taskId: string; taskUrl: string | null; ownerName: string | null }
  /** The agent's note from an escalation that another agent's came before: one click to send it. */
  initialText?: string | null
  /** The escalation's Slack message, when the card knows it; null: it has none; absent: look on the ticket. */
  thread?: SlackThread | null
}) {
  const { t } = useI18n()
  const { escalation } = useServices()
  const [phase, setPhase] = useState<Phase>(initialText ? 'open' : 'closed')
  const [text, setText] = useState(initialText ?? '')
  const [reason, setReason] = useState('')
  // The CRM failed or never answered the append, so the text may be on the task already.
  const [unconfirmed, setUnconfirmed] = useState(false)
  const [empty, setEmpty] = useState(false)
  const [result, setResult] = useState<(FollowUpResult & { resending: boolean }) | null>(null)
  const inFlight = useRef(false)
  // What a failed try of this text did (the CRM append, the Slack reply), so the next try skips it.
  const doneFor = useRef<{ text: string; progress: FollowUpProgress } | null>(null)
  const [partlySent, setPartlySent] = useState(false)
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
      // The same text again after a later step failed: what it did is not done twice.
      const earlier = doneFor.current?.text === text ? doneFor.current.progress : undefined
      const sent = await escalation.followUp(task, text, {
        ...(earlier ? { progress: earlier } : {}),
        ...(thread === undefined ? {} : { thread }),
      })
      doneFor.current = null
      setPartlySent(false)
      setResult({ ...sent, resending: false })
      setText('')
      setPhase('sent')
    } catch (error) {
      doneFor.current = error instanceof FollowUpError ? { text, progress: error.progress } : null
      const progress = doneFor.current?.progress
      setPartlySent(progress !== undefined && (progress.crmDone || progress.slack !== null))
      const cause = error instanceof EscalationError ? error.cause : error
      setUnconfirmed(isCrmError(cause) && cause.details.unconfirmedWrite === true)
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

  // "Send again" for the reply sends once, whatever the clicks (as the escalation's "Send again").
  const sendReplyAgain = async (): Promise<void> => {
    if (!result?.slackRetry || result.resending || inFlight.current) return
    inFlight.current = true
    const delivery = result.slackRetry
    setResult({ ...result, resending: true })
    try {
      const outcome = await escalation.sendSlackReplyAgain(delivery)
      const again = outcome.state === 'not-sent' || outcome.state === 'unknown'
      setResult({ slack: outcome, slackRetry: again ? delivery : null, resending: false })
    } catch {
      setResult({ ...result, resending: false })
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
        {result && (
          <SlackOutcomeView
            reply
            state={{ ...result, ownerName: name }}
            sendAgain={() => void sendReplyAgain()}
          />
        )}
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
          // Part of this text already reached the CRM (or Slack): the next try sends the same text.
          readOnly={partlySent}
          {...(empty ? { validation: 'error' as const } : {})}
          aria-invalid={empty}
        />
        {empty && <Message validation="error">{t('ui.escalation.followUp.empty')}</Message>}
      </Field>
      {phase === 'failed' && (
        <Alert type="warning" role="alert">
          <Alert.Paragraph>
            {t(unconfirmed ? 'ui.escalation.followUp.unconfirmed' : 'ui.escalation.followUp.failed', {
              reason,
            })}
          </Alert.Paragraph>
        </Alert>
      )}
      {/* aria-disabled keeps the keyboard on the button while sending; send() ignores a second click. */}
      <Button size="small" isPrimary onClick={() => void send()} aria-disabled={sending} aria-busy={sending}>
        {sending ? t('ui.escalation.followUp.sending') : t('ui.escalation.followUp.send')}
      </Button>
    </>
  )
}
