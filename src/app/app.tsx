import { ServicesProvider } from '../features/shared/services-context'
import { AppShell } from '../ui/app-shell'
import { SettingsProblemsView } from '../ui/settings-problems-view'
import type { AppLocation } from '../zendesk/context-paths'
import type { Composition } from './compose'
import { NewTicketSidebar } from './locations/new-ticket-sidebar'
import { ProfileSidebar } from './locations/profile-sidebar'
import { TicketSidebar } from './locations/ticket-sidebar'

/** What each manifest location shows (docs/adr/0007-locations.md). */
function LocationView({ location }: { location: AppLocation }) {
  switch (location) {
    case 'ticket_sidebar':
      return <TicketSidebar />
    case 'new_ticket_sidebar':
      return <NewTicketSidebar />
    case 'user_sidebar':
    case 'organization_sidebar':
      return <ProfileSidebar />
  }
}

export function App({ composition }: { composition: Composition }) {
  return (
    <AppShell translator={composition.translator}>
      {composition.kind === 'invalid-settings' ? (
        <SettingsProblemsView problems={composition.problems} />
      ) : (
        <ServicesProvider services={composition.services}>
          <LocationView location={composition.location} />
        </ServicesProvider>
      )}
    </AppShell>
  )
}
