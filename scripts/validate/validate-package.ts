import type { Finding } from './finding'
import { readManifest, readPackageFiles } from './package-files'
import type { Rule, ValidateOptions } from './rule-context'
import { assets } from './rules/assets'
import { domainWhitelist } from './rules/domain-whitelist'
import { insecureHttp } from './rules/insecure-http'
import { locations } from './rules/locations'
import { manifestFields } from './rules/manifest-fields'
import { packageContents } from './rules/package-contents'
import { oauthSecretLeak } from './rules/oauth-secret-leak'
import { parameters } from './rules/parameters'
import { screenshots } from './rules/screenshots'
import { secrets } from './rules/secrets'
import { translations } from './rules/translations'
import { zendeskHttp } from './rules/zendesk-http'
import { zendeskSecrets } from './rules/zendesk-secrets'

/** In the order Zendesk runs its checks: manifest first, then translations, then content warnings. */
const RULES: readonly Rule[] = [
  manifestFields,
  locations,
  parameters,
  domainWhitelist,
  oauthSecretLeak,
  translations,
  assets,
  screenshots,
  packageContents,
  insecureHttp,
  zendeskHttp,
  secrets,
  zendeskSecrets,
]

/** Every finding for the app package in `dir`, errors first. */
export function validatePackage(dir: string, options: ValidateOptions = { marketplace: true }): Finding[] {
  const pkg = readPackageFiles(dir)
  const read = readManifest(pkg)
  const context = { pkg, manifest: read.ok ? read.manifest : null, options }
  const findings = RULES.flatMap((rule) => rule(context))
  return [
    ...findings.filter((finding) => finding.severity === 'error'),
    ...findings.filter((finding) => finding.severity === 'warning'),
  ]
}
