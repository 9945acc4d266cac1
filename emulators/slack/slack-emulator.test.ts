import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSlackEmulator, type SlackEmulator } from './create-slack-emulator'
import { DEMO_SLACK_TOKEN } from './seed'

let slack: SlackEmulator
beforeAll(async () => {
  slack = await startSlackEmulator()
})
afterAll(() => slack.close())
beforeEach(() => slack.reset())

const bearer = { Authorization: `Bearer ${DEMO_SLACK_TOKEN}` }
async function call(
  method: string,
  init: RequestInit = {}
): Promise<{
  status: number // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Slack's answers, asserted field by field
  body: any
  headers: Headers
}> {
  const response = await fetch(`${slack.apiUrl}/${method}`, init)
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers }
}
const postJson = (method: string, body: unknown, headers: Record<string, string> = bearer) =>
  call(method, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  })

describe('Slack Web API emulator', () => {
  it('finds a demo CSM by email (GET query, Bearer header)', async () => {
    const { status, body } = await call('users.lookupByEmail?email=Priya.Raman%40successbridge.example', {
      headers: bearer,
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({ ok: true, user: { id: 'U0PRIYA01', real_name: 'Priya Raman' } })
  })

  it('answers users_not_found as HTTP 200 with ok false', async () => {
    const { status, body } = await call('users.lookupByEmail?email=nobody%40example.com', { headers: bearer })
    expect(status).toBe(200)
    expect(body).toEqual({ ok: false, error: 'users_not_found' })
  })

  it('tells a missing token (not_authed), a wrong one (invalid_auth) and a revoked one apart', async () => {
    expect((await postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'x' }, {})).body.error).toBe(
      'not_authed'
    )
    expect(
      (
        await postJson(
          'chat.postMessage',
          { channel: 'U0PRIYA01', text: 'x' },
          { Authorization: 'Bearer xoxb-wrong' }
        )
      ).body.error
    ).toBe('invalid_auth')
    // A JSON body may not carry the token itself.
    expect(
      (await postJson('chat.postMessage', { token: DEMO_SLACK_TOKEN, channel: 'U0PRIYA01', text: 'x' }, {}))
        .body.error
    ).toBe('not_authed')
    slack.revokeToken()
    expect((await postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'x' })).body.error).toBe(
      'token_revoked'
    )
    expect(slack.messages()).toEqual([])
  })

  it('posts to a user id in the app DM (a D… channel) and gives a permalink to it', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* &lt;b&gt;' } }]
    const posted = await postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'Escalation', blocks })
    expect(posted.body).toMatchObject({ ok: true, channel: 'D0PRIYA01' })
    expect(posted.body.ts).toMatch(/^\d+\.\d{6}$/)
    const link = await call(`chat.getPermalink?channel=D0PRIYA01&message_ts=${posted.body.ts}`, {
      headers: bearer,
    })
    expect(link.body).toEqual({
      ok: true,
      channel: 'D0PRIYA01',
      permalink: `${slack.url}/archives/D0PRIYA01/p${posted.body.ts.replace('.', '')}`,
    })
    expect(slack.messages()).toMatchObject([{ channel: 'D0PRIYA01', text: 'Escalation', blocks }])
    const page = await (await fetch(slack.url)).text()
    expect(page).toContain('Direct message: Success Bridge ↔ Priya Raman')
    expect(page).toContain('&#60;b&#62;')
    // As Slack shows mrkdwn: bold in bold, a time instead of the raw ts.
    expect(page).toContain('<strong>Acme</strong>')
    expect(page).toMatch(/<time datetime="[^"]+Z" title="ts \d+\.\d{6}">\d\d:\d\d UTC<\/time>/)
  })

  it('accepts form posts, as Slack SDKs send them', async () => {
    const posted = await call('chat.postMessage', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: DEMO_SLACK_TOKEN, channel: 'C0CSESCAL1', text: 'hi <@U0DANA001>' }),
    })
    expect(posted.body).toMatchObject({ ok: true, channel: 'C0CSESCAL1' })
  })

  it('refuses unknown channels, channels without the bot, long text and bad blocks', async () => {
    expect((await postJson('chat.postMessage', { channel: 'C0NOPE', text: 'x' })).body.error).toBe(
      'channel_not_found'
    )
    expect((await postJson('chat.postMessage', { channel: 'C0GENERAL1', text: 'x' })).body.error).toBe(
      'not_in_channel'
    )
    expect(
      (await postJson('chat.postMessage', { channel: 'C0CSESCAL1', text: 'x'.repeat(40_001) })).body.error
    ).toBe('msg_too_long')
    expect(
      (
        await postJson('chat.postMessage', {
          channel: 'C0CSESCAL1',
          text: 'x',
          blocks: [{ type: 'nonsense' }],
        })
      ).body.error
    ).toBe('invalid_blocks')
    expect(slack.messages()).toEqual([])
  })

  it('answers missing_scope with the scope needed and the scopes provided', async () => {
    slack.setScopes(['chat:write'])
    const { body } = await call('users.lookupByEmail?email=priya.raman%40successbridge.example', {
      headers: bearer,
    })
    expect(body).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'users:read.email',
      provided: 'chat:write',
    })
  })

  it('plays faults: 429 with Retry-After, a forced error, a lost answer after posting', async () => {
    slack.addFault({ kind: 'rate-limited', retryAfterSeconds: 7, method: 'chat.postMessage' })
    const limited = await postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'x' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.body).toEqual({ ok: false, error: 'ratelimited' })

    slack.addFault({ kind: 'error', error: 'fatal_error' })
    expect((await postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'x' })).body.error).toBe(
      'fatal_error'
    )

    slack.addFault({ kind: 'lose-answer', method: 'chat.postMessage' })
    await expect(postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'lost' })).rejects.toThrow()
    expect(slack.messages().map((m) => m.text)).toEqual(['lost'])
    expect(slack.calls().map((c) => c.outcome)).toEqual(['ratelimited', 'fatal_error', 'ok'])
  })

  it('threads a reply under its parent, and refuses an unknown parent', async () => {
    const parent = await postJson('chat.postMessage', { channel: 'U0PRIYA01', text: 'parent' })
    const reply = await postJson('chat.postMessage', {
      channel: 'D0PRIYA01',
      text: 'reply',
      thread_ts: parent.body.ts,
    })
    expect(reply.body.ok).toBe(true)
    const link = await fetch(
      `${slack.url}/api/chat.getPermalink?channel=D0PRIYA01&message_ts=${String(reply.body.ts)}`,
      { headers: bearer }
    )
    expect(((await link.json()) as { permalink: string }).permalink).toBe(
      `${slack.url}/archives/D0PRIYA01/p${String(reply.body.ts).replace('.', '')}?thread_ts=${String(parent.body.ts)}&cid=D0PRIYA01`
    )
    expect(
      (await postJson('chat.postMessage', { channel: 'D0PRIYA01', text: 'x', thread_ts: '1.000009' })).body
        .error
    ).toBe('thread_not_found')
    expect(await (await fetch(slack.url)).text()).toContain('1 reply')
  })

  it('takes faults over its control plane and never records the token', async () => {
    const response = await fetch(`${slack.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'error', error: 'channel_not_found', method: 'chat.postMessage' }),
    })
    expect(response.status).toBe(204)
    await call('chat.postMessage', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: DEMO_SLACK_TOKEN, channel: 'U0PRIYA01', text: 'x' }),
    })
    const calls = await (await fetch(`${slack.url}/__emulator/calls`)).json()
    expect(calls).toMatchObject([{ method: 'chat.postMessage', outcome: 'channel_not_found' }])
    expect(JSON.stringify(calls)).not.toContain(DEMO_SLACK_TOKEN)
  })
})
