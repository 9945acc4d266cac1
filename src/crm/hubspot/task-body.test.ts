import { describe, expect, it } from 'vitest'
import { escalatedByFromNote } from '../../domain/escalation'
import { fromTaskBody, toTaskBody } from './task-body'

describe('task body', () => {
  it('escapes hostile ticket text and keeps line breaks as <br>', () => {
    const body = toTaskBody(`Subject: <script>alert("x")</script> & co\nEscalated by: Mallory O'Brien`)
    expect(body).toBe(
      'Subject: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co<br>Escalated by: Mallory O&#39;Brien'
    )
    expect(body).not.toContain('<script')
  })

  it('reads back the plain text, so the escalating agent can be named', () => {
    const text = `Ticket #7\nEscalated by: Alex <Rivera>\n\nNote: 5 > 3`
    expect(fromTaskBody(toTaskBody(text))).toBe(text)
    expect(escalatedByFromNote(fromTaskBody(`<p>Ticket</p><p>Escalated by: Sam</p>`))).toBe('Sam')
  })
})
