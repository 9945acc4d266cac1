import { ServicesProvider } from '../features/shared/services-context'
import { AppShell } from '../ui/app-shell'
import { SettingsProblemsView } from '../ui/settings-problems-view'
import type { Composition } from './compose'
import { TicketSidebar } from './locations/ticket-sidebar'

export function App({ composition }: { composition: Composition }) {
  return (
    <AppShell translator={composition.translator}>
      {composition.kind === 'invalid-settings' ? (
        <SettingsProblemsView problems={composition.problems} />
      ) : (
        <ServicesProvider services={composition.services}>
          <TicketSidebar />
        </ServicesProvider>
      )}
    </AppShell>
  )
}
