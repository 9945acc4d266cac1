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
import { startZendeskEmulator } from '../emulators/zendesk/create-zendesk-emulator'
import { demoLifetime, listenProblem } from './demo-lifetime'

const { values } = parseArgs({
  options: {
    crm: { type: 'string', default: 'salesforce' },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    latency: { type: 'string', default: '150' },
    'skip-build': { type: 'boolean', default: false },
    'app-dir': { type: 'string' },
  },
})

const provider = DIALECTS.find((name): name is DialectName => name === values.crm)
if (!provider) {
  console.error(`--crm must be one of ${DIALECTS.join(', ')}`)
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
  const slack = await startSlackEmulator({ port: portAt(20) })
  lifetime.add(slack)
  const zendesk = await startZendeskEmulator({
    appDir,
    hostPort: portAt(0),
    appPort: portAt(1),
    // Slack on: escalating #102 sends its CSM a direct message, shown on the Slack page.
    settings: { ...demoSettings(provider, crm.url), slack_bot_token: DEMO_SLACK_TOKEN },
    upstreams: { 'slack.com': slack.url },
    seed: demoZendeskSeed(provider),
    extraWhitelist: ['127.0.0.1'],
    crmControlUrl: crm.url,
  })
  lifetime.add(zendesk)

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
