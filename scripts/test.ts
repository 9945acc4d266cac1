/**
 * `npm test`: every check CI relies on, in one command. Type-checks, lints, checks formatting and builds (the e2e suite
 * needs dist/), then runs all four Vitest projects and prints the totals on the last line as
 * `N passed, N failed`. A failed type-check, lint, format check or build counts as one failed check each.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

interface Step {
  readonly name: string
  readonly command: string
  readonly args: readonly string[]
}

const checks: readonly Step[] = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck (node)', command: 'npx', args: ['tsc', '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  // Formatting is checked, not only offered: an unformatted file fails `npm test` like a lint error.
  { name: 'format:check', command: 'npx', args: ['prettier', '--check', '.'] },
  { name: 'build', command: 'npx', args: ['vite', 'build', '--logLevel', 'warn'] },
]

let failedChecks = 0
for (const step of checks) {
  console.log(`\n▶ ${step.name}`)
  const result = spawnSync(step.command, step.args, { stdio: 'inherit' })
  if (result.status !== 0) {
    failedChecks += 1
    console.log(`✖ ${step.name} failed`)
  }
}

mkdirSync('tmp', { recursive: true })
const report = 'tmp/vitest-report.json'
console.log('\n▶ vitest (unit, node, contract, e2e)')
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    stdio: 'inherit',
  }
)

let passed = 0
let failed = 0
try {
  const totals = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numTotalTestSuites: number
    numFailedTestSuites: number
  }
  passed = totals.numPassedTests
  // A suite that fails to load has no failed tests but is a failure all the same.
  failed =
    totals.numFailedTests +
    (totals.numFailedTests === 0 && vitest.status !== 0 ? Math.max(1, totals.numFailedTestSuites) : 0)
} catch {
  failed = 1
}
failed += failedChecks
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
