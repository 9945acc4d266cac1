import { error, shown, warning, type Finding } from '../finding'
import { MANIFEST, parametersOf, type Rule } from '../rule-context'

/**
 * A host name the proxy can match: lower-case DNS labels, optionally one leading `*.` wildcard that
 * stands for any subdomain (`*.my.salesforce.com`). The wildcard must leave at least two labels, so
 * `*.com` or a bare `*` (which would hand secure settings to any host) are refused.
 */
const LABEL = '(?!-)[a-z0-9-]{1,63}(?<!-)'
const HOSTNAME = new RegExp(`^(\\*\\.)?${LABEL}(\\.${LABEL})+$`)

/** Null when `entry` is a host Zendesk's proxy can match, else what is wrong with it (reused by `npm run package -- --allow-domain`). */
export function hostProblem(entry: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return 'it has a scheme; list the bare host name'
  if (/[/?#]/.test(entry)) return 'it has a path; list the bare host name'
  if (/:\d*$/.test(entry)) return 'it has a port; list the bare host name'
  if (entry !== entry.toLowerCase()) return 'host names are lower-case'
  if (entry.includes('*') && !/^\*\.[^*]+$/.test(entry))
    return 'a wildcard may only be the first label, as in *.example.com'
  if (!HOSTNAME.test(entry))
    return entry.startsWith('*.')
      ? 'a wildcard must be followed by a domain with at least two labels'
      : 'it is not a host name'
  return null
}

/**
 * `domainWhitelist`: where Zendesk's proxy may send secure settings. Zendesk only type-checks it,
 * but an entry that is not a bare host never matches, so the secure setting is never sent and the
 * app fails at runtime; and a secure parameter without any whitelisted domain is a Marketplace
 * review blocker (docs/zendesk-platform.md §2).
 */
export const domainWhitelist: Rule = ({ manifest }) => {
  if (!manifest) return []
  const list = manifest['domainWhitelist']
  const findings: Finding[] = []
  if (list !== undefined && !(Array.isArray(list) && list.every((entry) => typeof entry === 'string'))) {
    return [
      error(
        'domain-whitelist/invalid-type',
        MANIFEST,
        'The manifest field domainWhitelist need to be an array containing strings'
      ),
    ]
  }
  const entries = (list ?? []) as string[]
  for (const entry of entries) {
    const problem = hostProblem(entry)
    if (problem)
      findings.push(
        error(
          'domain-whitelist/invalid-host',
          MANIFEST,
          `${shown(entry)} is not a valid domainWhitelist entry: ${problem}.`
        )
      )
  }
  const duplicates = [...new Set(entries.filter((entry, index) => entries.indexOf(entry) !== index))]
  if (duplicates.length > 0)
    findings.push(
      warning(
        'domain-whitelist/duplicate',
        MANIFEST,
        `domainWhitelist lists ${duplicates.join(', ')} more than once.`
      )
    )

  const secure = parametersOf(manifest)
    .filter((param) => param['secure'] === true)
    .map((param) => shown(param['name']))
  if (secure.length > 0 && entries.length === 0) {
    findings.push(
      error(
        'domain-whitelist/missing',
        MANIFEST,
        `Secure parameters (${secure.join(', ')}) need a domainWhitelist: Zendesk only sends secure settings to the domains listed there.`
      )
    )
  }
  return findings
}
