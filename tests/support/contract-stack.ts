import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  DEMO_OAUTH_CLIENT,
  startCrmEmulator,
  type CrmEmulator,
} from '../../emulators/crm/create-crm-emulator'
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
  options: { dialect?: 'salesforce' | 'hubspot' | 'custom'; oauth?: boolean } = {}
): Promise<ContractStack> {
  const dialect = options.dialect ?? 'salesforce'
  const crm = await startCrmEmulator({ token: CONTRACT_TOKEN, dialect })
  const appDir = mkdtempSync(join(tmpdir(), 'sb-contract-'))
  const manifestPath = resolve(import.meta.dirname, '../../manifest.json')
  if (options.oauth) writeFileSync(join(appDir, 'manifest.json'), JSON.stringify(oauthManifest(manifestPath)))
  else copyFileSync(manifestPath, join(appDir, 'manifest.json'))
  const zendesk = await startZendeskEmulator({
    appDir,
    settings: {
      crm_provider: dialect,
      crm_base_url: crm.url,
      ...(options.oauth ? {} : { crm_api_token: CONTRACT_TOKEN }),
    },
    extraWhitelist: ['127.0.0.1'],
    ...(options.oauth ? { hostAliases: { 'login.salesforce.com': crm.url } } : {}),
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
 * What the proxy needs of the Salesforce OAuth package's manifest (its oauth block and parameter),
 * written out here because tests do not import scripts/; the package test checks that
 * `npm run package -- --salesforce-oauth` writes the same block.
 */
function oauthManifest(manifestPath: string): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { parameters: { name: string }[] }
  return {
    ...manifest,
    oauth: {
      client_id: DEMO_OAUTH_CLIENT.clientId,
      client_secret: DEMO_OAUTH_CLIENT.clientSecret,
      authorize_uri: 'https://login.salesforce.com/services/oauth2/authorize',
      access_token_uri: 'https://login.salesforce.com/services/oauth2/token',
      scope: 'api refresh_token',
    },
    parameters: manifest.parameters.map((param) =>
      param.name === 'crm_api_token' ? { name: 'salesforce_oauth', type: 'oauth', required: true } : param
    ),
  }
}

/**
 * Registers the hooks every contract file needs: one stack per file, the CRM emulator reset to its
 * seed (and fault-free) before each test. The emulators are there from the first test on.
 */
export function useContractStack(
  dialect: 'salesforce' | 'hubspot' | 'custom' = 'salesforce',
  options: { oauth?: boolean } = {}
): Pick<ContractStack, 'crm' | 'zendesk'> {
  let stack: ContractStack | undefined
  const need = (): ContractStack => {
    if (!stack) throw new Error('The contract stack is only there inside a test')
    return stack
  }
  beforeAll(async () => {
    stack = await startContractStack({ dialect, ...options })
  })
  afterAll(() => stack?.close())
  beforeEach(() => {
    need().crm.reset()
    // The OAuth connection too: each test signs in (or not) itself.
    if (options.oauth) need().zendesk.reset()
  })
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
