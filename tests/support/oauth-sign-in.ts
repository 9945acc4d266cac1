import type { ZendeskEmulator } from '../../emulators/zendesk/create-zendesk-emulator'

/**
 * An admin's install-time sign-in over plain HTTP, for tests without a browser: the installation
 * page's Sign in, the provider's Allow, and the redirect back to Zendesk's callback, each hop
 * followed by hand so every redirect is the one the browser would follow.
 */
export async function signInOverHttp(zendesk: ZendeskEmulator): Promise<void> {
  const start = await fetch(`${zendesk.hostUrl}/admin/apps/installation/oauth/start`, { redirect: 'manual' })
  const authorize = new URL(start.headers.get('location') ?? '')
  const allowed = await fetch(new URL('/services/oauth2/authorize', authorize), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: authorize.searchParams.toString(),
    redirect: 'manual',
  })
  const callback = await fetch(allowed.headers.get('location') ?? '', { redirect: 'manual' })
  if (callback.status !== 302 || !zendesk.oauthConnected())
    throw new Error(`The sign-in did not connect the installation (callback answered ${callback.status})`)
}
