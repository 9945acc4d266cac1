import { Button } from '@zendeskgarden/react-buttons'

interface LookAgainButtonProps {
  readonly label: string
  readonly busy: boolean
  readonly onClick: () => void
}

/**
 * Asks the CRM again, bypassing the cache: every state of the card has one, because whatever made
 * it so (a token, a missing record, an outage) may be fixed while the agent is on the ticket.
 */
export function LookAgainButton({ label, busy, onClick }: LookAgainButtonProps) {
  return (
    // aria-disabled, not disabled, while busy: a disabled button drops the keyboard focus to the page body.
    <Button size="small" onClick={busy ? undefined : onClick} aria-disabled={busy} aria-busy={busy}>
      {label}
    </Button>
  )
}
