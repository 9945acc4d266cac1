import { error, shown, warning, type Finding } from '../finding'
import { MANIFEST, parametersOf, type Rule } from '../rule-context'

/** docs/zendesk-platform.md §2: the types Zendesk accepts. `password` is refused (use `secure: true`), `mtls` is gated. */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']

/** docs/zendesk-platform.md §2, ZAS `SECURE_PARAM_SCOPES`: where the proxy may substitute a secure setting. */
export const SECURE_PARAM_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
]

/** ZAS SecureSettings: names that look like credentials (`/token|key|pwd|password/i`) on text parameters. */
const SECURABLE_NAME = /token|key|pwd|password/i

const SCOPES_LINK =
  'https://developer.zendesk.com/documentation/apps/getting-started/setting-up-new-apps/#scopes'
const SECURE_SETTINGS_LINK =
  'https://developer.zendesk.com/apps/docs/developer-guide/using_sdk#using-secure-settings'

/**
 * `parameters` (the installation settings): names, types, booleans, hidden/required, oauth, and the
 * secure-settings rules: scopes only on secure params and only known ones, credential-like names
 * must be secure, no default values on secure or hidden params.
 */
export const parameters: Rule = ({ manifest }) => {
  const params = parametersOf(manifest)
  const findings: Finding[] = []
  const add = (rule: string, message: string) => findings.push(error(rule, MANIFEST, message))
  const raw = manifest?.['parameters']
  if (Array.isArray(raw) && raw.length !== params.length)
    add('parameters/invalid', 'Every entry of parameters must be an object with a name.')

  const names = params.map((param) => param['name'])
  for (const [index, name] of names.entries()) {
    if (typeof name !== 'string' || name === '')
      add('parameters/invalid-name', `Parameter ${index + 1} has no name.`)
    else if (!/^[A-Za-z0-9_]+$/.test(name)) {
      // Settings are referenced as {{setting.<name>}} and read as metadata.settings.<name>.
      add(
        'parameters/invalid-name',
        `Parameter name ${name} may only contain letters, digits and underscores.`
      )
    }
  }
  const duplicates = [
    ...new Set(names.filter((name, index) => typeof name === 'string' && names.indexOf(name) !== index)),
  ]
  if (duplicates.length > 0)
    add('parameters/duplicate', `Duplicate app parameters defined: ${duplicates.join(', ')}`)
  if (names.includes('name')) add('parameters/name-as-name', "Can't call a parameter 'name'")

  const invalidTypes = params
    .map((param) => param['type'] ?? 'text')
    .filter((type) => typeof type !== 'string' || !PARAMETER_TYPES.includes(type))
  for (const type of invalidTypes) {
    add(
      'parameters/invalid-type',
      type === 'password'
        ? 'password is an invalid parameter type. Use a text parameter with "secure": true instead.'
        : `${shown(type)} is an invalid parameter type.`
    )
  }

  for (const param of params) {
    const name = shown(param['name'])
    for (const flag of ['required', 'secure'] as const) {
      if (param[flag] !== undefined && typeof param[flag] !== 'boolean')
        add(
          'parameters/invalid-type',
          `parameters.${name}.${flag} must be a boolean value, got "${shown(param[flag])}".`
        )
    }
  }

  const hiddenRequired = params
    .filter((param) => param['type'] === 'hidden' && param['required'] === true)
    .map((param) => shown(param['name']))
  if (hiddenRequired.length > 0) {
    add(
      'parameters/hidden-required',
      `${hiddenRequired.join(', ')} ${hiddenRequired.length > 1 ? 'are' : 'is'} set to hidden and cannot be required.`
    )
  }

  const oauthParams = params.filter((param) => param['type'] === 'oauth')
  if (oauthParams.length > 1)
    add('parameters/too-many-oauth', "Too many parameters with type 'oauth': one permitted")
  if (oauthParams.some((param) => param['secure'] === true))
    add('parameters/oauth-secure', 'oauth parameter cannot be set to be secure.')
  if (manifest?.['oauth'] !== undefined && oauthParams.length === 0) {
    add(
      'parameters/oauth-missing',
      'Please upgrade to our new oauth format: add a parameter with type oauth. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth'
    )
  }

  findings.push(...scopeFindings(params), ...secureSettingsWarnings(params))
  return findings
}

function scopeFindings(params: Record<string, unknown>[]): Finding[] {
  const findings: Finding[] = []
  for (const param of params) {
    const scopes = param['scopes']
    if (scopes === undefined) continue
    const name = shown(param['name'])
    if (param['secure'] !== true) {
      findings.push(
        error(
          'parameters/scopes-not-secure',
          MANIFEST,
          `The scopes property can only be set on secure parameters: ${name}.`
        )
      )
    } else if (!Array.isArray(scopes) || scopes.length === 0) {
      findings.push(
        error(
          'parameters/invalid-scopes',
          MANIFEST,
          `The scopes property of parameter ${name} must be a non-empty array. Learn about: ${SCOPES_LINK}`
        )
      )
    } else {
      const unknown = scopes.filter(
        (scope) => typeof scope !== 'string' || !SECURE_PARAM_SCOPES.includes(scope)
      )
      if (unknown.length > 0) {
        findings.push(
          error(
            'parameters/invalid-scopes',
            MANIFEST,
            `${unknown.map(shown).join(', ')} ${unknown.length > 1 ? 'are invalid scopes' : 'is an invalid scope'} for parameter ${name}. Valid scopes: ${SECURE_PARAM_SCOPES.join(', ')}.`
          )
        )
      }
    }
  }
  return findings
}

/** ZAS SecureSettings warnings, one finding per kind as Zendesk reports them. */
function secureSettingsWarnings(params: Record<string, unknown>[]): Finding[] {
  const findings: Finding[] = []
  const insecure = params.filter((param) => {
    const type = param['type'] ?? 'text'
    return (
      typeof param['name'] === 'string' &&
      SECURABLE_NAME.test(param['name']) &&
      (type === 'text' || type === 'password') &&
      param['secure'] !== true
    )
  })
  if (insecure.length > 0) {
    findings.push(
      warning(
        'parameters/insecure-token',
        MANIFEST,
        `Make sure to set secure to true when using keys in Settings (${insecure.map((param) => shown(param['name'])).join(', ')}). Learn more: ${SECURE_SETTINGS_LINK}`
      )
    )
  }
  const withDefault = params.filter(
    (param) => 'default' in param && (param['secure'] === true || param['type'] === 'hidden')
  )
  if (withDefault.length > 0) {
    findings.push(
      warning(
        'parameters/secure-default',
        MANIFEST,
        `Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data (${withDefault.map((param) => shown(param['name'])).join(', ')}).`
      )
    )
  }
  const unscoped = params.filter((param) => param['secure'] === true && param['scopes'] === undefined)
  if (unscoped.length > 0) {
    findings.push(
      warning(
        'parameters/missing-scopes',
        MANIFEST,
        `The scopes property is not configured for parameter(s): ${unscoped.map((param) => shown(param['name'])).join(', ')}. This may cause token exposure vulnerabilities. Learn about: ${SCOPES_LINK}`
      )
    )
  }
  return findings
}
