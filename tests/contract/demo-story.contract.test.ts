import { describe, expect, it } from 'vitest'
import { demoSettings, demoZendeskSeed } from '../../emulators/crm/demo-settings'
import type { ZendeskSeed } from '../../emulators/zendesk/state'
import { createCrm, type Crm } from '../../src/crm/create-connector'
import { zafAdapter } from '../../src/crm/http/zaf-adapter'
import type { CustomerContext } from '../../src/domain/customer'
import type { LookupOutcome } from '../../src/domain/match'
import { parseSettings } from '../../src/settings/app-settings'
import { useContractStack } from '../support/contract-stack'
import { proxyZafClient } from '../support/proxy-zaf-client'

// The README's promise that the demo "tells the same story in all three" CRMs, checked where the
// agent reads it: the real connectors, with exactly the settings and the Zendesk account that
// `npm start -- --crm <provider>` installs, on every demo location, give the same card. And every
// link the card or an escalation offers lands on the emulator's page for that record.
const DIALECTS = ['salesforce', 'hubspot', 'custom'] as const
type Dialect = (typeof DIALECTS)[number]
const stacks = {
  salesforce: useContractStack('salesforce'),
  hubspot: useContractStack('hubspot'),
  custom: useContractStack('custom'),
}

function crmFor(dialect: Dialect): Crm {
  const parsed = parseSettings(demoSettings(dialect, stacks[dialect].crm.url))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return createCrm(parsed.settings, zafAdapter(proxyZafClient(stacks[dialect].zendesk.hostUrl)))
}

/** Each demo location's customer, as the app reads it from the emulated Zendesk in that demo. */
function locations(seed: ZendeskSeed): [string, CustomerContext][] {
  const org = (id: number | null) => {
    const found = seed.organizations.find((candidate) => candidate.id === id)
    return found
      ? { id: found.id, name: found.name, externalId: found.external_id, domains: found.domain_names }
      : null
  }
  const person = (id: number) => {
    const user = seed.users.find((candidate) => candidate.id === id)
    if (!user) throw new Error(`no user ${id}`)
    return {
      requester: { id: user.id, name: user.name, email: user.email },
      organization: org(user.organization_id),
    }
  }
  return [
    ...seed.tickets.map((t): [string, CustomerContext] => [
      `ticket ${t.id}`,
      { requester: person(t.requester_id).requester, organization: org(t.organization_id) },
    ]),
    ...seed.organizations.map((o): [string, CustomerContext] => [
      `organization ${o.id}`,
      { requester: null, organization: org(o.id) },
    ]),
    ...seed.users
      .filter((user) => user.role === 'end-user')
      .map((user): [string, CustomerContext] => [`user ${user.id}`, person(user.id)]),
  ]
}

/** What the card says: the account(s), how it matched, the CSM, or what was looked for in vain. */
function story(outcome: LookupOutcome): unknown {
  switch (outcome.kind) {
    case 'found':
      return {
        found: outcome.account.name,
        matchedBy: outcome.account.matchedBy,
        csm: outcome.account.csm?.name ?? null,
      }
    case 'ambiguous':
      return { pick: outcome.candidates.map((c) => c.name).sort(), by: outcome.strategy }
    case 'not-found':
      return {
        notFound: outcome.tried
          .filter((attempt) => attempt.result !== 'skipped')
          .map((attempt) => `${attempt.strategy} ${attempt.value}`),
      }
  }
}

const salesforceLocations = locations(demoZendeskSeed('salesforce'))

describe('the demo tells the same story in every CRM', () => {
  it.each(salesforceLocations.map(([name]) => name))('%s', async (name) => {
    const stories = await Promise.all(
      DIALECTS.map(async (dialect) => {
        const context = new Map(locations(demoZendeskSeed(dialect))).get(name)
        if (!context) throw new Error(`${name} is missing from the ${dialect} demo`)
        return [dialect, story(await crmFor(dialect).connector.findAccount(context))] as const
      })
    )
    const salesforce = stories[0]?.[1]
    expect(Object.fromEntries(stories)).toEqual({ salesforce, hubspot: salesforce, custom: salesforce })
  })

  it('matches by external ID, by email and by domain, as the README walks through it', async () => {
    const byName = new Map(salesforceLocations)
    const expectations: [string, string][] = [
      ['ticket 101', 'organization-external-id'],
      ['ticket 104', 'organization-external-id'],
      ['ticket 102', 'requester-email'],
      ['ticket 103', 'email-domain'],
      ['organization 9001', 'organization-external-id'],
      ['organization 9003', 'email-domain'],
    ]
    for (const [location, matchedBy] of expectations) {
      const context = byName.get(location)
      if (!context) throw new Error(location)
      expect(story(await crmFor('salesforce').connector.findAccount(context)), location).toMatchObject({
        matchedBy,
      })
    }
    const stark = byName.get('organization 9006')
    if (!stark) throw new Error('organization 9006')
    expect(story(await crmFor('salesforce').connector.findAccount(stark))).toMatchObject({
      pick: ['Stark Industries (Americas)', 'Stark Industries (EMEA)'],
    })
  })
})

describe("the demo's links land on the emulator's page for the record", () => {
  it.each(DIALECTS)(
    '%s: the account link, and the task link with its owner and whole note',
    async (dialect) => {
      const crm = crmFor(dialect)
      const context = new Map(locations(demoZendeskSeed(dialect))).get('ticket 102')
      if (!context) throw new Error('ticket 102')
      const outcome = await crm.connector.findAccount(context)
      const csmId = outcome.kind === 'found' ? outcome.account.csm?.id : null
      if (outcome.kind !== 'found' || !csmId) throw new Error(JSON.stringify(outcome))
      const { account } = outcome
      const emulator = stacks[dialect].crm.url

      expect(account.recordUrl?.startsWith(`${emulator}/`)).toBe(true)
      const accountPage = await (await fetch(account.recordUrl ?? '')).text()
      expect(accountPage).toContain('Globex Corporation')
      expect(accountPage).toContain('Marcus Oyelaran')

      const note = 'Zendesk ticket #102\nReason: Churn risk\nNote: They threaten to leave <today> & mean it.'
      const created = await crm.escalation.createTask({
        key: `zd:successbridge-demo:102:${dialect}`,
        ticketId: 102,
        subject: '[Escalation] #102 Outage: API returning 500 for all requests',
        description: note,
        ownerId: csmId,
        accountId: account.id,
        contactId: account.contactId ?? null,
        priority: 'High',
        dueDate: '2026-12-02',
        afterUnknownOutcome: false,
      })
      if (created.kind !== 'created') throw new Error(JSON.stringify(created))
      await crm.escalation.appendToTask(created.taskId, 'Follow-up: they called again.')

      expect(created.taskUrl?.startsWith(`${emulator}/`)).toBe(true)
      const taskPage = await (await fetch(created.taskUrl ?? '')).text()
      expect(taskPage).toContain('[Escalation] #102 Outage: API returning 500 for all requests')
      expect(taskPage).toMatch(/Marcus Oyelaran/)
      for (const line of note.split('\n')) expect(taskPage).toContain(line)
      expect(taskPage).toContain('Follow-up: they called again.')
    }
  )
})
