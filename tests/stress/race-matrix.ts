import type { BrowserContext, FrameLocator, Page } from 'playwright-core'
import type { DialectName } from '../../emulators/crm/create-crm-emulator'
import { launchAgentBrowser } from '../support/browser'
import { pressTogether } from '../support/press-together'
import { startLocalStack, type LocalStack } from '../support/local-stack'

/**
 * The race and fault suite of the escalation (ADR 0010): real Chromium, the built app and the
 * real ZAF SDK against the emulators, each situation the way agents break things, on each CRM
 * set-up. Each round counts, for the escalated ticket, CRM tasks, escalation notes, escalation
 * tags, leftover claims and the agents' notes that reached nobody. `npm run stress` prints the
 * matrix; the e2e suite runs it with 2 rounds a cell and fails on any duplicate or loss.
 */
export interface Setup {
  readonly name: string
  readonly dialect: DialectName
  readonly settings?: Record<string, string>
  /** HubSpot's search index lag behind writes, in ms. */
  readonly searchLagMs?: number
  /** A Slack bot token is installed: every escalation must message the CSM exactly once (ADR 0012). */
  readonly slack?: boolean
}

export const SETUPS: readonly Setup[] = [
  { name: 'Salesforce, no External-ID field', dialect: 'salesforce' },
  {
    name: 'Salesforce + External-ID field',
    dialect: 'salesforce',
    settings: { field_escalation_external_id: 'Zendesk_Escalation_Key__c' },
  },
  { name: 'HubSpot (search lags 3 s)', dialect: 'hubspot', searchLagMs: 3000 },
  { name: 'custom REST', dialect: 'custom' },
  { name: 'Salesforce + Slack DM', dialect: 'salesforce', slack: true },
]

export interface Counts {
  readonly tasks: number
  readonly notes: number
  readonly tags: number
  readonly claimsLeft: number
  readonly lostNotes: number
  /** Slack messages posted, thread replies aside (only the escalated ticket's CSM is ever messaged in a round). */
  readonly slackMessages: number
  /** Thread replies that are not under the escalation's message. */
  readonly strayReplies: number
}

interface World {
  readonly stack: LocalStack
  readonly alex: BrowserContext
  readonly sam: BrowserContext
}

interface Situation {
  readonly name: string
  /** Only on set-ups with Slack: the situation breaks the Slack step. */
  readonly slackOnly?: boolean
  /** Runs one round; returns the agents' notes that must have reached the CSM (task or ticket). */
  run(world: World): Promise<readonly string[]>
}

const TICKET = 102
const BUTTON = /^(Escalate to|Escalate now|Try again)/
const SETTLE_MS = 25_000

function frameOf(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="app-iframe"]')
}

async function open(context: BrowserContext, url: string): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await context.newPage()
  await page.goto(url)
  const frame = frameOf(page)
  await frame.getByTestId('escalation').waitFor({ timeout: SETTLE_MS })
  return { page, frame }
}

async function ready(frame: FrameLocator, note: string): Promise<void> {
  await frame.getByLabel('What the CSM should know').fill(note)
  await frame.getByRole('button', { name: BUTTON }).waitFor({ timeout: SETTLE_MS })
}

/** Waits until the card shows the escalation done, or another's escalation with our note ready as a follow-up. */
async function settled(frame: FrameLocator): Promise<'done' | 'came-first'> {
  const done = frame.getByTestId('escalation-result')
  const cameFirst = frame.getByTestId('escalation-came-first')
  await done.or(cameFirst).first().waitFor({ timeout: SETTLE_MS })
  if (await cameFirst.isVisible()) {
    // The note offered as a follow-up is one click from the CSM: the agent sends it.
    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByTestId('follow-up-sent').waitFor({ timeout: SETTLE_MS })
    return 'came-first'
  }
  return 'done'
}

async function clickTogether(frames: readonly FrameLocator[]): Promise<void> {
  const buttons = frames.map((frame) => frame.getByRole('button', { name: BUTTON }))
  // Within 50 ms: both clicks are dispatched before either answer can arrive.
  await Promise.all(buttons.map((button, index) => sleep(index * 25).then(() => button.click())))
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < SETTLE_MS; waited += 50) {
    if (check()) return
    await sleep(50)
  }
  throw new Error(`Timed out waiting for ${what}`)
}

const url = (world: World, agent?: number): string =>
  `${world.stack.zendesk.ticketUrl(TICKET)}${agent ? `?as=${agent}` : ''}`

/**
 * The tab is closed while one step's request is in flight (applied, unanswered), then the ticket is
 * opened again: the new tab must finish the escalation on its own.
 */
function closedDuring(
  step: string,
  hold: (world: World) => void,
  applied: (world: World) => boolean,
  slackOnly = false
): Situation {
  const note = `Closed during ${step}`
  return {
    name: `closed during ${step}, reopened`,
    slackOnly,
    async run(world) {
      hold(world)
      const a = await open(world.alex, url(world))
      await ready(a.frame, note)
      await a.frame.getByRole('button', { name: BUTTON }).click()
      await until(() => applied(world), step)
      await a.page.close()
      const b = await open(world.alex, url(world))
      await settled(b.frame)
      await b.page.close()
      return [note]
    },
  }
}

