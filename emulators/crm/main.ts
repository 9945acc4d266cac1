import { parseArgs } from 'node:util'
import { startCrmEmulator } from './create-crm-emulator'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4010' }, latency: { type: 'string', default: '0' }, token: { type: 'string', default: 'demo-token' } },
})
const emulator = await startCrmEmulator({ port: Number(values.port), latencyMs: Number(values.latency), token: values.token })
console.log(`CRM emulator (salesforce) listening on ${emulator.url}`)
const stop = (): void => void emulator.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
