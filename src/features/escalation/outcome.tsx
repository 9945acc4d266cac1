import { Anchor } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { useI18n } from '../../i18n/i18n-context'

/** A finished escalation, with a link to its CRM task when the CRM has one. */
export function Outcome({ text, url }: { text: string; url: string | null }) {
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