export const SITUATIONS: readonly Situation[] = [
  {
    name: 'two agents within 50 ms',
    async run(world) {
      const a = await open(world.alex, url(world))
      const b = await open(world.sam, url(world, 2))
      await Promise.all([ready(a.frame, 'Note from Alex'), ready(b.frame, 'Note from Sam')])
      await clickTogether([a.frame, b.frame])
      await Promise.all([settled(a.frame), settled(b.frame)])
      await Promise.all([a.page.close(), b.page.close()])
      return ['Note from Alex', 'Note from Sam']
    },
  },
  {
    name: 'two tabs within 50 ms',
    async run(world) {
      const a = await open(world.alex, url(world))
      const b = await open(world.alex, url(world))
      await ready(a.frame, 'Note from tab one')
      await ready(b.frame, 'Note from tab two')
      // Tabs of one window: only the front one is pressed with the mouse (pressTogether says why).
      await pressTogether([a, b], BUTTON)
      await Promise.all([settled(a.frame), settled(b.frame)])
      await Promise.all([a.page.close(), b.page.close()])
      return ['Note from tab one', 'Note from tab two']
    },
  },
  {
    name: 'triple click',
    async run(world) {
      const a = await open(world.alex, url(world))
      await ready(a.frame, 'Clicked thrice')
      await a.frame.getByRole('button', { name: BUTTON }).click({ clickCount: 3, delay: 20 })
      await settled(a.frame)
      await a.page.close()
      return ['Clicked thrice']
    },
  },
  closedDuring(
    'the claim',
    (world) => world.stack.zendesk.setApiFaults({ mode: 'apply-then-hang', only: 'tags-only', remaining: 1 }),
    (world) => world.stack.zendesk.tags(TICKET).includes('csm_escalation_pending')
  ),
  closedDuring(
    'the CRM create',
    (world) => world.stack.crm.setWriteFault({ kind: 'hang', remaining: 1 }),
    (world) => world.stack.crm.tasks().length > 0
  ),
  closedDuring(
    'the Zendesk note',
    (world) => world.stack.zendesk.setApiFaults({ mode: 'apply-then-hang', only: 'comment', remaining: 1 }),
    (world) => world.stack.zendesk.comments(TICKET).length > 0
  ),
  // Slack has posted the message and not answered: the reopened tab must not post it again.
  closedDuring(
    'the Slack post',
    (world) => world.stack.slack.addFault({ kind: 'act-then-hang', method: 'chat.postMessage' }),
    (world) => world.stack.slack.messages().length > 0,
    true
  ),
  {
    name: 'CRM created, answer lost, retry',
    async run(world) {
      world.stack.crm.setWriteFault({ kind: 'lose-answer', remaining: 1 })
      const a = await open(world.alex, url(world))
      await ready(a.frame, 'Answer lost')
      await a.frame.getByRole('button', { name: BUTTON }).click()
      await a.frame.getByTestId('escalation-failed').waitFor({ timeout: SETTLE_MS })
      await a.frame.getByRole('button', { name: 'Try again' }).click()
      await settled(a.frame)
      await a.page.close()
      return ['Answer lost']
    },
  },
  {
    name: 'Zendesk failed, reload',
    async run(world) {
      world.stack.zendesk.setApiFaults({ mode: 'server-error', only: 'comment', remaining: 1 })
      const a = await open(world.alex, url(world))
      await ready(a.frame, 'Zendesk failed')
      await a.frame.getByRole('button', { name: BUTTON }).click()
      await a.frame.getByTestId('escalation-failed').waitFor({ timeout: SETTLE_MS })
      await a.page.reload()
      await settled(frameOf(a.page))
      await a.page.close()
      return ['Zendesk failed']
    },
  },
  {
    name: 'stale claim taken over',
    async run(world) {
      // Sam's tab closed for good three minutes ago, half-way through an escalation.
      const startedAt = Math.floor((Date.now() - 3 * 60_000) / 1000)
      world.stack.zendesk.setTags(TICKET, [
        ...world.stack.zendesk.tags(TICKET),
        'csm_escalation_pending',
        `csm_escalation_claim_2_${startedAt}_gone`,
      ])
      const a = await open(world.alex, url(world))
      await a.frame.getByTestId('escalation-claimed').waitFor({ timeout: SETTLE_MS })
      await ready(a.frame, 'Took over')
      await a.frame.getByRole('button', { name: 'Escalate now' }).click()
      await settled(a.frame)
      await a.page.close()
      return ['Took over']
    },
  },
]

