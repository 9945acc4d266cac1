import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startCrmEmulator, type CrmEmulator } from '../../emulators/crm/create-crm-emulator'
import { startZendeskEmulator, type ZendeskEmulator } from '../../emulators/zendesk/create-zendesk-emulator'
import { isCrmError, type CrmErrorKind } from '../../src/domain/crm-error'
import { afterAll, beforeAll, beforeEach } from 'vitest'

export const CONTRACT_TOKEN = 'contract-token'

export interface ContractStack {
  readonly crm: CrmEmulator
  readonly zendesk: ZendeskEmulator
  close(): Promise<void>
}

/**
 * The CRM emulator and the emulated Zendesk proxy for contract tests. The proxy only needs the
 * app's manifest (its whitelist and secure parameters), so a temp folder holds a copy of it.
 */
export async function startContractStack(
  options: { dialect?: 'salesforce' | 'hubspot' | 'custom' } = {}
): Promise<ContractStack> {
  const dialect = options.dialect ?? 'salesforce'
  const crm = await startCrmEmulator({ token: CONTRACT_TOKEN, dialect })
  const appDir = mkdtempSync(join(tmpdir(), 'sb-contract-'))
  copyFileSync(resolve(import.meta.dirname, '../../manifest.json'), join(appDir, 'manifest.json'))
  const zendesk = await startZendeskEmulator({
    appDir,
    settings: { crm_provider: dialect, crm_base_url: crm.url, crm_api_token: CONTRACT_TOKEN },
    extraWhitelist: ['127.0.0.1'],
  })
  return {
    crm,
    zendesk,
    async close() {
      await zendesk.close()
      await crm.close()
      rmSync(appDir, { recursive: true, force: true })
    },
  }
}

/**
 * Registers the hooks every contract file needs: one stack per file, the CRM emulator reset to its
 * seed (and fault-free) before each test. The emulators are there from the first test on.
 */
export function useContractStack(
  dialect: 'salesforce' | 'hubspot' | 'custom' = 'salesforce'
): Pick<ContractStack, 'crm' | 'zendesk'> {
  let stack: ContractStack | undefined
  const need = (): ContractStack => {
    if (!stack) throw new Error('The contract stack is only there inside a test')
    return stack
  }
  beforeAll(async () => {
    stack = await startContractStack({ dialect })
  })
  afterAll(() => stack?.close())
  beforeEach(() => need().crm.reset())
  return {
    get crm() {
      return need().crm
    },
    get zendesk() {
      return need().zendesk
    },
  }
}

/** How a CRM call failed, as [kind, details]; anything but a CrmError fails the test. */
export async function failureKind(
  promise: Promise<unknown>
): Promise<[CrmErrorKind, Record<string, unknown>]> {
  try {
    await promise
  } catch (error) {
    if (isCrmError(error)) return [error.kind, { ...error.details }]
    throw error
  }
  throw new Error('expected a CrmError')
}

/**
 * 10:00 UTC on the CRM emulator's today (its local date): the hour its seeded health history
 * carries, so "days since" computed from it does not depend on when the tests run.
 */
export function seedHour(): number {
  const today = new Date()
  return Date.UTC(today.getFullYear(), today.getMonth(), today.getDate(), 10)
}
