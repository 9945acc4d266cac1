import type { AccountChoices } from '../domain/ports'
import { safely, type KeyValueStorage } from './storage-lookup-cache'

const KEY_PREFIX = 'success-bridge:choice:v1:'

/**
 * Agents' picks among several matching accounts, in the browser's localStorage so they outlive
 * the tab (a pick is a decision about the organization, not about one visit). Per installation and
 * CRM (`namespace`). Storage that refuses is a forgotten pick, never an error.
 */
export function createStorageAccountChoices(storage: KeyValueStorage, namespace: string): AccountChoices {
  const key = (scope: string): string => `${KEY_PREFIX}${namespace}|${scope}`
  return {
    read: (scope) => safely(() => storage.getItem(key(scope))) ?? null,
    write: (scope, accountId) => void safely(() => storage.setItem(key(scope), accountId)),
    clear: (scope) => void safely(() => storage.removeItem(key(scope))),
  }
}
