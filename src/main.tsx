import { createRoot } from 'react-dom/client'
import { englishTranslator } from './app/english'
import { CardSkeleton } from './features/account-card/card-skeleton'
import { AppShell } from './ui/app-shell'
import { MessageView } from './ui/message-view'
import { autoResize } from './zendesk/auto-resize'
import { initZafClient } from './zendesk/init-zaf-client'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')
const root = createRoot(container)
const client = initZafClient()
const t = englishTranslator.t

function showCrash(): void {
  root.render(
    <AppShell translator={englishTranslator}>
      <MessageView type="error" title={t('ui.crash.title')} body={t('ui.crash.body')} />
    </AppShell>
  )
}

if (!client) {
  root.render(
    <AppShell translator={englishTranslator}>
      <MessageView type="info" title={t('ui.notInZendesk.title')} body={t('ui.notInZendesk.body')} />
    </AppShell>
  )
} else {
  // Start fetching the rest of the app now, while the handshake with Zendesk is under way.
  const boot = import('./app/boot')
  autoResize(client, container)
  root.render(
    <AppShell translator={englishTranslator}>
      <CardSkeleton />
    </AppShell>
  )
  boot
    .then(async ({ compose, App }) => {
      const composition = await compose(client)
      root.render(<App composition={composition} />)
    })
    .catch(showCrash)
}
