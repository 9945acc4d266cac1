/**
 * `npm run stress [-- --rounds N] [--setup <name part>] [--situation <name part>]`: the escalation's
 * race and fault matrix in real Chromium against the local stack (tests/stress/race-matrix.ts).
 * Rows are situations, columns the four CRM set-ups; each cell sums every round's tasks, escalation
 * notes and tags for the ticket, claims left behind and agents' notes that reached nobody. Exits 1
 * when any round of any cell is not exactly one task, one note, one tag, nothing left, nothing lost.
 */
import { parseArgs } from 'node:util'
import {
  cellOk,
  formatCell,
  runSetup,
  SETUPS,
  SITUATIONS,
  type CellResult,
} from '../tests/stress/race-matrix'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    setup: { type: 'string' },
    situation: { type: 'string' },
  },
})
const rounds = Math.max(1, Math.min(200, Number(values.rounds) || 20))
const setups = SETUPS.filter(
  (s) => !values.setup || s.name.toLowerCase().includes(values.setup.toLowerCase())
)
const situations = SITUATIONS.filter(
  (s) => !values.situation || s.name.toLowerCase().includes(values.situation.toLowerCase())
)

const cells: CellResult[] = []
for (const setup of setups) {
  console.log(`\n${setup.name}, ${rounds} rounds a cell`)
  cells.push(
    ...(await runSetup(setup, rounds, situations, (cell) =>
      console.log(`  ${cell.situation.padEnd(42)} ${formatCell(cell)}`)
    ))
  )
}

// The matrix: per cell "tasks/notes/tags" summed over rounds (expected: rounds/rounds/rounds), then lost notes.
const width = 26
console.log(
  `\nMatrix (${rounds} rounds a cell): tasks / escalation notes / tags, lost notes (and Slack messages to the CSM); expected ${rounds}/${rounds}/${rounds}, 0 (and ${rounds} Slack)`
)
console.log(
  `${'situation'.padEnd(42)}${setups.map((s) => s.name.slice(0, width - 2).padEnd(width)).join('')}`
)
for (const situation of situations) {
  const row = setups.map((setup) => {
    const cell = cells.find((c) => c.setup === setup.name && c.situation === situation.name)
    if (!cell) return '-'.padEnd(width)
    const sum = (key: 'tasks' | 'notes' | 'tags' | 'lostNotes' | 'slackMessages'): number =>
      cell.rounds.reduce((total, round) => total + ('error' in round ? 0 : round[key]), 0)
    const mark = cellOk(cell) ? '' : ' ✖'
    // The Slack column: messages to the CSM, expected one per round.
    const slack = setup.slack ? ` · ${sum('slackMessages')} Slack` : ''
    return `${sum('tasks')}/${sum('notes')}/${sum('tags')}, ${sum('lostNotes')}${slack}${mark}`.padEnd(width)
  })
  console.log(`${situation.name.padEnd(42)}${row.join('')}`)
}
const failed = cells.filter((cell) => !cellOk(cell)).length
console.log(`\n${cells.length - failed} cells ok, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
