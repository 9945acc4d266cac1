import { parseArgs } from 'node:util'
import { startSlackEmulator } from './create-slack-emulator'

const { values } = parseArgs({ options: { port: { type: 'string', default: '4020' } } })
const emulator = await startSlackEmulator({ port: Number(values.port) })
console.log(`Slack emulator listening on ${emulator.url} (Web API at ${emulator.apiUrl})`)
const stop = (): void => void emulator.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
