/**
 * One problem the validator found, shaped like a line of Zendesk's upload check: a stable rule id
 * (so tests and CI can name it), a severity (errors block the upload, warnings are advice), the
 * file it is about (relative to the package root) and a message in Zendesk's wording.
 */
export type Severity = 'error' | 'warning'

export interface Finding {
  readonly rule: string
  readonly severity: Severity
  readonly file: string
  readonly message: string
  /**
   * Context Zendesk does not give: for a warning that only bundled libraries cause, which library
   * and why the string is harmless; for a file the check skipped, why.
   */
  readonly note?: string
}

export const error = (rule: string, file: string, message: string): Finding => ({
  rule,
  severity: 'error',
  file,
  message,
})
export const warning = (rule: string, file: string, message: string, note?: string): Finding => ({
  rule,
  severity: 'warning',
  file,
  message,
  ...(note === undefined ? {} : { note }),
})

/** Zendesk renders values in messages the way Ruby's `inspect`-free interpolation does: strings bare, the rest as JSON. */
export const shown = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
