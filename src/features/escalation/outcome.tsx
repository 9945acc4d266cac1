import { Anchor } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { useI18n } from '../../i18n/i18n-context'
import { FOCUS_TARGET } from '../../ui/use-focus-rescue'

/**
 * A finished escalation, with a link to its CRM task when the CRM has one. Not a live region itself
 * (the section's LiveStatus announces it); it takes the keyboard when the Escalate button is gone.
 */
export function Outcome({ text, url }: { text: string; url: string | null }) {
  const { t } = useI18n()
  return (
    <Alert type="success" role="none" tabIndex={-1} {...FOCUS_TARGET} data-testid="escalation-result">
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
