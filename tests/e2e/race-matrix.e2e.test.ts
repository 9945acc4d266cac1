import { describe, expect, it } from 'vitest'
import { cellOk, formatCell, runSetup, SETUPS } from '../stress/race-matrix'

// The race and fault suite at 2 rounds a cell (`npm run stress` runs 20): every situation on every
// CRM set-up must end with one task, one escalation note, one tag, no claim left and no lost note;
// with Slack on, one Slack message (the Slack column).
describe('escalation exactly once, under races and faults', () => {
  for (const setup of SETUPS) {
    it(
      setup.name,
      async () => {
        const cells = await runSetup(setup, 2)
        // The matrix's column for this set-up, in the CI log.
        console.log(cells.map((cell) => `${setup.name} | ${cell.situation}: ${formatCell(cell)}`).join('\n'))
        const failing = cells
          .filter((cell) => !cellOk(cell))
          .map((cell) => `${cell.situation}: ${formatCell(cell)}`)
        expect(failing).toEqual([])
        expect(cells).toHaveLength(setup.slack ? 10 : 9)
      },
      600_000
    )
  }
})
