import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startCrmEmulator, type CrmEmulator } from '../../emulators/crm/create-crm-emulator'
import { startZendeskEmulator, type ZendeskEmulator } from '../../emulators/zendesk/create-zendesk-emulator'

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
export async function startContractStack(options: { dialect?: 'salesforce' | 'hubspot' | 'custom' } = {}): Promise<ContractStack> {
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
