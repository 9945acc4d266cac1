export interface ParameterRule {
  readonly secure: boolean
  readonly scopes: readonly string[]
}

export class UnknownSettingError extends Error {
  constructor(readonly setting: string) {
    super(`unknown setting ${setting}`)
  }
}

export type Place = 'header' | 'body' | 'url'

/**
 * Replaces `{{setting.name}}` in one part of a request. Non-secure settings go anywhere; secure
 * ones only when the request is secure and the parameter's scopes include this place, as the
 * Zendesk proxy does. Returns the text and whether a secure value was inserted.
 */
export function substituteSettings(
  text: string,
  place: Place,
  secureRequest: boolean,
  settings: Readonly<Record<string, string | number | boolean>>,
  parameters: Readonly<Record<string, ParameterRule>>
): { text: string; substitutedSecure: boolean } {
  let substitutedSecure = false
  const result = text.replace(/\{\{\s*setting\.(\w+)\s*\}\}/g, (whole, name: string) => {
    const rule = parameters[name]
    if (!rule && !(name in settings)) throw new UnknownSettingError(name)
    if (rule?.secure) {
      if (!secureRequest || !rule.scopes.includes(place)) return whole
      substitutedSecure = true
    }
    return String(settings[name] ?? '')
  })
  return { text: result, substitutedSecure }
}
