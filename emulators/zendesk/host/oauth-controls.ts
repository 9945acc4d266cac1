// The Salesforce OAuth part of "Demo controls", for the OAuth package: the installation page an
// admin signs in on, and the CRM emulator's switches that end the Salesforce session (the proxy
// renews it) or revoke the refresh token (an admin must sign in again).

const ACTIONS = [
  { path: 'expire', label: 'End Salesforce session', done: 'Salesforce session ended' },
  { path: 'revoke', label: 'Revoke refresh token', done: 'Refresh token revoked: sign in again' },
] as const

export function mountOAuthControls(container: HTMLElement, crmControlUrl: string): void {
  const section = document.createElement('p')
  section.className = 'fault-buttons'
  section.dataset.testid = 'oauth-controls'
  const link = document.createElement('a')
  link.href = '/admin/apps/installation'
  link.textContent = 'Installation settings (Salesforce sign-in)'
  const status = document.createElement('output')
  section.append(link)
  for (const action of ACTIONS) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = action.label
    button.addEventListener('click', () => {
      fetch(`${crmControlUrl.replace(/\/+$/, '')}/__emulator/oauth/${action.path}`, { method: 'POST' }).then(
        (response) => {
          status.textContent = response.ok ? action.done : `The CRM emulator refused (${response.status})`
        },
        () => {
          status.textContent = 'The CRM emulator is not reachable'
        }
      )
    })
    section.append(' ', button)
  }
  section.append(' ', status)
  container.querySelector('[data-testid="demo-controls"]')?.append(section)
}
