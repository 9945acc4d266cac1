import { SM } from '@zendeskgarden/react-typography'
import type { CustomerContext } from '../../domain/customer'
import { AccountCard } from '../../features/account-card'
import { useI18n } from '../../i18n/i18n-context'
import { MessageView } from '../../ui/message-view'
import { readyToLookUp } from './ready-to-look-up'

const hasRequester = (customer: CustomerContext): boolean => readyToLookUp('new_ticket_sidebar', customer)

/**
 * The new_ticket_sidebar location. The form opens with nobody on it, so the card waits for a
 * requester and says so; then it is the same card as on a saved ticket. Escalation writes an
 * internal note to the ticket and keys the CRM task by ticket id, so it waits for the ticket to be
 * submitted (it then opens in the ticket sidebar), and the card says that too.
 */
export function NewTicketSidebar() {
  const { t } = useI18n()
  return (
    <AccountCard
      ready={hasRequester}
      waiting={
        <MessageView
          type="info"
          title={t('ui.newTicket.noRequester.title')}
          body={t('ui.newTicket.noRequester.body')}
        />
      }
      footer={() => <SM data-testid="escalation-after-submit">{t('ui.newTicket.escalationAfterSubmit')}</SM>}
    />
  )
}
