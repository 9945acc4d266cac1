/**
 * `npm start`: the local demo. Builds the app, starts the CRM emulator and the emulated Zendesk
 * agent view, and prints one URL. Everything runs on loopback; nothing leaves the machine.
 *
 *   npm start                      Salesforce dialect, 150 ms CRM latency
 *   npm start -- --crm hubspot     the CRM emulator speaks HubSpot v3 (or: custom, the Northwind Success API)
 *   npm start -- --latency 0       no artificial latency
 *   npm start -- --port 4000       agent view port (the app is served on port+1, the CRM on port+10,
 *                                  the Slack emulator on port+20);
 *                                  0 takes any free ports
 *   npm start -- --app-dir dist    serve an app already built in that folder (no build)
 *   npm start -- --crm salesforce --oauth
 *                                  install the Salesforce OAuth package instead: sign in on the emulated
 *                                  installation page first; the emulated proxy renews expired sessions
 *                                  (--oauth-renewal never: it does not)
 *
 * The servers stop on Ctrl+C, SIGTERM or SIGHUP, and when whoever started the demo has gone
 * (see demo-lifetime.ts).
 */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { build } from 'vite'
import { startCrmEmulator } from '../emulators/crm/create-crm-emulator'
import { DEMO_TOKEN, demoSettings, demoZendeskSeed } from '../emulators/crm/demo-settings'
import { DIALECTS, type DialectName } from '../emulators/crm/server/dialect'
import { startSlackEmulator } from '../emulators/slack/create-slack-emulator'
import { DEMO_SLACK_TOKEN } from '../emulators/slack/seed'
import { startZendeskEmulator, type OAuthRenewal } from '../emulators/zendesk/create-zendesk-emulator'
import { buildOAuthPackage } from '../tests/support/oauth-package'
import { demoLifetime, listenProblem } from './demo-lifetime'

const { values } = parseArgs({
  options: {
    crm: { type: 'string', default: 'salesforce' },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    latency: { type: 'string', default: '150' },
    'skip-build': { type: 'boolean', default: false },
    'app-dir': { type: 'string' },
    oauth: { type: 'boolean', default: false },
    'oauth-renewal': { type: 'string', default: 'on-401' },
  },
})

const provider = DIALECTS.find((name): name is DialectName => name === values.crm)
if (!provider) {
  console.error(`--crm must be one of ${DIALECTS.join(', ')}`)
  process.exit(2)
}
const renewals: readonly OAuthRenewal[] = ['on-401', 'never']
const renewal = renewals.find((mode) => mode === values['oauth-renewal'])
if (values.oauth && (provider !== 'salesforce' || !renewal)) {
  console.error(
    '--oauth is the Salesforce OAuth package: use it with --crm salesforce, and --oauth-renewal on-401 or never'
  )
  process.exit(2)
}
const port = Number(values.port)
const latencyMs = Number(values.latency)
// The CRM takes port+10 and Slack port+20, so the agent view's port leaves room for them.
if (!Number.isInteger(port) || port < 0 || port > 65515 || !Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error('--port must be a port number up to 65515 (or 0) and --latency a number of milliseconds')
  process.exit(2)
}
const portAt = (offset: number): number => (port === 0 ? 0 : port + offset)

const lifetime = demoLifetime()
const root = resolve(import.meta.dirname, '..')
const appDir = resolve(values['app-dir'] ?? resolve(root, 'dist'))
if (!values['skip-build'] && !values['app-dir']) {
  console.log('Building the app…')
  await build({ root, logLevel: 'warn' })
}

try {
  const crm = await startCrmEmulator({ dialect: provider, port: portAt(10), token: DEMO_TOKEN, latencyMs })
  lifetime.add(crm)
  // The OAuth package as an admin builds it from this build, for the emulated org's External Client App.
  const oauthPackage = values.oauth ? await buildOAuthPackage(appDir) : null
  if (oauthPackage) lifetime.add({ close: () => Promise.resolve(oauthPackage.dispose()) })
  const settings = Object.fromEntries(
    Object.entries(demoSettings(provider, crm.url)).filter(
      ([name]) => !oauthPackage || name !== 'crm_api_token'
    )
  )
  const slack = await startSlackEmulator({ port: portAt(20) })
  lifetime.add(slack)
  const zendesk = await startZendeskEmulator({
    appDir: oauthPackage?.dir ?? appDir,
    hostPort: portAt(0),
    appPort: portAt(1),
    // Slack on: escalating #102 sends its CSM a direct message, shown on the Slack page.
    settings: { ...settings, slack_bot_token: DEMO_SLACK_TOKEN, slack_notify: 'dm' },
    upstreams: { 'slack.com': slack.url },
    ...(oauthPackage
      ? { hostAliases: { 'login.salesforce.com': crm.url }, oauthRenewal: renewal ?? 'on-401' }
      : {}),
    seed: demoZendeskSeed(provider),
    extraWhitelist: ['127.0.0.1'],
    crmControlUrl: crm.url,
  })
  lifetime.add(zendesk)

  if (oauthPackage)
    console.log(
      [
        `\nSalesforce OAuth package installed. Sign in first: ${zendesk.installationUrl()}`,
        `End the Salesforce session: curl -X POST ${crm.url}/__emulator/oauth/expire  (the proxy renews it${renewal === 'never' ? ': not with --oauth-renewal never' : ''})`,
        `Revoke the refresh token:   curl -X POST ${crm.url}/__emulator/oauth/revoke  (an admin must sign in again)`,
      ].join('\n')
    )
  console.log(`\nSuccess Bridge demo: ${zendesk.ticketUrl(101)}\n`)
  console.log(
    `(CRM emulator, ${provider} dialect, at ${crm.url}, ${latencyMs} ms latency; Slack's messages at ${slack.url}; app files at ${zendesk.appOrigin}. Ctrl+C stops everything.)`
  )
} catch (error) {
  const problem = listenProblem(error)
  if (!problem) throw error
  console.error(problem)
  await lifetime.stop(1)
}
