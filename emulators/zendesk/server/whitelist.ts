/**
 * Whether a secure request may go to `hostname`: an exact manifest entry, a `*.suffix` entry
 * (any depth of subdomain, not the bare suffix), or an extra host the local stack allows.
 */
export function isWhitelisted(hostname: string, domainWhitelist: readonly string[], extra: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (extra.some((entry) => entry.toLowerCase() === host)) return true
  return domainWhitelist.some((entry) => {
    const pattern = entry.toLowerCase()
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern
  })
}
