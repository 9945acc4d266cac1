/**
 * HubSpot task bodies are HTML. Our note is plain text written from ticket data (names, subjects:
 * hostile input), so it is escaped and its lines become `<br>`; reading back reverses that.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function toTaskBody(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char).replace(/\r?\n/g, '<br>')
}

export function fromTaskBody(html: string | null): string {
  if (!html) return ''
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(amp|lt|gt|quot|#39|nbsp);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[name] ?? ''
    )
}
