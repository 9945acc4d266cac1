import type { FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appFrame, axeViolations } from '../support/axe'
import { useAgentSession } from '../support/agent-session'

// Every provider end to end: the real app in Chromium, the real ZAF SDK, the emulated Zendesk proxy
// and the CRM emulator speaking Salesforce, HubSpot v3 or the example custom REST API. The same
// Zendesk tickets tell the same story in each CRM's seed data.

interface ProviderCase {
  readonly dialect: 'salesforce' | 'hubspot' | 'custom'
  /** The CRM's id for Marcus Oyelaran, Globex's CSM, and where a task keeps its owner and body. */
  readonly marcus: string
  readonly owner: (task: Record<string, unknown>) => unknown
  readonly body: (task: Record<string, unknown>) => string
  /** Where a follow-up lands: appended to the body, or (Northwind) a comment on the task. */
  readonly followUps: (task: Record<string, unknown>) => string
}

// As in accessibility.e2e.test.ts: the sidebar is a fragment of Zendesk's page, whose h1 is Zendesk's.
const NOT_A_PAGE = ['page-has-heading-one']

const props = (task: Record<string, unknown>): Record<string, unknown> =>
  (task['properties'] ?? {}) as Record<string, unknown>

const PROVIDERS: readonly ProviderCase[] = [
  {
    dialect: 'salesforce',
    marcus: '005000000000002AAA',
    owner: (t) => t['OwnerId'],
    body: (t) => String(t['Description']),
    followUps: (t) => String(t['Description']),
  },
  {
    dialect: 'hubspot',
    marcus: '64490002',
    owner: (t) => props(t)['hubspot_owner_id'],
    body: (t) => String(props(t)['hs_task_body']),
    followUps: (t) => String(props(t)['hs_task_body']),
  },
  {
    dialect: 'custom',
    marcus: 'usr_marcus',
    owner: (t) => t['assignee_id'],
    body: (t) => String(t['body']),
    followUps: (t) => JSON.stringify(t['comments']),
  },
]

describe.each(PROVIDERS)('$dialect', (provider) => {
  const session = useAgentSession({ crm: { dialect: provider.dialect } })

  async function openTicket(id: number): Promise<FrameLocator> {
    await session.page.goto(session.stack.zendesk.ticketUrl(id))
    const frame = session.page.frameLocator('[data-testid="app-iframe"]')
    await frame.locator('section[data-state]:not([data-state="loading"])').waitFor({ timeout: 15_000 })
    return frame
  }

  const cardText = async (frame: FrameLocator): Promise<string> =>
    (await frame.locator('section[data-state]').innerText()).replace(/\s+/g, ' ')

  it('shows the at-risk account renewing soon, and escalates it to the CSM once', async () => {
    const frame = await openTicket(102)
    await frame.getByTestId('csm-name').waitFor()
    const text = await cardText(frame)
    expect(text).toContain('Globex Corporation')
    expect(text).toContain('Matched by requester email')
    expect(text).toContain('Marcus Oyelaran')
    expect(text).toContain('At risk · 38')
    expect(text).toContain('in 23 days')

    await frame.getByLabel('Reason').selectOption({ label: 'Churn risk' })
    await frame.getByLabel('What the CSM should know').fill('Threatening to leave <today>.')
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).dblclick()
    await frame.getByTestId('escalation-result').waitFor()

    const tasks = session.stack.crm.tasks()
    expect(tasks).toHaveLength(1)
    const task = tasks[0] as Record<string, unknown>
    expect(provider.owner(task)).toBe(provider.marcus)
    expect(provider.body(task)).toContain('Reason: Churn risk')
    expect(provider.body(task)).toMatch(/Threatening to leave (<|&lt;)today(>|&gt;)\./)
    expect(session.stack.zendesk.comments(102)).toHaveLength(1)
    expect(session.stack.zendesk.tags(102)).toContain('csm_escalated')
  })

  it('shows the escalation when the escalated ticket is opened again, and takes a follow-up instead of a second task', async () => {
    let frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    // A new tab: no draft or cached lookup, only the ticket's csm_escalated tag and the CRM's task.
    await session.newTab()
    frame = await openTicket(102)
    const result = frame.getByTestId('escalation-result')
    await result.waitFor()
    expect(await result.innerText()).toMatch(/^Escalated to Marcus Oyelaran/)
    expect(await frame.getByRole('button', { name: /Escalate to/ }).count()).toBe(0)
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])

    await frame.getByRole('button', { name: 'Add a follow-up note' }).click()
    await frame.getByLabel('Follow-up for the CSM').fill('They called again.')
    await frame.getByRole('button', { name: 'Send follow-up' }).click()
    await frame.getByTestId('follow-up-sent').waitFor()
    expect(await frame.getByTestId('follow-up-sent').innerText()).toContain(
      'Follow-up sent to Marcus Oyelaran'
    )
    expect(session.stack.crm.tasks()).toHaveLength(1)
    expect(provider.followUps(session.stack.crm.tasks()[0] as Record<string, unknown>)).toContain(
      'They called again.'
    )
  })

  it('lets the agent pick among several matching accounts, remembers the pick, and undoes it', async () => {
    let frame = await openTicket(107)
    const list = frame.getByTestId('candidates')
    await list.waitFor()
    expect(await list.innerText()).toContain('Stark Industries (EMEA)')
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])

    await frame.getByRole('button', { name: 'Use this account: Stark Industries (Americas)' }).click()
    await frame.getByTestId('csm-name').waitFor()
    expect(await cardText(frame)).toContain('Marcus Oyelaran')

    // The next visit opens straight on the pick, saying it was picked.
    frame = await openTicket(107)
    await frame.getByTestId('csm-name').waitFor()
    expect(await frame.getByTestId('matched-by').innerText()).toContain('picked from several matches')
    expect(await axeViolations(await appFrame(session.page), { disableRules: NOT_A_PAGE })).toEqual([])

    await frame.getByRole('button', { name: 'Not this account?' }).click()
    await frame.getByTestId('candidates').waitFor()
    expect(await frame.getByRole('button', { name: /^Use this account: / }).count()).toBe(2)
  })

  it('lists what was tried when the customer is in no account', async () => {
    const frame = await openTicket(106)
    const text = await cardText(frame)
    expect(text).toContain('No matching account')
    expect(text).toContain('Requester email sam@unknown.example: no match')
    expect(text).toContain('Email domain unknown.example: no match')
  })
})
