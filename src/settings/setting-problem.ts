/** What can be wrong with one installation setting; each code has one sentence in translations (`ui.settings.problem.*`). */
export const SETTING_PROBLEMS = [
  'required',
  'unsupported-provider',
  'invalid-url',
  'insecure-url',
  'invalid-field-name',
  'not-a-number',
  'out-of-range',
  'invalid-currency',
  'invalid-user-id',
  'invalid-match-order',
  'invalid-portal-id',
  'invalid-slack-notify',
  'invalid-slack-channel',
  // custom-REST settings (custom_*): `detail` says where inside the JSON
  'invalid-json',
  'invalid-mapping',
  'unknown-variable',
  'missing-mapping',
  'no-dedupe',
  'invalid-header-name',
  'reserved-header',
  'same-header',
  'too-deep',
] as const
export type SettingProblemCode = (typeof SETTING_PROBLEMS)[number]

/** One bad setting: which parameter, and what is wrong with it (never its value, which may be private). */
export interface SettingProblem {
  readonly setting: string
  readonly code: SettingProblemCode
  /** Where inside a structured (JSON) setting the problem is, e.g. `lookup[1].path`; never a value. */
  readonly detail?: string
}
