/** A setting's value as trimmed text; Zendesk sends unset settings as undefined or null. */
export function settingText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).trim()
}
