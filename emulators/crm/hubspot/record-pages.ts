import { recordPage, type PageRecord } from '../record-page'
import type { HsObject, HubSpotStore } from './store'

/**
 * HubSpot's company record page, `/contacts/<portal>/record/0-2/<company id>`: where both the
 * card's company link and the escalation's "Open task" link land, since HubSpot shows a task on
 * its company's timeline. Shows the company and each of its tasks in full.
 */
export function hubSpotRecordPage(store: HubSpotStore, path: string): string | null {
  if (!path.startsWith('/contacts/')) return null
  const title = `Emulated HubSpot record page: ${path}`
  const match = /^\/contacts\/(\d+)\/record\/0-2\/([^/]+)$/.exec(path)
  if (!match) return title
  const company = store.find('companies', decodeURIComponent(match[2] ?? ''))
  if (match[1] !== String(store.portalId) || !company)
    return recordPage(title, [{ heading: `No such company in portal ${store.portalId}`, fields: [] }])
  const tasks = store
    .associated('companies', company.id, 'tasks')
    .flatMap((id) => store.find('tasks', id) ?? [])
  return recordPage(title, [companyRecord(store, company), ...tasks.map((task) => taskRecord(store, task))])
}

const ownerName = (store: HubSpotStore, id: string | null | undefined): string | null => {
  const owner = store.owner(id)
  return owner ? `${owner.firstName} ${owner.lastName} (owner ${owner.id})` : (id ?? null)
}

function companyRecord(store: HubSpotStore, company: HsObject): PageRecord {
  const p = company.properties
  return {
    heading: `Company ${company.id}: ${String(p['name'])}`,
    fields: [
      ['Domain', p['domain']],
      ['Company owner', ownerName(store, p['hubspot_owner_id'])],
      ['Health score', p['health_score']],
      ['Renewal date', p['renewal_date']],
      ['ARR', p['arr']],
    ],
  }
}

function taskRecord(store: HubSpotStore, task: HsObject): PageRecord {
  const p = task.properties
  const contacts = store.associated('tasks', task.id, 'contacts').flatMap((id) => {
    const contact = store.find('contacts', id)
    return contact ? [`${String(contact.properties['email'])} (contact ${id})`] : []
  })
  return {
    heading: `Task ${task.id}: ${String(p['hs_task_subject'])}`,
    fields: [
      ['Assigned to', ownerName(store, p['hubspot_owner_id'])],
      ['Contact', contacts.join(', ')],
      ['Status', p['hs_task_status']],
      ['Priority', p['hs_task_priority']],
      ['Due', p['hs_timestamp']],
      ['Escalation key', p['zendesk_escalation_key']],
    ],
    note: { label: 'Notes', text: htmlToText(p['hs_task_body'] ?? '') },
  }
}

/** Task bodies are HTML; HubSpot shows them rendered, so the page shows the text they render to. */
function htmlToText(html: string): string {
  const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity, name: string) => entities[name] ?? entity)
}
