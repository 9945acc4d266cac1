import type { VendorResponse } from '../server/dialect'
import { notFound, validationFailed } from './errors'
import type { NorthwindStore, NwAccount } from './store'
import { accountView } from './views'

const FILTERS = ['external_id', 'domain', 'contact_email', 'name'] as const
type Filter = (typeof FILTERS)[number]

/** Domains compare without case and without a leading `www.`. */
const bareDomain = (domain: string): string =>
  domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')

function matches(store: NorthwindStore, account: NwAccount, filter: Filter, value: string): boolean {
  switch (filter) {
    case 'external_id':
      return account.external_ids.includes(value)
    case 'domain':
      return account.domains.some((domain) => bareDomain(domain) === bareDomain(value))
    case 'contact_email':
      return store.contacts.some(
        (contact) =>
          contact.account === account.id && contact.email.toLowerCase() === value.trim().toLowerCase()
      )
    case 'name':
      return account.name.toLowerCase() === value.trim().toLowerCase()
  }
}

/** GET /api/v1/accounts?<exactly one filter> → {data: [Account], meta: {count}} (empty when none match). */
export function listAccounts(store: NorthwindStore, query: URLSearchParams, origin: string): VendorResponse {
  const names = [...query.keys()]
  const unknown = names.filter((name) => !(FILTERS as readonly string[]).includes(name))
  if (unknown.length)
    return validationFailed(
      Object.fromEntries(unknown.map((name) => [name, [`is not a filter; use one of ${FILTERS.join(', ')}`]]))
    )
  if (names.length !== 1)
    return validationFailed({ filter: [`exactly one of ${FILTERS.join(', ')} is required`] })
  const filter = names[0] as Filter
  const value = query.get(filter) ?? ''
  if (!value.trim()) return validationFailed({ [filter]: ['must not be blank'] })
  const data = store.accounts
    .filter((account) => matches(store, account, filter, value))
    .map((account) => accountView(store, account, origin))
  return { status: 200, body: { data, meta: { count: data.length } } }
}

/** GET /api/v1/accounts/{id} */
export function getAccount(store: NorthwindStore, id: string, origin: string): VendorResponse {
  const account = store.accounts.find((candidate) => candidate.id === id)
  return account ? { status: 200, body: { data: accountView(store, account, origin) } } : notFound('Account')
}
