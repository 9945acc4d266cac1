import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSlackEmulator, type SlackEmulator } from '../../emulators/slack/create-slack-emulator'
import { DEMO_SLACK_TOKEN } from '../../emulators/slack/seed'
import { startZendeskEmulator, type ZendeskEmulator } from '../../emulators/zendesk/create-zendesk-emulator'
import type { SlackPort } from '../../src/domain/ports'
import { sendSlackMessage } from '../../src/domain/send-slack-message'
import { isSlackError } from '../../src/domain/slack-error'
import type { SlackMessage } from '../../src/domain/slack-message'
import { createSlackWebApi } from '../../src/slack/slack-web-api'
import { withInertPlaceholders } from '../../src/zendesk/inert-placeholders'
import { proxyZafClient } from '../support/proxy-zaf-client'

// The Slack adapter over real HTTP: the app's own request options, through the emulated Zendesk
// proxy (which inserts the secure token and checks slack.com against the manifest's whitelist), to
// the Slack emulator speaking Slack's wire format, for every answer and fault the app must read.
let slack: SlackEmulator
let zendesk: ZendeskEmulator
let tokenless: ZendeskEmulator
let appDir: string
let api: SlackPort

const message: SlackMessage = {
  text: 'Escalation: Globex',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Globex* needs you' } }],
}

beforeAll(async () => {
  slack = await startSlackEmulator()
  appDir = mkdtempSync(join(tmpdir(), 'sb-slack-contract-'))
  copyFileSync(resolve(import.meta.dirname, '../../manifest.json'), join(appDir, 'manifest.json'))
  const base = {
    crm_provider: 'salesforce',
    crm_base_url: 'https://acme.my.salesforce.com',
    crm_api_token: 'x',
  }
  zendesk = await startZendeskEmulator({
    appDir,
    settings: { ...base, slack_bot_token: DEMO_SLACK_TOKEN },
    upstreams: { 'slack.com': slack.url },
  })
  // An installation that never set a bot token.
  tokenless = await startZendeskEmulator({ appDir, settings: base, upstreams: { 'slack.com': slack.url } })
  api = createSlackWebApi(withInertPlaceholders(proxyZafClient(zendesk.hostUrl)))
})
afterAll(async () => {
  await Promise.all([zendesk.close(), tokenless.close(), slack.close()])
  rmSync(appDir, { recursive: true, force: true })
})
beforeEach(() => slack.reset())

async function failure(
  promise: Promise<unknown>
): Promise<{ kind: string; details: Record<string, unknown> }> {
  try {
    await promise
  } catch (error) {
    if (isSlackError(error)) return { kind: error.kind, details: { ...error.details } }
    throw error
  }
  throw new Error('expected a SlackError')
}

