import type { ReactNode } from 'react'
import styled from 'styled-components'
import { Button } from '@zendeskgarden/react-buttons'
import { Alert } from '@zendeskgarden/react-notifications'
import { useI18n } from '../../i18n/i18n-context'
import { FOCUS_TARGET } from '../../ui/use-focus-rescue'

const Actions = styled.div`
  margin-top: ${(p) => p.theme.space.xs};
`

/**
 * "Escalation recommended" with its reasons (`children`) and "Not now". A status, never an alert:
 * it is read when the agent gets to it. `takeFocus`: the agent just brought it back with "Show
 * recommendation", whose button is gone, so the focus rescue (ui/use-focus-rescue.ts) lands here and
 * a screen reader reads the banner from its title.
 */
export function RecommendationBanner({
  children,
  onDismiss,
  takeFocus,
}: {
  children: ReactNode
  onDismiss: () => void
  takeFocus: boolean
}) {
  const { t } = useI18n()
  return (
    <Alert
      type="warning"
      role="status"
      data-testid="why-now-recommended"
      {...(takeFocus ? { tabIndex: -1, ...FOCUS_TARGET } : {})}
    >
      <Alert.Title role="heading" aria-level={4}>
        {t('ui.whyNow.recommended')}
      </Alert.Title>
      <Alert.Paragraph>{t('ui.whyNow.recommendedBody')}</Alert.Paragraph>
      {children}
      <Actions>
        <Button size="small" onClick={onDismiss} data-testid="why-now-not-now">
          {t('ui.whyNow.notNow')}
        </Button>
      </Actions>
    </Alert>
  )
}
