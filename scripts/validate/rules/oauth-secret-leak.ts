import { error, type Finding } from '../finding'
import { oauthClientSecret } from '../oauth-secret'
import { MANIFEST, type Rule } from '../rule-context'

/**
 * The OAuth client secret is in manifest.json because Zendesk's oauth block needs it there; Zendesk
 * keeps it server-side and uses it for the token exchange. Any other copy would be served to every
 * agent's browser (assets, chunks, source maps) or shown to admins (translations), so each one is
 * an error. Files are compared as bytes, in plain and JSON-escaped form, whatever their type: a
 * source map or a binary that embeds the string leaks it just the same.
 */
const MIN_SECRET_LENGTH = 8

export const oauthSecretLeak: Rule = ({ pkg, manifest }) => {
  const secret = oauthClientSecret(manifest)
  // A few characters turn up in any file by chance; a real client secret is far longer.
  if (secret === null || secret.length < MIN_SECRET_LENGTH) return []
  const forms = [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])].map(
    (form) => Buffer.from(form, 'utf8')
  )
  const findings: Finding[] = []
  // Once in manifest.json: the oauth block. A second copy (a parameter default, say) is shown to admins.
  const inManifest = pkg.has(MANIFEST)
    ? pkg.readText(MANIFEST).split(JSON.stringify(secret).slice(1, -1)).length - 1
    : 0
  if (inManifest > 1)
    findings.push(
      error(
        'oauth/client-secret-leaked',
        MANIFEST,
        `manifest.json holds the oauth client_secret ${inManifest} times. Only oauth.client_secret may hold it.`
      )
    )
  for (const file of pkg.files) {
    if (file === MANIFEST) continue
    const bytes = pkg.read(file)
    if (forms.some((form) => bytes.includes(form)))
      findings.push(
        error(
          'oauth/client-secret-leaked',
          file,
          `${file} holds the oauth client_secret of manifest.json. Only manifest.json may hold it: Zendesk serves the other files to every agent's browser.`
        )
      )
  }
  return findings
}
