import type { SalesforceStore } from '../salesforce/store'

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** A page for people: what the emulator serves, its data and fault switches. Seed strings are escaped. */
export function renderIndexPage(store: SalesforceStore): string {
  const rows = store.records.Account.map(
    (a) => `<tr><td>${escapeHtml(a.Id)}</td><td>${escapeHtml(a['Name'])}</td><td>${escapeHtml(a['Website'])}</td><td>${escapeHtml(a['Health_Score__c'])}</td><td>${escapeHtml(a['Renewal_Date__c'])}</td></tr>`
  ).join('')
  const tasks = store.records.Task.map((t) => `<li>${escapeHtml(t.Id)} — ${escapeHtml(t['Subject'])} (owner ${escapeHtml(t['OwnerId'])})</li>`).join('')
  const buttons = ['none', 'unauthorized', 'quota', 'server-error', 'malformed', 'hang']
    .map((mode) => `<button type="button" data-mode="${mode}">${mode}</button>`)
    .join(' ')
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>CRM emulator</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:960px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>
<h1>CRM emulator — Salesforce dialect</h1>
<p>REST under <code>/services/data/v62.0/</code>: <code>query</code>, <code>composite</code>, <code>sobjects/Task</code> (create, upsert by <code>Zendesk_Escalation_Key__c</code>). Control plane under <code>/__emulator/</code>.</p>
<h2>Faults</h2><p>${buttons} <output id="fault"></output></p>
<h2>Accounts</h2><table><tr><th>Id</th><th>Name</th><th>Website</th><th>Health</th><th>Renewal</th></tr>${rows}</table>
<h2>Tasks</h2><ul>${tasks || '<li>none yet</li>'}</ul>
<script>
for (const b of document.querySelectorAll('button[data-mode]')) b.addEventListener('click', async () => {
  await fetch('/__emulator/faults', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: b.dataset.mode }) })
  document.getElementById('fault').textContent = 'fault: ' + b.dataset.mode
})
</script></html>`
}
