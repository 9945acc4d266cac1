import { describe, expect, it } from 'vitest'
import { loadDefaultSeed } from '../../emulators/zendesk/state'
import { useAgentSession } from '../support/agent-session'
import { DEMO_TOKEN } from '../support/local-stack'

// Ticket text must reach the CRM as the customer wrote it, never as a proxy placeholder, and a
// ticket whose escalation the CSM closed can be escalated again under its own key.
const seed = loadDefaultSeed()
const hostile = 'Outage {{setting.crm_base_url}} and {{setting.nope}}'
describe('escalation text and sequence', () => {
  // Each describe has its own session, so one's hooks never run around the other's tests.
  const session = useAgentSession({
    settings: { field_escalation_external_id: 'Zendesk_Escalation_Key__c' },
    seed: { ...seed, tickets: seed.tickets.map((t) => (t.id === 103 ? { ...t, subject: hostile } : t)) },
  })

  async function openTicket(id: number) {
    await session.page.goto(session.stack.zendesk.ticketUrl(id))
    const frame = session.app()
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    return frame
  }

  it('sends placeholder syntax in a ticket subject and note as text, which the proxy leaves alone', async () => {
    const frame = await openTicket(103)
    await frame
      .getByLabel('What the CSM should know')
      .fill('They wrote {{setting.crm_api_token}} in the form')
    await frame.getByRole('button', { name: /^Escalate to/ }).click()
    await frame.getByTestId('escalation-result').waitFor()

    const [task] = session.stack.crm.tasks()
    const visible = (value: unknown): string => String(value).replaceAll('\u200B', '')
    expect(visible(task?.['Subject'])).toBe(`[Escalation] #103 ${hostile}`)
    expect(visible(task?.['Description'])).toContain('They wrote {{setting.crm_api_token}} in the form')
    expect(JSON.stringify(task)).not.toContain(session.stack.crm.url)
    expect(JSON.stringify(task)).not.toContain(DEMO_TOKEN)
    expect(session.stack.zendesk.tags(103)).toContain('csm_escalated')
  })

  it('offers "Escalate again" only once the CSM closed the task, and gives the next escalation its own key', async () => {
    let frame = await openTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    frame = await openTicket(102)
    await frame.getByTestId('escalation-result').waitFor()
    expect(await frame.getByTestId('escalate-again').count()).toBe(0)

    const first = session.stack.crm.tasks()[0]
    const closed = await fetch(
      `${session.stack.crm.url}/services/data/v62.0/sobjects/Task/${String(first?.['Id'])}`,
      {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${DEMO_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Status: 'Completed' }),
      }
    )
    expect(closed.status).toBe(204)

    // A new tab: the lookup of the last five minutes is not reused (Refresh would do the same).
    await session.newTab()
    frame = await openTicket(102)
    expect(await frame.getByTestId('escalation-result').innerText()).toContain('The CSM has closed it.')
    await frame.getByTestId('escalate-again').click()
    await frame.getByLabel('What the CSM should know').fill('It is back')
    await frame.getByRole('button', { name: 'Escalate again to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    const tasks = session.stack.crm.tasks()
    expect(tasks.map((task) => task['Zendesk_Escalation_Key__c'])).toEqual([
      'zd:successbridge-demo:102',
      'zd:successbridge-demo:102:2',
    ])
    expect(String(tasks[1]?.['Description'])).toContain('It is back')
    expect(session.stack.zendesk.tags(102)).toEqual(
      expect.arrayContaining(['csm_escalated', 'csm_escalation_2'])
    )
    expect(session.stack.zendesk.tags(102).filter((tag) => tag.startsWith('csm_escalation_claim'))).toEqual(
      []
    )
    expect(session.stack.zendesk.comments(102).filter((c) => c.body.startsWith('Escalated to'))).toHaveLength(
      2
    )
  })
})

describe('escalating again with the custom REST CRM', () => {
  const custom = useAgentSession({ crm: { dialect: 'custom' } })

  async function openCustomTicket(id: number) {
    await custom.page.goto(custom.stack.zendesk.ticketUrl(id))
    const frame = custom.app()
    await frame.getByTestId('csm-name').waitFor({ timeout: 15_000 })
    return frame
  }

  it('offers "Escalate again" once the task’s status is one the settings list as closed', async () => {
    let frame = await openCustomTicket(102)
    await frame.getByRole('button', { name: 'Escalate to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    await custom.newTab()
    frame = await openCustomTicket(102)
    await frame.getByTestId('escalation-result').waitFor()
    expect(await frame.getByTestId('escalate-again').count()).toBe(0)

    const [first] = custom.stack.crm.tasks()
    const closed = await fetch(`${custom.stack.crm.url}/api/v1/tasks/${String(first?.['id'])}`, {
      method: 'PATCH',
      headers: { 'X-Api-Key': DEMO_TOKEN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'done' }),
    })
    expect(closed.status).toBe(200)

    await custom.newTab()
    frame = await openCustomTicket(102)
    expect(await frame.getByTestId('escalation-result').innerText()).toContain('The CSM has closed it.')
    await frame.getByTestId('escalate-again').click()
    await frame.getByLabel('What the CSM should know').fill('It is back')
    await frame.getByRole('button', { name: 'Escalate again to Marcus Oyelaran' }).click()
    await frame.getByTestId('escalation-result').waitFor()

    const tasks = custom.stack.crm.tasks()
    expect(tasks.map((task) => task['external_key'])).toEqual([
      'zd:successbridge-demo:102',
      'zd:successbridge-demo:102:2',
    ])
    expect(String(tasks[1]?.['body'])).toContain('It is back')
    expect(custom.stack.zendesk.tags(102)).toEqual(
      expect.arrayContaining(['csm_escalated', 'csm_escalation_2'])
    )
    expect(custom.stack.zendesk.comments(102).filter((c) => c.body.startsWith('Escalated to'))).toHaveLength(
      2
    )
  })
})
