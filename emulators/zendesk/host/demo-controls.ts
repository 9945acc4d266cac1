// The collapsible "Demo controls" panel: switches the CRM emulator's fault mode so a demo can show
// each error state of the app without restarting anything.

import { FAULT_MODES, type FaultMode } from '../../crm/server/fault-modes'

/**
 * Each button says what the CRM will answer, in the README's words (401, 403, quota, 500,
 * malformed, empty, HTML, hang); the title gives the emulator's mode name, which the CRM's own page uses.
 */
export const FAULT_LABELS: Readonly<Record<FaultMode, string>> = {
  none: 'No fault',
  unauthorized: '401',
  forbidden: '403',
  quota: 'quota',
  'server-error': '500',
  malformed: 'malformed',
  empty: 'empty',
  html: 'HTML',
  hang: 'hang',
}

export function mountDemoControls(container: HTMLElement, crmControlUrl: string): void {
  const endpoint = `${crmControlUrl.replace(/\/+$/, '')}/__emulator/faults`
  const details = document.createElement('details')
  details.className = 'demo-controls'
  details.dataset.testid = 'demo-controls'
  const summary = document.createElement('summary')
  summary.textContent = 'Demo controls'
  const caption = document.createElement('p')
  caption.textContent = 'CRM fault mode (applies to the next CRM request):'
  const buttons = document.createElement('div')
  buttons.className = 'fault-buttons'
  const status = document.createElement('output')
  status.dataset.testid = 'fault-status'

  const show = (text: string): void => {
    status.textContent = text
  }
  const setMode = async (mode: FaultMode): Promise<void> => {
    try {
      const response = await fetch(endpoint, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ mode }),
      })
      show(response.ok ? faultStatus(mode) : `The CRM emulator refused (${response.status})`)
    } catch {
      show('The CRM emulator is not reachable')
    }
  }
  for (const mode of FAULT_MODES) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = FAULT_LABELS[mode]
    button.title = mode === 'none' ? 'CRM answers normally' : `CRM fault mode: ${mode}`
    button.dataset.fault = mode
    button.addEventListener('click', () => void setMode(mode))
    buttons.append(button)
  }
  details.append(summary, caption, buttons, status)
  container.append(details)

  // Show the mode the CRM emulator is in now (another tab or a test may have set it).
  void fetch(endpoint)
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
    .then((body) => {
      if (body && typeof body === 'object' && 'mode' in body && typeof body.mode === 'string')
        show(faultStatus(body.mode))
    })
    .catch(() => show('The CRM emulator is not reachable'))
}

function faultStatus(mode: string): string {
  if (mode === 'none') return 'CRM fault: none'
  const label = (FAULT_LABELS as Readonly<Record<string, string>>)[mode]
  return label && label !== mode ? `CRM fault: ${label} (${mode})` : `CRM fault: ${mode}`
}
