import { describe, expect, it } from 'vitest'
import { buildSlackMessage, buildSlackReply, escapeMrkdwn, type SlackMessageInput } from './slack-message'

const input: SlackMessageInput = {
  ticket: { id: 102, subdomain: 'demo', subject: 'Outage in EU', priority: 'urgent' },
  account: { name: 'Globex', healthScore: 38, renewalDate: '2026-12-18' },
  agentName: 'Alex Rivera',
  csmName: 'Marcus Oyelaran',
  reason: 'critical-bug',
  agentNote: 'Their CTO called.\nThey mention other vendors.',
  whyNow: [
    { kind: 'critical-ticket', because: 'urgent' },
    { kind: 'renewal-soon', days: 23 },
  ],
  healthRiskBelow: 50,
  arrText: '$1,250,000',
  today: '2026-11-25',
  task: { id: '00T1', url: 'https://acme.my.salesforce.com/00T1' },
  audience: { kind: 'dm' },
}
const allText = (message: ReturnType<typeof buildSlackMessage>): string => JSON.stringify(message)

describe('buildSlackMessage', () => {
  it('says who, why and where in a direct message, with the account’s numbers and both links', () => {
    const message = buildSlackMessage(input)
    expect(message.text).toBe('Escalation: Globex (Critical bug or outage) from Alex Rivera, ticket #102')
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Escalation: Globex', emoji: false },
    })
    const [, intro, note, whyNow, numbers, divider, links] = message.blocks
    expect(intro).toMatchObject({
      text: {
        text:
          'You have a new escalation from Alex Rivera.\n*Reason:* Critical bug or outage\n' +
          '*Ticket:* <https://demo.zendesk.com/agent/tickets/102|#102 Outage in EU>',
      },
    })
    expect(note).toMatchObject({
      text: { text: "*Agent's note*\n> Their CTO called.\n> They mention other vendors." },
    })
    expect(whyNow).toMatchObject({
      text: { text: '*Why now* (recommended)\n• Urgent ticket\n• Renews in 23 days' },
    })
    expect(numbers).toMatchObject({
      fields: [
        { text: '*Health*\n38 · At risk' },
        { text: '*Renewal*\n2026-12-18 (in 23 days)' },
        { text: '*ARR*\n$1,250,000' },
        { text: '*Priority*\nurgent' },
      ],
    })
    expect(divider).toEqual({ type: 'divider' })
    expect(links).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: '<https://demo.zendesk.com/agent/tickets/102|Open ticket #102> · <https://acme.my.salesforce.com/00T1|Open the CRM task> · Sent by Success Bridge',
        },
      ],
    })
  })

  it('mentions the CSM in a channel, or names them when Slack does not know them', () => {
    const mentioned = buildSlackMessage({ ...input, audience: { kind: 'channel', csmUserId: 'U0MARCUS1' } })
    expect(mentioned.text.startsWith('<@U0MARCUS1> ')).toBe(true)
    expect(allText(mentioned)).toContain('<@U0MARCUS1>, you have a new escalation from Alex Rivera.')
    const named = buildSlackMessage({ ...input, audience: { kind: 'channel', csmUserId: null } })
    expect(allText(named)).toContain(
      'New escalation for Marcus Oyelaran (not found in Slack) from Alex Rivera.'
    )
    expect(allText(named)).not.toContain('<@')
  })

  it('leaves out the note and the Why-now block when there are none, and links the task id without a URL', () => {
    const message = buildSlackMessage({
      ...input,
      agentNote: '  ',
      whyNow: [],
      task: { id: '42', url: null },
    })
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'divider',
      'context',
    ])
    expect(allText(message)).toContain('CRM task 42')
    expect(allText(message)).not.toContain('Why now')
  })

  it('makes customer, agent and CRM text inert: no mention, no channel ping, no injected link', () => {
    const hostile = buildSlackMessage({
      ...input,
      account: { ...input.account, name: '<!channel> Hostile & Co' },
      ticket: { ...input.ticket, subject: 'Help <https://evil.example|click> <@U0DANA001>' },
      agentNote: 'ping <!here> & <#C0GENERAL1>',
      agentName: 'Eve <b>',
      task: { id: 'x', url: 'https://crm.example/t?a=1&b=<2>|x' },
    })
    // Everything Slack reads as mrkdwn: the fallback text and every block but the plain-text header.
    const text = JSON.stringify({ text: hostile.text, blocks: hostile.blocks.slice(1) })
    for (const injected of ['<!channel>', '<!here>', '<@U0DANA001>', '<https://evil', '<#C0GENERAL1>', '<b>'])
      expect(text).not.toContain(injected)
    expect(text).toContain('&lt;!channel&gt; Hostile &amp; Co')
    expect(text).toContain('<https://crm.example/t?a=1&amp;b=&lt;2&gt;%7Cx|Open the CRM task>')
    // The header is plain text, which Slack never reads as markup: the name as it is.
    expect(hostile.blocks[0]).toMatchObject({
      text: { type: 'plain_text', text: 'Escalation: <!channel> Hostile & Co' },
    })
  })

  it('keeps within Block Kit limits: a long subject and note are cut, not refused', () => {
    const message = buildSlackMessage({
      ...input,
      account: { ...input.account, name: 'A'.repeat(400) },
      agentNote: 'word '.repeat(1000),
    })
    const header = message.blocks[0]
    expect(header?.type === 'header' && header.text.text.length).toBe(150)
    for (const block of message.blocks)
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000)
  })
})

describe('buildSlackReply', () => {
  it('says who followed up on which ticket, quotes their words inertly, and stays within limits', () => {
    const reply = buildSlackReply({
      ticket: { id: 102, subdomain: 'demo' },
      agentName: 'Alex <@U0BOSS>',
      note: '  Called again <!channel>\nAsked for a refund  ',
    })
    expect(reply.text).toBe(
      'Follow-up from Alex &lt;@U0BOSS&gt; on ticket #102: Called again &lt;!channel&gt;\nAsked for a refund'
    )
    expect(reply.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            '*Follow-up* from Alex &lt;@U0BOSS&gt; on <https://demo.zendesk.com/agent/tickets/102|ticket #102>',
            '> Called again &lt;!channel&gt;',
            '> Asked for a refund',
          ].join('\n'),
        },
      },
    ])
    const long = buildSlackReply({
      ticket: { id: 1, subdomain: 'demo' },
      agentName: 'A',
      note: 'x'.repeat(9000),
    })
    const block = long.blocks[0]
    expect(block?.type === 'section' && block.text.text.length).toBe(3000)
    expect(long.text.length).toBe(3000)
  })
})

describe('escapeMrkdwn', () => {
  it('escapes exactly the three characters Slack reads as markup', () => {
    expect(escapeMrkdwn('a & b < c > d *e* _f_')).toBe('a &amp; b &lt; c &gt; d *e* _f_')
  })
})
