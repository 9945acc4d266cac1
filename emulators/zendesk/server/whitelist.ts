/**
 * Where a `secure: true` request may go: the manifest's `domainWhitelist` (exact hosts, or
 * `*.suffix` for subdomains of any depth but not the bare suffix) plus hosts the local stack adds
 * (exact hostnames, any port). Comparison is on hostnames only, case-insensitively.
 */
export function isWhitelisted(
  hostname: string,
  domainWhitelist: readonly string[],
  extraWhitelist: readonly string[]
): boolean {
  const host = normaliseHost(hostname)
  if (host === '') return false
  if (extraWhitelist.some((entry) => hostOf(entry) === host)) return true
  return domainWhitelist.some((entry) => {
    const pattern = entry.trim().toLowerCase()
    if (pattern.startsWith('*.')) {
      const suffix = hostOf(pattern.slice(2))
      return suffix !== '' && host.endsWith(`.${suffix}`)
    }
    return hostOf(pattern) === host
  })
}

/** Lower case, no IPv6 brackets, no trailing dot (`example.com.` is the same host). */
function normaliseHost(hostname: string): string {
  return hostname
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
}

/** An entry may be written as a bare host, `host:port` or a URL; only its hostname counts. */
function hostOf(entry: string): string {
  const trimmed = entry.trim()
  if (trimmed === '') return ''
  try {
    return normaliseHost(
      new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname
    )
  } catch {
    return normaliseHost(trimmed)
  }
}
