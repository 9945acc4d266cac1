import styled from 'styled-components'
import { Button } from '@zendeskgarden/react-buttons'
import { SM } from '@zendeskgarden/react-typography'
import { getColor } from '@zendeskgarden/react-theming'
import { useI18n } from '../../i18n/i18n-context'
import { FOCUS_TARGET } from '../../ui/use-focus-rescue'

const Line = styled(SM).attrs({ tag: 'p' })`
  margin: ${(p) => p.theme.space.xs} 0 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`

/**
 * What is left of a recommendation the agent dismissed: one quiet line under the signals, with the
 * way back. The signals stay (they are facts about the ticket); only the nudge goes. `takeFocus`:
 * the agent just pressed "Not now", whose button is gone, so the focus rescue lands on "Show
 * recommendation", the control that undoes it.
 */
export function DismissedRecommendation({ onShow, takeFocus }: { onShow: () => void; takeFocus: boolean }) {
  const { t } = useI18n()
  return (
    <Line data-testid="why-now-dismissed">
      {t('ui.whyNow.dismissed')}{' '}
      <Button
        isLink
        size="small"
        onClick={onShow}
        data-testid="why-now-show"
        {...(takeFocus ? FOCUS_TARGET : {})}
      >
        {t('ui.whyNow.showRecommendation')}
      </Button>
    </Line>
  )
}
