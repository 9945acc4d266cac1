import { HOST_DATA_ELEMENT_ID, type HostData, type Location } from '../host/host-data'

/**
 * Data for the page script, inside <script type="application/json">. JSON.stringify does not
 * escape `<`, so a seeded "</script>" would end the element early; \u003c keeps it a string.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/**
 * The agent's ticket page. The markup is fixed: no seeded or app-supplied string is interpolated
 * into it. host/agent-view.ts fills the slots with textContent from the inline JSON.
 */
export function renderAgentView(data: HostData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Emulated Zendesk</title>
<style>
  * { box-sizing: border-box }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #2f3941; background: #f3f4f6 }
  .topbar { display: flex; gap: 16px; align-items: center; height: 48px; padding: 0 16px; background: #03363d; color: #fff }
  .brand { font-weight: 600; letter-spacing: .01em }
  .picker { display: flex; gap: 8px; align-items: center; color: #d8dcde }
  .picker select { max-width: 420px }
  .agent { margin-left: auto; color: #d8dcde; font-size: 13px }
  select, button { font: inherit }
  .workspace { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; padding: 16px; align-items: start }
  .ticket { background: #fff; border: 1px solid #d8dcde; border-radius: 8px; padding: 16px 20px; min-width: 0 }
  .ticket-id { color: #68737d; font-size: 13px }
  .ticket h1 { font-size: 20px; margin: 2px 0 12px; overflow-wrap: anywhere }
  .fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 16px; margin: 0 0 16px }
  .fields dt { color: #68737d }
  .fields dd { margin: 0; overflow-wrap: anywhere }
  .requester { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center }
  .tag { display: inline-block; background: #e9ebed; border-radius: 4px; padding: 0 6px; margin: 0 4px 4px 0; font-size: 12px }
  h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #68737d; margin: 16px 0 8px }
  .description { border-top: 1px solid #e9ebed; padding-top: 12px; white-space: pre-wrap; overflow-wrap: anywhere }
  .notes { list-style: none; padding: 0; margin: 0 }
  .notes li { background: #fff6e5; border: 1px solid #ffd89a; border-radius: 6px; padding: 8px 12px; margin: 8px 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .empty { color: #87929d; margin: 0 }
  .apps { position: sticky; top: 16px; background: #fff; border: 1px solid #d8dcde; border-radius: 8px; padding: 12px 0 }
  .apps h2 { margin: 0 12px 8px }
  .apps iframe { display: block; width: 100%; height: 100px; border: 0 }
  .toasts { position: fixed; top: 56px; right: 16px; list-style: none; margin: 0; padding: 0; z-index: 10 }
  .toast { background: #fff; border: 1px solid #d8dcde; border-left: 4px solid #1f73b7; border-radius: 4px; padding: 8px 12px; margin-bottom: 8px; max-width: 320px; box-shadow: 0 2px 8px rgba(0,0,0,.1) }
  .toast-error, .toast-alert { border-left-color: #cc3340 }
  .demo-controls { margin-top: 20px; border-top: 1px solid #e9ebed; padding-top: 12px; font-size: 13px }
  .demo-controls summary { cursor: pointer; color: #68737d }
  .fault-buttons { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 }
</style>
</head>
<body>
<header class="topbar">
  <span class="brand">Emulated Zendesk</span>
  <span class="picker"><span aria-hidden="true">Ticket</span><select aria-label="Ticket" data-testid="ticket-picker"></select></span>
  <span class="agent" data-testid="current-user"></span>
</header>
<div class="workspace">
${mainPanel(data.location)}  <aside class="apps" aria-label="Apps">
    <h2>Apps</h2>
    <!-- host/main.ts names it after the app (manifest name) and sets src with origin and app_guid.
         No allow attribute: Zendesk documents no permissions for app frames, so the app gets none here. -->
    <iframe data-testid="app-iframe"></iframe>
  </aside>
</div>
<ul class="toasts" role="status" data-testid="notifications"></ul>
<script type="application/json" id="${HOST_DATA_ELEMENT_ID}">${inlineJson(data)}</script>
<script type="module" src="/host.js"></script>
</body>
</html>
`
}

// The page's main panel per location, fixed markup like the rest: host/agent-view.ts fills the
// ticket panel (saved or new ticket), host/profile-view.ts the user and organization panels.
const TICKET_PANEL = `  <main class="ticket" data-testid="ticket-panel">
    <div class="ticket-id" data-testid="ticket-id"></div>
    <h1 data-testid="ticket-subject"></h1>
    <dl class="fields">
      <dt>Status</dt><dd data-testid="ticket-status"></dd>
      <dt>Priority</dt><dd data-testid="ticket-priority"></dd>
      <dt>Requester</dt>
      <dd class="requester"><select aria-label="Requester" data-testid="requester-select"></select><span data-testid="ticket-requester"></span></dd>
      <dt>Organization</dt><dd data-testid="ticket-organization"></dd>
      <dt>Tags</dt><dd data-testid="ticket-tags"></dd>
      <dt>Followers</dt><dd data-testid="ticket-followers"></dd>
    </dl>
    <div class="description" data-testid="ticket-description"></div>
    <h2>Internal notes</h2>
    <ul class="notes" data-testid="internal-notes"></ul>
    <p class="empty" data-testid="internal-notes-empty">No internal notes yet.</p>
  </main>
`

const USER_PANEL = `  <main class="ticket" data-testid="profile-panel">
    <div class="ticket-id">User</div>
    <h1 data-testid="profile-name"></h1>
    <dl class="fields">
      <dt>Email</dt><dd data-testid="profile-email"></dd>
      <dt>Organization</dt><dd data-testid="profile-organization"></dd>
    </dl>
  </main>
`

const ORGANIZATION_PANEL = `  <main class="ticket" data-testid="profile-panel">
    <div class="ticket-id">Organization</div>
    <h1 data-testid="profile-name"></h1>
    <dl class="fields">
      <dt>External ID</dt><dd data-testid="profile-external-id"></dd>
      <dt>Domains</dt><dd data-testid="profile-domains"></dd>
    </dl>
  </main>
`

function mainPanel(location: Location): string {
  if (location === 'user_sidebar') return USER_PANEL
  if (location === 'organization_sidebar') return ORGANIZATION_PANEL
  return TICKET_PANEL
}
