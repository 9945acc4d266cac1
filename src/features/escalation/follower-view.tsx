import { MD } from '@zendeskgarden/react-typography'
import { useI18n } from '../../i18n/i18n-context'
import type { FollowerOutcome } from '../../domain/slack-step'

const KEYS: Record<Exclude<FollowerOutcome, 'off'>, string> = {
  added: 'ui.escalation.follower.added',
  'not-a-user': 'ui.escalation.follower.notAUser',
  'not-checked': 'ui.escalation.follower.notChecked',
}

/** Whether the CSM now follows the ticket (Zendesk tells them of every later update). */
export function FollowerView({ follower, name }: { follower: FollowerOutcome; name: string }) {
  const { t } = useI18n()
  if (follower === 'off') return null
  return (
    <MD data-testid="escalation-follower" data-state={follower}>
      {t(KEYS[follower], { name })}
    </MD>
  )
}
