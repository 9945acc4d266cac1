import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startZendeskEmulator } from './create-zendesk-emulator'

const { values } = parseArgs({
  options: {
    'app-dir': { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4000' },
    'app-port': { type: 'string', default: '4001' },
    settings: { type: 'string' },
    whitelist: { type: 'string', multiple: true, default: [] },
  },
})
const settings = values.settings ? (JSON.parse(readFileSync(values.settings, 'utf8')) as Record<string, string>) : {}
const emulator = await startZendeskEmulator({
  appDir: values['app-dir'],
  hostPort: Number(values.port),
  appPort: Number(values['app-port']),
  settings,
  extraWhitelist: values.whitelist,
})
console.log(`Emulated Zendesk: ${emulator.hostUrl}`)
const stop = (): void => void emulator.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
