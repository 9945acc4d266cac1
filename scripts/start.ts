/**
 * `npm start`: the local demo. Builds the app, starts the CRM emulator and the emulated Zendesk
 * agent view, and prints one URL. Everything runs on loopback; nothing leaves the machine.
 *
 *   npm start                      Salesforce dialect, 150 ms CRM latency
 *   npm start -- --crm hubspot     the CRM emulator speaks HubSpot v3 (or: custom, the Northwind Success API)
 *   npm start -- --latency 0       no artificial latency
 *   npm start -- --port 4000       agent view port (the app is served on port+1, the CRM on port+10)
 */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { build } from 'vite'
import { startCrmEmulator } from '../emulators/crm/create-crm-emulator'
import { DEMO_TOKEN, demoSettings } from '../emulators/crm/demo-settings'
import { DIALECTS, type DialectName } from '../emulators/crm/server/dialect'
import { startZendeskEmulator } from '../emulators/zendesk/create-zendesk-emulator'

const { values } = parseArgs({
  options: {
    crm: { type: 'string', default: 'salesforce' },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    latency: { type: 'string', default: '150' },
    'skip-build': { type: 'boolean', default: false },
  },
})

const provider = DIALECTS.find((name): name is DialectName => name === values.crm)
if (!provider) {
  console.error(`--crm must be one of ${DIALECTS.join(', ')}`)
  process.exit(2)
}
const port = Number(values.port)
const latencyMs = Number(values.latency)
if (!Number.isInteger(port) || port <= 0 || !Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error('--port must be a port number and --latency a number of milliseconds')
  process.exit(2)
}

const root = resolve(import.meta.dirname, '..')
if (!values['skip-build']) {
  console.log('Building the app…')
  await build({ root, logLevel: 'warn' })
}

const crm = await startCrmEmulator({ dialect: provider, port: port + 10, token: DEMO_TOKEN, latencyMs })
const zendesk = await startZendeskEmulator({
  appDir: resolve(root, 'dist'),
  hostPort: port,
  appPort: port + 1,
  settings: demoSettings(provider, crm.url),
  extraWhitelist: ['127.0.0.1'],
  crmControlUrl: crm.url,
})

console.log(`\nSuccess Bridge demo: ${zendesk.ticketUrl(101)}\n`)
console.log(
  `(CRM emulator, ${provider} dialect, at ${crm.url}, ${latencyMs} ms latency. Ctrl+C stops everything.)`
)

const stop = async (): Promise<void> => {
  await Promise.allSettled([zendesk.close(), crm.close()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
