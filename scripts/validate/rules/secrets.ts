import { error, warning, type Finding } from '../finding'
import { oauthClientSecret } from '../oauth-secret'
import { MANIFEST, type Rule } from '../rule-context'
import { TEXT_EXTENSIONS } from './package-contents'

/**
 * Credentials in shipped files. Zendesk (ZAS validations/secrets.rb) warns on keywords such as
 * "password" or "secret" anywhere, which any React or axios bundle trips; that warning, word for
 * word, is the zendesk-secrets rule. This rule checks two precise things besides:
 *
 * 1. Token formats that are credentials by construction (an error: a shipped live key cannot be
 *    recalled, so packaging must stop). Zendesk reports these as "Possible <type> found".
 * 2. A long, random-looking literal assigned to a credential-like name (a warning: it may be a test
 *    value). `{{setting.x}}` placeholders are how secure settings are referenced and are fine.
 */
const TOKEN_FORMATS: readonly { readonly type: string; readonly pattern: RegExp }[] = [
  {
    type: 'Private Key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/,
  },
  { type: 'AWS Access Key ID', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { type: 'Slack Token', pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { type: 'Stripe Secret Key', pattern: /\b[rs]k_live_[0-9A-Za-z]{16,}/ },
  { type: 'Github Token', pattern: /\bgh[pousr]_[0-9A-Za-z]{36,}/ },
  { type: 'Google API Key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  // The two CRMs this app talks to: a Salesforce session/access token is <org id>!<secret>,
  // a HubSpot private-app token is pat-<region>-<uuid>.
  { type: 'Salesforce Access Token', pattern: /\b00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{40,}/ },
  {
    type: 'HubSpot Private App Token',
    pattern: /\bpat-(?:na|eu)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
  },
  { type: 'JSON Web Token', pattern: /\beyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}/ },
]

/** `apiKey: "…"`, `"client_secret":"…"`, `password = '…'`: a credential-like name, then a quoted literal. */
const ASSIGNED =
  /(?<![\w$-])["']?((?:[A-Za-z_$][\w$-]*?)?(?:token|secret|api[_-]?key|access[_-]?key|private[_-]?key|password|passwd)[\w$-]*)["']?\s*[:=]\s*(["'`])([^"'`\s]{16,})\2/gi

/** Shannon entropy in bits per character: random keys sit above ~3.5, words and identifiers below. */
function entropy(text: string): number {
  const counts = new Map<string, number>()
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1)
  let bits = 0
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length)
  return bits
}

// A URL (`"access_token_uri": "https://…/oauth2/token"`) is an address, however mixed its characters.
const looksRandom = (value: string): boolean =>
  !value.includes('{{setting.') &&
  !/^https?:\/\//i.test(value) &&
  /[0-9]/.test(value) &&
  /[A-Za-z]/.test(value) &&
  entropy(value) >= 3.5

export const secrets: Rule = ({ pkg, manifest }) => {
  const findings: Finding[] = []
  // Zendesk requires the OAuth client secret in manifest.json's oauth block; that one literal is
  // expected there (oauth-secret-leak checks it is nowhere else).
  const clientSecret = oauthClientSecret(manifest)
  for (const file of pkg.files) {
    const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase()
    if (!extension || !TEXT_EXTENSIONS.includes(extension)) continue
    const text = pkg.readText(file)
    for (const { type, pattern } of TOKEN_FORMATS) {
      if (pattern.test(text))
        findings.push(
          error(
            'secrets/token',
            file,
            `Possible ${type} found in ${file}. Consider reviewing the contents of this file before submitting your app.`
          )
        )
    }
    const names = [...text.matchAll(ASSIGNED)]
      .filter((match) => looksRandom(match[3] ?? ''))
      .filter((match) => !(file === MANIFEST && match[1] === 'client_secret' && match[3] === clientSecret))
      .map((match) => match[1] ?? '')
    if (names.length > 0) {
      findings.push(
        warning(
          'secrets/assigned-literal',
          file,
          `Possible secrets found in ${file} (${[...new Set(names)].join(', ')}). Consider reviewing the contents of this file before submitting your app.`
        )
      )
    }
  }
  return findings
}
