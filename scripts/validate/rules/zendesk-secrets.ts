import { warning, type Finding } from '../finding'
import { libraryNote } from '../library-strings'
import { OAUTH_SECRET_NOTE, oauthClientSecret, withoutClientSecret } from '../oauth-secret'
import { MANIFEST, type Rule } from '../rule-context'

/**
 * Zendesk's own "possible secret" warnings, as its validator (zendesk_apps_support,
 * validations/secrets.rb) gives them on upload. For every text file (a path ending in htm, html,
 * xml, js, json or jso — so not .svg or .css) it gives:
 *
 * 1. one warning per pattern below that matches anywhere in the file: a credential-like word, one
 *    of a few separators, then at least four key-like characters later on the same line. Minified
 *    bundles are one long line, so `cancelToken:` in a bundled library is enough;
 * 2. one warning in all, listing every file that contains one of SECRET_KEYWORDS, case-sensitively,
 *    with the first one found.
 *
 * The patterns are Zendesk's, written here with `word()` for its case-insensitive words. Our own
 * precise checks (real token formats as errors, random literals assigned to credential names) are
 * in the secrets rule.
 */
const word = (text: string): string =>
  [...text]
    .map((char) => (/[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char))
    .join('')
/** A separator after the word: `:`, `"`, `=` or `-`, optionally after one space. */
const SEP = '(?: [:"=-]|[:"=-])'
const KEYISH = '.*.[0-9a-zA-Z+_.-]{4,156}'
const named = (first: string, second: string, between = '[-_]') =>
  `${word(first)}${between}${word(second)}${SEP}${KEYISH}`

// In the Facebook pattern `=-|` is a range (= to |), as it is in Zendesk's.
const PATTERNS: readonly { readonly type: string; readonly source: string; readonly flags?: string }[] = [
  { type: 'Slack Token', source: 'xox[pboa|]-*.[a-z0-9]' },
  { type: 'RSA Private Key', source: '-----BEGIN RSA PRIVATE KEY-----' },
  { type: 'SSH Private Key (OpenSSH)', source: '-----BEGIN OPENSSH PRIVATE KEY-----' },
  { type: 'SSH Private Key (DSA)', source: '-----BEGIN DSA PRIVATE KEY-----' },
  { type: 'SSH Private Key (EC)', source: '-----BEGIN EC PRIVATE KEY-----' },
  { type: 'PGP Private Key Block', source: '-----BEGIN PGP PRIVATE KEY BLOCK-----' },
  { type: 'Facebook OAuth Token', source: `${word('facebook')}(?: [|:"=-]|[:"=-|]).*.[0-9a-f]{24,36}` },
  { type: 'Twitter OAuth Token', source: `${word('twitter')}${SEP}.*.[0-9a-zA-Z]{30,45}` },
  { type: 'Github Token', source: `${word('github')}${SEP}.*.[0-9a-zA-Z]{30,45}` },
  {
    type: 'Google OAuth Token',
    source: `${word('client')}[-_]${word('secret')}${SEP}.*[a-zA-Z0-9_-]{16,32}`,
  },
  { type: 'AWS Access Key ID', source: 'AKIA[0-9A-Z]{8,24}' },
  {
    type: 'AWS Secret Access Key',
    source: `${['aws', 'secret', 'access', 'key'].map(word).join('[_-]')}.*.[0-9a-zA-Z]{24,48}`,
  },
  {
    type: 'Heroku API Key',
    source: `${word('heroku')}.*[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{6,18}`,
  },
  { type: 'Quickpay Secret', source: 'quickpay_secret:.*.[0-9a-zA-Z]{24,72}' },
  { type: 'Doorman Secret', source: `${word('doorman')}[-_]${word('secret')}.*.[0-9a-f]{16,132}` },
  { type: 'Shared Session Secret', source: 'shared_session_secret.*.[0-9a-f]{4,132}' },
  { type: 'Permanent Cookie Secret', source: 'permanent_cookie_secret.*.[0-9a-f]{120,156}' },
  {
    type: 'Scarlett AWS Secret Key',
    source: `${['scarlett', 'aws', 'secret', 'key'].map(word).join('[_-]')}.*.[0-9a-zA-Z+.]{35,45}`,
  },
  { type: 'Braintree Key', source: 'braintree_key.*.[0-9a-zA-Z]{16,36}' },
  { type: 'Ticket Validation Key', source: 'ticket_validation_key.*.[0-9a-zA-Z]{15,25}' },
  { type: 'App Key', source: named('app', 'key') },
  { type: 'App Secret', source: named('app', 'secret') },
  { type: 'Consumer Key', source: named('consumer', 'key') },
  { type: 'Consumer Secret', source: named('consumer', 'secret') },
  // Ruby's (?m) lets `.` cross lines; JavaScript spells that `s`, and line-start `^` is `m`.
  { type: 'Generic Secret', source: `^${word('secret')}${SEP}${KEYISH}`, flags: 'ms' },
  { type: 'Master Key', source: named('master', 'key') },
  { type: 'Master Secret', source: named('master', 'secret') },
  { type: 'Token Key', source: named('token', 'key') },
  { type: 'Token Secret', source: named('token', 'secret') },
  { type: 'Zendesk Zopim Mobile SSO Key', source: 'zendesk_zopim_mobile_sso_key.*.[0-9a-f]{58,68}' },
  { type: 'Help Center Private Key', source: named('private', 'key') },
  { type: 'X-Outbound-Key', source: `${word('x-outbound-key')}[:" \\t=-].*.[0-9a-z-]{32,36}` },
  { type: 'Attachment Token Key', source: 'attachment_token_key.*.[0-9a-f]{24,72}' },
  { type: 'Password', source: `${word('password')}${KEYISH}` },
  { type: 'Token', source: `${word('token')}${SEP}${KEYISH}` },
]

/** Matched case-sensitively, first found wins (earliest in the file, then earliest in this list). */
const SECRET_KEYWORDS = [
  'password',
  'secret',
  'secretToken',
  'secret_token',
  'auth_key',
  'authKey',
  'auth_pass',
  'authPass',
  'auth_user',
  'AuthUser',
  'api_key',
]
const KEYWORD = new RegExp(SECRET_KEYWORDS.join('|'), 'g')
const TEXT_FILE = /(?:html?|xml|js|json?)$/

/** Where every match of `source` starts, overlapping ones included (Zendesk needs only one). */
function starts(text: string, source: string, flags = ''): number[] {
  const pattern = new RegExp(source, `${flags}g`)
  const found: number[] = []
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match.index)
    pattern.lastIndex = match.index + 1
  }
  return found
}

