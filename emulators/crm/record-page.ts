/**
 * The emulator's stand-ins for a CRM's own record pages (where the card's account link and the
 * escalation's "Open task" link land), as plain text: the whole record a CSM would read, owner by
 * name and the full note included. Plain text, so hostile names in the seed are shown, never run.
 */
export interface PageRecord {
  readonly heading: string
  readonly fields: readonly (readonly [label: string, value: unknown])[]
  /** A long text (the task's note), printed in full after the fields. */
  readonly note?: { readonly label: string; readonly text: string }
}

export function recordPage(title: string, records: readonly PageRecord[]): string {
  return [title, '', ...records.flatMap(recordLines)].join('\n')
}

function recordLines(record: PageRecord): string[] {
  const width = Math.max(0, ...record.fields.map(([label]) => label.length))
  return [
    record.heading,
    '-'.repeat(record.heading.length),
    ...record.fields.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${shown(value)}`),
    ...(record.note ? ['', `${record.note.label}:`, record.note.text] : []),
    '',
  ]
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  return String(value)
}
