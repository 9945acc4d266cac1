import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { CustomerContext } from '../../domain/customer'
import type { CrmConnector } from '../../domain/ports'
import { SLACK_ERROR_KINDS } from '../../domain/slack-error'
import type { SlackOutcome } from '../../domain/slack-step'
import { renderWithServices, TestTicket } from '../../test-support/render-card'
import { FollowerView } from './follower-view'
import { SlackOutcomeView } from './slack-outcome-view'
import type { EscalationState } from './use-escalation'

// The card's Slack and follower lines in English, for every outcome: each says what happened in a
// sentence from the translations (a missing key would show as the key itself).
const noCrm: CrmConnector = { findAccount: () => Promise.reject(new Error('never asked')) }
const customer: CustomerContext = {
  requester: null,
  organization: null,
  ticket: { id: 102, subdomain: 'demo' },
}
const delivery = { csmEmail: 'marcus@x.example', message: {} } as Extract<
  EscalationState,
  { status: 'done' }
>['slackRetry']

function done(slack: SlackOutcome, retry = slack.state === 'not-sent' || slack.state === 'unknown') {
  return {
    status: 'done',
    ownerName: 'Marcus Oyelaran',
    taskId: 'T1',
    taskUrl: null,
    slack,
    slackRetry: retry ? delivery : null,
    resending: false,
    follower: 'added',
  } as const
}

function show(node: React.ReactElement) {
  return renderWithServices(node, noCrm, new TestTicket(customer))
}

describe('SlackOutcomeView', () => {
  it('says where the message went and links it', async () => {
    show(
      <SlackOutcomeView
        state={done({
          state: 'sent',
          to: 'dm',
          channel: 'D1',
          ts: '1.2',
          permalink: 'https://x.slack.com/p1',
        })}
        sendAgain={() => undefined}
      />
    )
    expect(await screen.findByText(/Slack message sent to Marcus Oyelaran\./)).toBeTruthy()
    expect(screen.getByRole('link', { name: /Open in Slack/ }).getAttribute('href')).toBe(
      'https://x.slack.com/p1'
    )
    expect(screen.queryByRole('button')).toBeNull()
  })

  it.each(SLACK_ERROR_KINDS)('has a sentence for %s and offers Send again', async (kind) => {
    const sendAgain = vi.fn()
    show(
      <SlackOutcomeView
        state={done({ state: 'not-sent', kind, detail: 'chat:write' })}
        sendAgain={sendAgain}
      />
    )
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^Task created, Slack message not sent: .+\./)
    expect(alert.textContent).not.toContain('ui.escalation')
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }))
    expect(sendAgain).toHaveBeenCalledTimes(1)
  })

  it('says why a lost answer was not resent, and leaves Send again to the agent', async () => {
    show(<SlackOutcomeView state={done({ state: 'unknown' })} sendAgain={() => undefined} />)
    expect((await screen.findByRole('alert')).textContent).toContain('It was not sent again by itself')
    expect(screen.getByRole('button', { name: 'Send again' })).toBeTruthy()
  })

  it('shows nothing when Slack is off, and the follower line for each outcome', async () => {
    const { container } = show(
      <>
        <SlackOutcomeView state={done({ state: 'off' })} sendAgain={() => undefined} />
        <FollowerView follower="not-a-user" name="Dana Whitfield" />
      </>
    )
    expect(
      await screen.findByText('Dana Whitfield was not added as a follower: no Zendesk agent has their email.')
    ).toBeTruthy()
    expect(container.querySelector('[data-testid="escalation-slack"]')).toBeNull()
  })
})
