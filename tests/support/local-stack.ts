import { resolve } from 'node:path'
import {
  startCrmEmulator,
  type CrmEmulator,
  type CrmEmulatorOptions,
} from '../../emulators/crm/create-crm-emulator'
import { demoSettings, demoZendeskSeed } from '../../emulators/crm/demo-settings'
import { buildOAuthPackage } from './oauth-package'
import { startSlackEmulator, type SlackEmulator } from '../../emulators/slack/create-slack-emulator'
import { DEMO_SLACK_TOKEN } from '../../emulators/slack/seed'
import {
  startZendeskEmulator,
  type OAuthRenewal,
  type ZendeskEmulator,
} from '../../emulators/zendesk/create-zendesk-emulator'
import type { ZendeskSeed } from '../../emulators/zendesk/state'

export const DEMO_TOKEN = 'demo-token'
// SB_DIST_DIR lets a long run (npm run stress) use a copy while dist/ is rebuilt.
export const distDir = process.env['SB_DIST_DIR'] ?? resolve(import.meta.dirname, '../../dist')

export interface LocalStack {
  readonly crm: CrmEmulator
  readonly zendesk: ZendeskEmulator
  /** Serves `https://slack.com/api` for the emulated proxy; it has the bot token only with `slack: true`. */
  readonly slack: SlackEmulator
  close(): Promise<void>
}

/**
 * The CRM emulator and the emulated Zendesk on ephemeral loopback ports, serving the built app from
 * dist/ (run `vite build` first; `npm test` does). `settings` override the installation's settings.
 */
export async function startLocalStack(
  options: {
    crm?: CrmEmulatorOptions
    settings?: Record<string, string | number | boolean>
    seed?: ZendeskSeed
    /**
     * Install the Salesforce OAuth package (built from dist/ as an admin would) instead of the
     * default one: no token setting; an admin signs in on the installation page. `renewal` is when
     * the emulated proxy renews the access token.
     */
    oauth?: { readonly renewal?: OAuthRenewal }
    /** Installs the Slack bot token, as `npm start` does, so escalations message the CSM. */
    slack?: boolean
  } = {}
): Promise<LocalStack> {
  const crm = await startCrmEmulator({ token: DEMO_TOKEN, ...options.crm })
  const slack = await startSlackEmulator()
  const dialect = options.crm?.dialect ?? 'salesforce'
  const oauthPackage = options.oauth ? await buildOAuthPackage(distDir) : null
  // The OAuth package has no token setting: Zendesk holds the connection.
  const withoutToken = Object.fromEntries(
    Object.entries(demoSettings(dialect, crm.url)).filter(([name]) => name !== 'crm_api_token')
  )
  const zendesk = await startZendeskEmulator({
    appDir: oauthPackage?.dir ?? distDir,
    // The CRM dialect picks the provider: the same settings `npm start -- --crm <provider>` installs.
    settings: {
      ...(oauthPackage ? withoutToken : { ...withoutToken, crm_api_token: DEMO_TOKEN }),
      ...(options.slack ? { slack_bot_token: DEMO_SLACK_TOKEN, slack_notify: 'dm' } : {}),
      ...options.settings,
    },
    ...(oauthPackage
      ? {
          hostAliases: { 'login.salesforce.com': crm.url },
          oauthRenewal: options.oauth?.renewal ?? 'on-401',
        }
      : {}),
    extraWhitelist: ['127.0.0.1'],
    // The manifest whitelists slack.com; the connection goes to the emulator.
    upstreams: { 'slack.com': slack.url },
    crmControlUrl: crm.url,
    // The Zendesk account `npm start` shows for this CRM (its organizations carry that CRM's ids).
    seed: options.seed ?? demoZendeskSeed(dialect),
  })
  return {
    crm,
    zendesk,
    slack,
    async close() {
      await Promise.allSettled([zendesk.close(), crm.close(), slack.close()])
      oauthPackage?.dispose()
    },
  }
}
