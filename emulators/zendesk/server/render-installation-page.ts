import type { OAuthConnection } from './oauth-connection'

export interface InstallationPageData {
  readonly appName: string
  /** The oauth parameter's label from the app's English translations, or its name. */
  readonly oauthLabel: string
  readonly connection: OAuthConnection
  /** What the last sign-in attempt said, when it failed. */
  readonly problem: string | null
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * The app's installation settings page in Admin Center, reduced to what the OAuth package adds: the
 * OAuth prompt of its oauth parameter (Zendesk: "the oauth setting displays a related OAuth
 * prompt"). Sign in starts the authorization-code flow; the tokens stay on the server, so the page
 * only says whether the installation is connected. No script: the page's CSP allows none inline.
 */
export function renderInstallationPage(data: InstallationPageData): string {
  const connected = data.connection.connected
  const status = connected ? 'Connected' : 'Not connected'
  const action = connected ? 'Sign in again' : 'Sign in'
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(data.appName)} · Installation settings</title></head>
<body>
<main>
<h1>${escapeHtml(data.appName)}: installation settings</h1>
<section aria-labelledby="oauth-heading" data-testid="oauth-prompt">
<h2 id="oauth-heading">${escapeHtml(data.oauthLabel)}</h2>
<p data-testid="oauth-status">${status}</p>
${data.problem ? `<p role="alert" data-testid="oauth-problem">${escapeHtml(data.problem)}</p>` : ''}
<a href="/admin/apps/installation/oauth/start" data-testid="oauth-sign-in">${action}</a>
</section>
</main>
</body>
</html>
`
}
