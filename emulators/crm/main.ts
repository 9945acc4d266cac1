import { parseArgs } from 'node:util'
import { startCrmEmulator } from './create-crm-emulator'
import { DIALECTS, type DialectName } from './server/dialect'

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'salesforce' },
    port: { type: 'string', default: '4010' },
    latency: { type: 'string', default: '0' },
    token: { type: 'string', default: 'demo-token' },
  },
})
const dialect = DIALECTS.find((name): name is DialectName => name === values.dialect)
if (!dialect) {
  console.error(`--dialect must be one of ${DIALECTS.join(', ')}`)
  process.exit(2)
}
const emulator = await startCrmEmulator({
  dialect,
  port: Number(values.port),
  latencyMs: Number(values.latency),
  token: values.token,
})
console.log(`CRM emulator (${dialect}) listening on ${emulator.url}`)
const stop = (): void => void emulator.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
