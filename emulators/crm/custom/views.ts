import type { NorthwindStore, NwAccount, NwTask } from './store'

/** Account as the API answers it, with links into the emulated web app. */
export function accountView(
  store: NorthwindStore,
  account: NwAccount,
  origin: string
): Record<string, unknown> {
  const owner = store.users.find((user) => user.id === account.owner) ?? null
  return {
    id: account.id,
    name: account.name,
    web_url: `${origin}/app/accounts/${account.id}`,
    domains: [...account.domains],
    external_ids: [...account.external_ids],
    owner: owner ? { id: owner.id, full_name: owner.full_name, email: owner.email } : null,
    health: { ...account.health, history: account.health.history.map((entry) => ({ ...entry })) },
    contract: { renewal_date: account.renewal_date, arr: account.arr, currency: 'USD' },
    contacts: store.contacts
      .filter((contact) => contact.account === account.id)
      .map((contact) => ({ id: contact.id, email: contact.email })),
  }
}

export function taskView(task: NwTask, origin: string): Record<string, unknown> {
  return { ...structuredClone(task), url: `${origin}/app/tasks/${task.id}` }
}
