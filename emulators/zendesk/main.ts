import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { startZendeskEmulator } from './create-zendesk-emulator'

// `npx tsx emulators/zendesk/main.ts --app-dir dist --port 4000 --app-port 4001 --settings settings.json --whitelist 127.0.0.1`

const USAGE = `Usage: tsx emulators/zendesk/main.ts [--app-dir dist] [--port 4000] [--app-port 4001]
  [--settings settings.json] [--whitelist host]... [--crm-control-url http://127.0.0.1:4010] [--proxy-timeout-ms 30000]`

const port = z.coerce.number().int().min(0).max(65535)
const argsSchema = z.object({
  'app-dir': z.string().min(1),
  port,
  'app-port': port,
  settings: z.string().optional(),
  whitelist: z.array(z.string().min(1)),
  'crm-control-url': z.url({ protocol: /^https?$/ }).optional(),
  'proxy-timeout-ms': z.coerce.number().int().positive().optional(),
})
const settingsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

let raw: ReturnType<typeof parseArgs>['values']
try {
  raw = parseArgs({
    options: {
      'app-dir': { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4000' },
      'app-port': { type: 'string', default: '4001' },
      settings: { type: 'string' },
      whitelist: { type: 'string', multiple: true, default: [] },
      'crm-control-url': { type: 'string' },
      'proxy-timeout-ms': { type: 'string' },
    },
  }).values
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const args = argsSchema.safeParse(raw)
if (!args.success) fail(z.prettifyError(args.error))
const { data } = args

let settings: z.infer<typeof settingsSchema> = {}
if (data.settings) {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(data.settings, 'utf8'))
  } catch (error) {
    fail(`Cannot read --settings ${data.settings}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = settingsSchema.safeParse(json)
  if (!parsed.success)
    fail(
      `--settings must be a JSON object of string, number or boolean values:\n${z.prettifyError(parsed.error)}`
    )
  settings = parsed.data
}

const emulator = await startZendeskEmulator({
  appDir: resolve(data['app-dir']),
  hostPort: data.port,
  appPort: data['app-port'],
  settings,
  extraWhitelist: data.whitelist,
  ...(data['crm-control-url'] ? { crmControlUrl: data['crm-control-url'] } : {}),
  ...(data['proxy-timeout-ms'] ? { proxyTimeoutMs: data['proxy-timeout-ms'] } : {}),
})
console.log(`Emulated Zendesk: ${emulator.hostUrl}`)
console.log(
  `App assets from ${emulator.appOrigin}; open ${emulator.hostUrl}/ for the first ticket. Ctrl+C stops.`
)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  void emulator.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
