import { createRoot } from 'react-dom/client'
import { AppShell } from '../ui/app-shell'
import { MessageView } from '../ui/message-view'
import { App } from './app'
import type { Composition } from './compose'
import { englishTranslator } from './english'

/**
 * The UI chunk: React, Garden and the card. `composition` (settings, services, the CRM lookup
 * already in flight) comes from the lookup chunk, loaded in parallel by main.ts; null outside Zendesk.
 */
export async function start(container: HTMLElement, composition: Promise<Composition> | null): Promise<void> {
  performance.mark('sb:ui-loaded')
  const root = createRoot(container)
  // index.html marks the root busy while the static skeleton shows. React replaces the skeleton but
  // not the root's attributes, and a busy ancestor keeps screen readers from announcing the app's
  // live regions, so the mark goes as the app takes over (the app says "looking up" in words itself).
  container.removeAttribute('aria-busy')
  const t = englishTranslator.t
  if (!composition) {
    root.render(
      <AppShell translator={englishTranslator}>
        <MessageView type="info" title={t('ui.notInZendesk.title')} body={t('ui.notInZendesk.body')} />
      </AppShell>
    )
    return
  }
  try {
    root.render(<App composition={await composition} />)
  } catch {
    root.render(
      <AppShell translator={englishTranslator}>
        <MessageView type="error" title={t('crash.title')} body={t('crash.body')} />
      </AppShell>
    )
  }
}
