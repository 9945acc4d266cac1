/**
 * `npm run validate -- [dir] [--json] [--private]`: Zendesk's app-package checks, offline (zcli's
 * validate needs a Zendesk account; docs/zendesk-platform.md §4). Checks `dist` by default, with the Marketplace
 * rules on; `--private` checks as for a private app. Exits 1 when there is any error.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { readPackageFiles } from './package-files'
import { formatJson, formatText, summary } from './report'
import { validatePackage } from './validate-package'

const args = process.argv.slice(2)
const unknown = args.filter(
  (arg) => arg.startsWith('--') && !['--json', '--marketplace', '--private'].includes(arg)
)
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(', ')}. Usage: npm run validate -- [dir] [--json] [--private]`)
  process.exit(2)
}
const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist')
if (!existsSync(dir)) {
  console.error(`${dir} does not exist. Build the app first: npm run build`)
  process.exit(2)
}
const findings = validatePackage(dir, { marketplace: !args.includes('--private') })
const { skipped } = readPackageFiles(dir)
console.log(args.includes('--json') ? formatJson(dir, findings, skipped) : formatText(findings, skipped))
process.exit(summary(findings).errors > 0 ? 1 : 0)
