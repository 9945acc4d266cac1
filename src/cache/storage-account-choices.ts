import type { AccountChoices } from '../domain/ports'
import { safely, type AppStorage } from './storage-lookup-cache'

const KEY_PREFIX = 'success-bridge:choice:v1:'

/**
 * Agents' picks among several matching accounts, in the browser's localStorage so they outlive
 * the tab (a pick is a decision about the organization, not about one visit). Per installation and
 * CRM (`namespace`). Where the browser blocks storage, `storage` is memory (see
 * `webStorageOrMemory`): picks then last for the iframe's life, and the card says so.
 */
export function createStorageAccountChoices(storage: AppStorage, namespace: string): AccountChoices {
  const key = (scope: string): string => `${KEY_PREFIX}${namespace}|${scope}`
  return {
    persistent: storage.persistent,
    read: (scope) => safely(() => storage.getItem(key(scope))) ?? null,
    write: (scope, accountId) => void safely(() => storage.setItem(key(scope), accountId)),
    clear: (scope) => void safely(() => storage.removeItem(key(scope))),
  }
}
