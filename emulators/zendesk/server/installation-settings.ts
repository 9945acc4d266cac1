import type { AppManifest } from './app-manifest'

export type SettingValue = string | number | boolean

/**
 * The installation's settings as Zendesk holds them: what the admin entered, with manifest defaults
 * for parameters left empty. `public` is what the iframe may see (metadata.settings): every secure
 * parameter is dropped. `secretValues` lets the proxy scrub secrets from anything it reports.
 */
export interface InstallationSettings {
  readonly all: Readonly<Record<string, SettingValue>>
  readonly public: Readonly<Record<string, SettingValue>>
  readonly secretValues: readonly string[]
}

export function installationSettings(
  manifest: Pick<AppManifest, 'parameters'>,
  entered: Readonly<Record<string, SettingValue>>
): InstallationSettings {
  const all: Record<string, SettingValue> = {}
  for (const [name, rule] of manifest.parameters)
    if (rule.defaultValue !== undefined) all[name] = rule.defaultValue
  Object.assign(all, entered)
  // An oauth parameter holds no value an admin enters: Zendesk keeps the token itself. The iframe
  // sees the parameter's name with an empty value (what real metadata shows there: unconfirmed).
  for (const [name, rule] of manifest.parameters) if (rule.type === 'oauth') all[name] = ''
  const isSecure = (name: string): boolean => manifest.parameters.get(name)?.secure === true
  return {
    all,
    public: Object.fromEntries(Object.entries(all).filter(([name]) => !isSecure(name))),
    secretValues: Object.entries(all)
      .filter(([name, value]) => isSecure(name) && String(value) !== '')
      .map(([, value]) => String(value)),
  }
}

/** Replaces every secret value in `text`: for error messages and logs that might echo a URL or host. */
export function redactSecrets(text: string, secretValues: readonly string[]): string {
  return secretValues.reduce((result, secret) => result.split(secret).join('[secure setting]'), text)
}
