/** How a copy ended: on the clipboard, or the text selected for the agent to copy themselves. */
export type CopyResult = 'copied' | 'selected' | 'failed'

/**
 * Copies `text`, trying what works where the app runs. Zendesk's app iframe is cross-origin, and
 * whether Zendesk grants it `clipboard-write` is not documented; Chromium then refuses the
 * Clipboard API. The older `execCommand('copy')` on a selected field is not gated by that policy
 * (it needs the click's user activation, which a button press gives). Where both fail, the text
 * on the card (`select`) is selected, so Ctrl+C or ⌘C copies it.
 */
export async function copyText(text: string, select: HTMLElement | null): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    // Blocked by the frame's permissions policy, or no Clipboard API: try the next way.
  }
  if (copyWithSelection(text)) return 'copied'
  if (!select) return 'failed'
  const selection = window.getSelection()
  selection?.selectAllChildren(select)
  return selection && selection.toString() !== '' ? 'selected' : 'failed'
}

function copyWithSelection(text: string): boolean {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const field = document.createElement('textarea')
  field.value = text
  field.readOnly = true
  // Off screen and out of the reading order; it lives only for this call.
  field.setAttribute('aria-hidden', 'true')
  field.style.position = 'fixed'
  field.style.insetInlineStart = '-9999px'
  document.body.append(field)
  field.select()
  let copied = false
  try {
    // Deprecated, but the one copy path a cross-origin iframe without clipboard-write still has.
    copied = document.execCommand('copy')
  } catch {
    copied = false
  } finally {
    field.remove()
    // Selecting the field took the keyboard from the Copy button; give it back.
    active?.focus()
  }
  return copied
}