describe('Slack Web API through the Zendesk proxy', () => {
  it('finds the CSM by email and posts a Block Kit DM to their user id; the token goes in only at the proxy', async () => {
    expect(await api.userIdByEmail('marcus.oyelaran@successbridge.example')).toBe('U0MARCUS1')
    const posted = await api.postMessage('U0MARCUS1', message)
    expect(posted.channel).toBe('D0MARCUS1')
    expect(await api.permalink(posted.channel, posted.ts)).toBe(
      `${slack.url}/archives/D0MARCUS1/p${posted.ts.replace('.', '')}`
    )
    expect(slack.messages()).toMatchObject([
      { channel: 'D0MARCUS1', text: message.text, blocks: message.blocks },
    ])
    expect(slack.calls().map((call) => [call.httpMethod, call.method, call.contentType])).toEqual([
      ['GET', 'users.lookupByEmail', ''],
      ['POST', 'chat.postMessage', 'application/json; charset=utf-8'],
      ['GET', 'chat.getPermalink', ''],
    ])
    const log = zendesk.proxyLog()
    expect(log.map((entry) => [entry.host, entry.secure, entry.substituted])).toEqual([
      ['slack.com', true, true],
      ['slack.com', true, true],
      ['slack.com', true, true],
    ])
    expect(JSON.stringify(log)).not.toContain(DEMO_SLACK_TOKEN)
  })

  it('reads users_not_found as no user, not as a failure', async () => {
    expect(await api.userIdByEmail('new.hire@successbridge.example')).toBeNull()
  })

  it('keeps placeholder text from a ticket inert: the token never lands in a message', async () => {
    await api.postMessage('C0CSESCAL1', { text: 'Subject {{setting.slack_bot_token}}', blocks: [] })
    expect(slack.messages()[0]?.text).toBe('Subject {\u200B{setting.slack_bot_token}}')
  })

  it.each([
    ['invalid_auth', 'unauthorized'],
    ['token_revoked', 'unauthorized'],
    ['channel_not_found', 'channel-not-found'],
    ['not_in_channel', 'not-in-channel'],
    ['msg_too_long', 'rejected'],
    ['invalid_blocks', 'rejected'],
    ['fatal_error', 'unavailable'],
  ])('reads Slack’s HTTP 200 %s as %s, answered (nothing was posted)', async (code, kind) => {
    slack.addFault({ kind: 'error', error: code, method: 'chat.postMessage' })
    expect(await failure(api.postMessage('U0MARCUS1', message))).toEqual({
      kind,
      details: { code, answered: true },
    })
  })

  it('reads the emulator’s own refusals of a real request: channel, membership, size and blocks', async () => {
    const code = async (channel: string, body: SlackMessage) =>
      (await failure(api.postMessage(channel, body))).details['code']
    expect(await code('C0NOPE', message)).toBe('channel_not_found')
    expect(await code('C0GENERAL1', message)).toBe('not_in_channel')
    expect(await code('C0CSESCAL1', { text: 'x'.repeat(40_001), blocks: [] })).toBe('msg_too_long')
    const badBlocks = [{ type: 'nonsense' }] as unknown as SlackMessage['blocks']
    expect(await code('C0CSESCAL1', { text: 'x', blocks: badBlocks })).toBe('invalid_blocks')
    slack.revokeToken()
    expect(await code('U0MARCUS1', message)).toBe('token_revoked')
    expect(slack.messages()).toEqual([])
  })

  it('reads missing_scope with the scope Slack says is needed', async () => {
    slack.setScopes(['chat:write'])
    expect(await failure(api.userIdByEmail('marcus.oyelaran@successbridge.example'))).toEqual({
      kind: 'missing-scope',
      details: { code: 'missing_scope', scope: 'users:read.email', answered: true },
    })
  })

  it('reads 429 with Retry-After as rate-limited, answered', async () => {
    slack.addFault({ kind: 'rate-limited', retryAfterSeconds: 7, method: 'chat.postMessage' })
    expect(await failure(api.postMessage('U0MARCUS1', message))).toEqual({
      kind: 'rate-limited',
      details: { code: 'ratelimited', retryAfterMs: 7000, answered: true },
    })
  })

  it('reads a 500 and a lost answer as unavailable and not answered: the message may exist', async () => {
    slack.addFault({ kind: 'server-error', method: 'chat.postMessage' })
    expect(await failure(api.postMessage('U0MARCUS1', message))).toMatchObject({
      kind: 'unavailable',
      details: { answered: false },
    })
    slack.addFault({ kind: 'lose-answer', method: 'chat.postMessage' })
    expect(await failure(api.postMessage('U0MARCUS1', message))).toMatchObject({
      kind: 'unavailable',
      details: { answered: false },
    })
    expect(slack.messages()).toHaveLength(1)
  })

  it('without a bot token Slack answers not_authed, which the card reports as Slack not set up', async () => {
    const unset = createSlackWebApi(withInertPlaceholders(proxyZafClient(tokenless.hostUrl)))
    expect(await failure(unset.userIdByEmail('marcus.oyelaran@successbridge.example'))).toMatchObject({
      kind: 'not-configured',
    })
    const delivery = {
      csmEmail: 'marcus.oyelaran@successbridge.example',
      message: {
        ticket: { id: 102, subdomain: 'demo', subject: 'Outage', priority: 'urgent' },
        account: { name: 'Globex', healthScore: 38, renewalDate: null },
        agentName: 'Alex',
        csmName: 'Marcus',
        reason: 'critical-bug' as const,
        agentNote: '',
        whyNow: [],
        healthRiskBelow: 50,
        arrText: null,
        today: '2026-11-25',
        task: { id: '00T1', url: null },
      },
    }
    const routing = { notify: 'dm' as const, channel: null }
    expect(await sendSlackMessage(delivery, { port: unset, routing })).toEqual({
      state: 'not-sent',
      kind: 'not-configured',
      detail: 'not_authed',
    })
    // With the token, the same delivery reaches Marcus once.
    expect(await sendSlackMessage(delivery, { port: api, routing })).toMatchObject({
      state: 'sent',
      to: 'dm',
    })
    expect(slack.messages()).toHaveLength(1)
  })
})
