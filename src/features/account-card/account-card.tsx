import { useI18n } from '../../i18n/i18n-context'
import { AmbiguousView } from './ambiguous-view'
import { CardSkeleton } from './card-skeleton'
import { FoundCard } from './found-card'
import { LookupErrorView } from './lookup-error-view'
import { NotFoundView } from './not-found-view'
import { useAccountLookup, type CardState } from './use-account-lookup'
import { useRef, type ReactNode } from 'react'
import { LiveStatus } from '../../ui/live-status'
import { useFocusRescue } from '../../ui/use-focus-rescue'
import type { CustomerContext } from '../../domain/customer'

export type FoundState = Extract<CardState, { status: 'found' }>

/**
 * The ticket sidebar's account card: one view per lookup state. `footer` renders below a found
 * account (the escalation section), so features stay independent of each other.
 */
interface AccountCardProps {
  readonly footer?: (found: FoundState) => ReactNode
  /** Whether the page's customer is worth a lookup yet (a stable function); `waiting` shows until it is. */
  readonly ready?: (customer: CustomerContext) => boolean
  readonly waiting?: ReactNode
}

export function AccountCard({ footer, ready, waiting }: AccountCardProps) {
  const { t } = useI18n()
  const { state, reload, choose, forgetChoice } = useAccountLookup(ready)
  const section = useRef<HTMLElement>(null)
  useFocusRescue(section)
  return (
    <section ref={section} aria-label={t('ui.card.label')} data-state={state.status}>
      {/* Outside any aria-busy region, and present before the lookup starts, so it is announced. */}
      <LiveStatus text={state.status === 'loading' ? t('ui.card.loading') : ''} testId="card-status" />
      {(() => {
        switch (state.status) {
          case 'loading':
            return <CardSkeleton />
          case 'no-requester':
            return waiting
          case 'found':
            return (
              <>
                <FoundCard
                  account={state.account}
                  fetchedAt={state.fetchedAt}
                  refreshing={state.refreshing}
                  onRefresh={reload}
                  {...(state.chosenByAgent ? { onNotThisAccount: forgetChoice } : {})}
                />
                {footer?.(state)}
              </>
            )
          case 'ambiguous':
            return (
              <AmbiguousView
                strategy={state.strategy}
                candidates={state.candidates}
                pickedFor={state.pickedFor}
                onChoose={choose}
                refreshing={state.refreshing}
                onRefresh={reload}
              />
            )
          case 'not-found':
            return <NotFoundView tried={state.tried} refreshing={state.refreshing} onRefresh={reload} />
          case 'error':
            return <LookupErrorView error={state.error} onRetry={reload} retrying={state.refreshing} />
        }
      })()}
    </section>
  )
}