function count(world: World, notes: readonly string[]): Counts {
  const { crm, zendesk } = world.stack
  const comments = zendesk.comments(TICKET)
  const tags = zendesk.tags(TICKET)
  const reached = JSON.stringify(crm.tasks()) + comments.map((comment) => comment.body).join('\n')
  const firsts = world.stack.slack.messages().filter((message) => !message.threadTs)
  const replies = world.stack.slack.messages().filter((message) => message.threadTs)
  return {
    tasks: crm.tasks().length,
    notes: comments.filter((comment) => comment.body.startsWith('Escalated to ')).length,
    tags: tags.filter((tag) => tag === 'csm_escalated').length,
    claimsLeft: tags.filter(
      (tag) => tag.startsWith('csm_escalation_claim_') || tag === 'csm_escalation_pending'
    ).length,
    lostNotes: notes.filter((note) => !reached.includes(note)).length,
    // The escalation's messages; a follow-up (the agent whose escalation came second) is a thread reply.
    slackMessages: firsts.length,
    strayReplies: replies.filter((reply) => !firsts.some((first) => first.ts === reply.threadTs)).length,
  }
}

export interface CellResult {
  readonly setup: string
  readonly situation: string
  readonly rounds: readonly (Counts | { readonly error: string })[]
  /** Slack messages each round must end with: 1 with Slack on, else 0. */
  readonly slackExpected: number
}

/** A cell is right when every round ended with exactly one of each and nothing lost or left. */
export function cellOk(cell: CellResult): boolean {
  return cell.rounds.every(
    (round) =>
      !('error' in round) &&
      round.tasks === 1 &&
      round.notes === 1 &&
      round.tags === 1 &&
      round.claimsLeft === 0 &&
      round.lostNotes === 0 &&
      round.strayReplies === 0 &&
      round.slackMessages === cell.slackExpected
  )
}

/** Runs every situation `rounds` times on one set-up, each round from the emulators' seed. */
export async function runSetup(
  setup: Setup,
  rounds: number,
  situations: readonly Situation[] = SITUATIONS,
  onCell: (cell: CellResult) => void = () => undefined
): Promise<CellResult[]> {
  const stack = await startLocalStack({
    crm: { dialect: setup.dialect },
    ...(setup.settings ? { settings: setup.settings } : {}),
    slack: setup.slack === true,
  })
  const alex = await launchAgentBrowser()
  const sam = await launchAgentBrowser()
  const world: World = { stack, alex, sam }
  const cells: CellResult[] = []
  try {
    for (const situation of situations.filter((s) => setup.slack || !s.slackOnly)) {
      const results: CellResult['rounds'][number][] = []
      for (let round = 0; round < rounds; round++) {
        stack.crm.reset()
        stack.zendesk.reset()
        stack.slack.reset()
        if (setup.searchLagMs) stack.crm.setSearchLagMs(setup.searchLagMs)
        try {
          const notes = await situation.run(world)
          // Whatever a closed tab left in flight (a hung request) has settled by the next round.
          stack.crm.setWriteFault(null)
          results.push(count(world, notes))
        } catch (error) {
          // What each open card said, so a failing cell explains itself.
          const cards = await Promise.all(
            [...alex.pages(), ...sam.pages()].map((page) =>
              frameOf(page)
                .getByTestId('escalation')
                .innerText({ timeout: 1000 })
                .then((text) => text.replace(/\s+/g, ' ').slice(0, 160))
                .catch(() => 'no card')
            )
          )
          const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : String(error)
          results.push({ error: `${message} [cards: ${cards.join(' | ')}]` })
        } finally {
          for (const page of [...alex.pages(), ...sam.pages()]) await page.close().catch(() => undefined)
          await clearStorage(world)
        }
      }
      const cell = {
        setup: setup.name,
        situation: situation.name,
        rounds: results,
        slackExpected: setup.slack ? 1 : 0,
      }
      cells.push(cell)
      onCell(cell)
    }
  } finally {
    await alex.dispose()
    await sam.dispose()
    await stack.close()
  }
  return cells
}

/**
 * Each agent's drafts and progress live in the app iframe's localStorage (partitioned under the
 * agent view, so only a framed app can reach it); a new round starts clean.
 */
async function clearStorage(world: World): Promise<void> {
  for (const context of [world.alex, world.sam]) {
    const page = await context.newPage()
    await page.goto(world.stack.zendesk.ticketUrl(101)).catch(() => undefined)
    await frameOf(page)
      .locator('html')
      .evaluate(() => localStorage.clear())
      .catch(() => undefined)
    await page.close()
  }
}

/** One line per cell: tasks / notes / tags per round summed, and the worst round. */
export function formatCell(cell: CellResult): string {
  const sum = (key: keyof Counts): number =>
    cell.rounds.reduce((total, round) => total + ('error' in round ? 0 : round[key]), 0)
  const errors = cell.rounds.filter((round) => 'error' in round)
  const verdict = cellOk(cell) ? 'ok' : 'FAIL'
  return `${verdict.padEnd(4)} ${cell.rounds.length} rounds: ${sum('tasks')} tasks, ${sum('notes')} notes, ${sum('tags')} tags, ${sum('claimsLeft')} claims left, ${sum('lostNotes')} lost notes, ${sum('slackMessages')} Slack messages${errors.length ? `, ${errors.length} errors (${(errors[0] as { error: string }).error})` : ''}`
}
