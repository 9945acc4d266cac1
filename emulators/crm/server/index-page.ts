import type { IndexPage } from './dialect'
import { FAULT_MODES } from './faults'

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
  )

/** A page for people: what the emulator serves, its data and fault switches. Every seed string is escaped. */
export function renderIndexPage(page: IndexPage): string {
  const sections = page.sections
    .map((section) => {
      const head = section.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')
      const rows = section.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')
      return `<h2>${escapeHtml(section.heading)}</h2><table><tr>${head}</tr>${rows || `<tr><td colspan="${section.columns.length}">none yet</td></tr>`}</table>`
    })
    .join('\n')
  const endpoints = page.endpoints.map((endpoint) => `<li><code>${escapeHtml(endpoint)}</code></li>`).join('')
  const buttons = FAULT_MODES.map(
    (mode) => `<button type="button" data-mode="${mode}">${mode}</button>`
  ).join(' ')
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>CRM emulator — ${escapeHtml(page.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:1100px}table{border-collapse:collapse;margin-bottom:16px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>
<h1>CRM emulator — ${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.summary)} Control plane under <code>/__emulator/</code>.</p>
<ul>${endpoints}</ul>
<h2>Faults</h2><p>${buttons} <output id="fault"></output></p>
${sections}
<script>
for (const b of document.querySelectorAll('button[data-mode]')) b.addEventListener('click', async () => {
  await fetch('/__emulator/faults', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: b.dataset.mode }) })
  document.getElementById('fault').textContent = 'fault: ' + b.dataset.mode
})
</script></html>`
}
