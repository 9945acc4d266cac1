import type { Ticket, ZendeskState } from '../state'

export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** Data for the host script, inside <script type="application/json">: `<` is escaped so no string can end the tag. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

export interface AgentViewData {
  readonly ticketId: number
  readonly appUrl: string
  readonly settings: Record<string, string | number | boolean>
  readonly appVersion: string
  readonly crmControlUrl: string | null
}

/** The agent's ticket page: picker, ticket, requester switcher, notes, tags, and the apps sidebar. */
export function renderAgentView(state: ZendeskState, ticket: Ticket, data: AgentViewData): string {
  const requester = state.user(ticket.requester_id)
  const organization = state.organization(ticket.organization_id)
  const options = state.tickets
    .map((t) => `<option value="${t.id}"${t.id === ticket.id ? ' selected' : ''}>#${t.id} ${escapeHtml(t.subject)}</option>`)
    .join('')
  const requesters = state.seed.users
    .filter((u) => u.role === 'end-user')
    .map((u) => `<option value="${u.id}"${u.id === ticket.requester_id ? ' selected' : ''}>${escapeHtml(u.name)}</option>`)
    .join('')
  const faults = data.crmControlUrl
    ? `<details class="controls"><summary>Demo controls</summary><p>CRM fault:</p><p>${['none', 'unauthorized', 'quota', 'server-error', 'malformed', 'hang']
        .map((mode) => `<button type="button" data-fault="${mode}">${mode}</button>`)
        .join(' ')}</p><output data-testid="fault-status"></output></details>`
    : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>#${ticket.id} ${escapeHtml(ticket.subject)} – Emulated Zendesk</title>
<style>
  * { box-sizing: border-box }
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #2f3941; background: #f8f9f9 }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: #03363d; color: #fff }
  header strong { font-size: 15px }
  header label { display: flex; gap: 8px; align-items: center }
  select, button { font: inherit }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; padding: 16px; align-items: start }
  .ticket { background: #fff; border: 1px solid #d8dcde; border-radius: 8px; padding: 16px 20px }
  .ticket h1 { font-size: 20px; margin: 0 0 8px }
  .meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 12px 0 }
  .meta dt { color: #68737d }
  .meta dd { margin: 0 }
  .description { border-top: 1px solid #e9ebed; padding-top: 12px; white-space: pre-wrap }
  .notes li { background: #fff6e5; border: 1px solid #ffd89a; border-radius: 6px; padding: 8px 12px; margin: 8px 0; white-space: pre-wrap; list-style: none }
  .notes ul { padding: 0 }
  .tag { display: inline-block; background: #e9ebed; border-radius: 4px; padding: 0 6px; margin-right: 4px }
  aside { background: #fff; border: 1px solid #d8dcde; border-radius: 8px; padding: 12px }
  aside h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #68737d; margin: 0 0 8px }
  iframe { display: block; width: 100%; height: 80px; border: 0 }
  .controls { margin-top: 16px; font-size: 13px }
</style>
</head>
<body>
<header>
  <strong>Emulated Zendesk</strong>
  <label>Ticket <select aria-label="Ticket" data-testid="ticket-picker">${options}</select></label>
</header>
<div class="layout">
  <main class="ticket">
    <h1 data-testid="ticket-subject">${escapeHtml(ticket.subject)}</h1>
    <dl class="meta">
      <dt>Status</dt><dd>${escapeHtml(ticket.status)}</dd>
      <dt>Priority</dt><dd>${escapeHtml(ticket.priority ?? '-')}</dd>
      <dt><label for="requester">Requester</label></dt>
      <dd><select id="requester" aria-label="Requester">${requesters}</select>
        <span data-testid="ticket-requester">${escapeHtml(requester?.name)} &lt;${escapeHtml(requester?.email)}&gt;</span></dd>
      <dt>Organization</dt><dd data-testid="ticket-organization">${escapeHtml(organization?.name ?? '-')}</dd>
      <dt>Tags</dt><dd data-testid="ticket-tags">${ticket.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join('')}</dd>
    </dl>
    <div class="description">${escapeHtml(ticket.description)}</div>
    <section class="notes"><h2>Internal notes</h2><ul data-testid="internal-notes">${(state.comments.get(ticket.id) ?? [])
      .filter((c) => !c.public)
      .map((c) => `<li>${escapeHtml(c.body)}</li>`)
      .join('')}</ul></section>
    ${faults}
  </main>
  <aside aria-label="Apps">
    <h2>Apps</h2>
    <iframe data-testid="app-iframe" title="Success Bridge"></iframe>
  </aside>
</div>
<script type="application/json" id="zaf-data">${inlineJson({ ...data, subdomain: state.seed.account.subdomain, ticket, users: state.seed.users, organizations: state.seed.organizations, currentUser: state.seed.currentUser })}</script>
<script type="module" src="/host.js"></script>
</body>
</html>`
}
