import type { SlackChannel, SlackUser } from './seed'
import { directChannelId } from './seed'
import type { PostedMessage } from './web-api'

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Text between links: `*bold*` in bold and `>` lines as quotes, as Slack shows them; the rest as text. */
function plainMrkdwn(text: string): string {
  return escapeHtml(decode(text))
    .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
    .split('\n')
    .map((line) =>
      line.startsWith('&#62;') ? `<span class="quote">${line.replace(/^&#62; ?/, '')}</span>` : line
    )
    .join('<br>')
}

/** Slack's mrkdwn, plainly: entities decoded back, `<url|label>` links and `<@U…>` mentions shown. */
function mrkdwnToHtml(text: string, users: readonly SlackUser[]): string {
  const parts = text.split(/(<[^>]+>)/g)
  return parts
    .map((part) => {
      const token = /^<([^>|]+)(?:\|([^>]+))?>$/.exec(part)
      if (!token) return plainMrkdwn(part)
      const [, target = '', label] = token
      if (target.startsWith('@')) {
        const user = users.find((u) => u.id === target.slice(1))
        return `<strong class="mention">@${escapeHtml(user?.realName ?? target.slice(1))}</strong>`
      }
      if (target.startsWith('!')) return `<strong class="mention">@${escapeHtml(target.slice(1))}</strong>`
      return `<a href="${escapeHtml(decode(target))}">${escapeHtml(decode(label ?? target))}</a>`
    })
    .join('')
}
const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

function renderBlock(block: unknown, users: readonly SlackUser[]): string {
  const { type, text, fields, elements } = block as {
    type: string
    text?: { text?: string }
    fields?: { text?: string }[]
    elements?: { text?: string | { text?: string }; url?: string }[]
  }
  const body = (value: string | undefined): string => mrkdwnToHtml(value ?? '', users)
  if (type === 'divider') return '<hr>'
  if (type === 'header') return `<h3>${escapeHtml(text?.text ?? '')}</h3>`
  if (type === 'section') {
    const cells = (fields ?? []).map((field) => `<div class="field">${body(field.text)}</div>`).join('')
    return `<div class="section">${text ? `<p>${body(text.text)}</p>` : ''}${cells ? `<div class="fields">${cells}</div>` : ''}</div>`
  }
  if (type === 'context' || type === 'actions')
    return `<p class="${type}">${(elements ?? [])
      .map((element) =>
        element.url
          ? `<a class="button" href="${escapeHtml(element.url)}">${escapeHtml(typeof element.text === 'object' ? (element.text.text ?? '') : (element.text ?? ''))}</a>`
          : body(typeof element.text === 'object' ? element.text.text : element.text)
      )
      .join(' · ')}</p>`
  return `<pre>${escapeHtml(JSON.stringify(block))}</pre>`
}

/** The workspace's messages as Slack would show them: conversation, author, blocks, thread replies. */
export function renderMessagesPage(
  messages: readonly PostedMessage[],
  users: readonly SlackUser[],
  channels: readonly SlackChannel[]
): string {
  const conversationName = (id: string): string => {
    const user = users.find((u) => directChannelId(u.id) === id)
    if (user) return `Direct message: Success Bridge ↔ ${user.realName}`
    return `#${channels.find((c) => c.id === id)?.name ?? id}`
  }
  const render = (message: PostedMessage): string => {
    const replies = messages.filter(
      (reply) => reply.threadTs === message.ts && reply.channel === message.channel
    )
    const content = message.blocks
      ? message.blocks.map((block) => renderBlock(block, users)).join('')
      : `<p>${mrkdwnToHtml(message.text, users)}</p>`
    return `<article class="message" id="p${message.ts.replace('.', '')}" data-channel="${escapeHtml(message.channel)}">
<header><strong>${escapeHtml(message.botName)}</strong> <span class="app">APP</span> <time datetime="${new Date(Number(message.ts) * 1000).toISOString()}" title="ts ${escapeHtml(message.ts)}">${new Date(Number(message.ts) * 1000).toISOString().slice(11, 16)} UTC</time></header>
${content}
${replies.length ? `<div class="thread"><p>${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}</p>${replies.map(render).join('')}</div>` : ''}
</article>`
  }
  const byChannel = new Map<string, PostedMessage[]>()
  for (const message of messages.filter((m) => !m.threadTs))
    byChannel.set(message.channel, [...(byChannel.get(message.channel) ?? []), message])
  const sections = [...byChannel]
    .map(
      ([channel, list]) =>
        `<section><h2>${escapeHtml(conversationName(channel))}</h2>${list.map(render).join('')}</section>`
    )
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Slack (emulated)</title><style>
body{font:15px/1.45 system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem;color:#1d1c1d}
.message{border-bottom:1px solid #ddd;padding:.6rem 0}.app{font-size:.7rem;background:#eee;padding:0 .3rem}
time{color:#616061;font-size:.8rem}.fields{display:grid;grid-template-columns:1fr 1fr;gap:.3rem}
.context{color:#616061;font-size:.85rem}.thread{margin-left:1.5rem;border-left:3px solid #ddd;padding-left:.7rem}
.mention{background:#e8f5fa;color:#1264a3}.quote{display:inline-block;border-left:3px solid #ddd;padding-left:.5rem}.button{border:1px solid #bbb;border-radius:4px;padding:.1rem .5rem}
</style></head><body><h1>Slack (emulated workspace)</h1>
${sections || '<p>No messages yet. Escalate a ticket with Slack on.</p>'}
</body></html>`
}
