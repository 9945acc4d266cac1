import { SM } from '@zendeskgarden/react-typography'
import { AccountCard } from '../../features/account-card'
import { useI18n } from '../../i18n/i18n-context'
import { MessageView } from '../../ui/message-view'
import { useRequesterSet } from './use-requester-set'

/**
 * The new_ticket_sidebar location. The form opens with nobody on it, so the card waits for a
 * requester and says so; then it is the same card as on a saved ticket. Escalation writes an
 * internal note to the ticket and keys the CRM task by ticket id, so it waits for the ticket to be
 * submitted (it then opens in the ticket sidebar), and the card says that too.
 */
export function NewTicketSidebar() {
  const { t } = useI18n()
  const requesterSet = useRequesterSet()
  if (requesterSet === null) return null
  if (!requesterSet)
    return (
      <section aria-label={t('ui.card.label')} data-state="no-requester">
        <MessageView type="info" title={t('ui.newTicket.noRequester.title')} body={t('ui.newTicket.noRequester.body')} />
      </section>
    )
  return <AccountCard footer={() => <SM data-testid="escalation-after-submit">{t('ui.newTicket.escalationAfterSubmit')}</SM>} />
}