export const zendeskSecrets: Rule = ({ pkg, manifest }) => {
  const findings: Finding[] = []
  const keywordFiles: { file: string; keyword: string; note: string | undefined }[] = []
  const clientSecret = oauthClientSecret(manifest)
  for (const file of pkg.files.filter((name) => TEXT_FILE.test(name))) {
    const text = pkg.readText(file)
    // manifest.json with the required oauth block's secret blanked: what would fire without it.
    const bare = file === MANIFEST && clientSecret !== null ? withoutClientSecret(text, clientSecret) : null
    for (const { type, source, flags } of PATTERNS) {
      const at = starts(text, source, flags)
      if (at.length === 0) continue
      if (bare !== null && starts(bare, source, flags).length === 0) {
        findings.push(
          warning(
            'zendesk/possible-secret',
            file,
            `Possible ${type} found in ${file}. Consider reviewing the contents of this file before submitting your app.`,
            OAUTH_SECRET_NOTE
          )
        )
        continue
      }
      findings.push(
        warning(
          'zendesk/possible-secret',
          file,
          `Possible ${type} found in ${file}. Consider reviewing the contents of this file before submitting your app.`,
          libraryNote(text, at)
        )
      )
    }
    const keywords = [...text.matchAll(KEYWORD)]
    const first = keywords[0]
    // The word "secret" of the required oauth block's client_secret key, and nothing else.
    const onlyOAuthKey =
      bare !== null &&
      keywords.every((match) => text.slice(match.index - 8, match.index + 7) === '"client_secret"')
    if (first && onlyOAuthKey) keywordFiles.push({ file, keyword: first[0], note: OAUTH_SECRET_NOTE })
    else if (first)
      keywordFiles.push({
        file,
        keyword: first[0],
        note: libraryNote(
          text,
          keywords.map((match) => match.index)
        ),
      })
  }
  if (keywordFiles.length > 0) {
    const files = keywordFiles.map(({ file, keyword }) => `${file} ('${keyword}...')`).join(', ')
    const these = keywordFiles.length === 1 ? 'this file' : 'these files'
    const allLibrary = keywordFiles.every(({ note }) => note !== undefined)
    findings.push(
      warning(
        'zendesk/secret-keywords',
        keywordFiles[0]?.file ?? '',
        `Possible secrets found in ${files}. Consider reviewing the contents of ${these} before submitting your app.`,
        allLibrary ? keywordFiles.map(({ file, note }) => `${file}: ${note}`).join(' ') : undefined
      )
    )
  }
  return findings
}
