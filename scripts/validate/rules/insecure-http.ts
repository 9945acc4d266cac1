import { error, type Finding } from '../finding'
import type { Rule } from '../rule-context'

/**
 * Plain-http URLs that would be loaded or shown as links, as errors: HTML `src`/`href`/`action`/
 * `srcset`/`poster`, CSS `url()`/`@import`, SVG `href`, and any string in manifest.json or
 * translations/*.json (listing texts and links). Mixed content is blocked inside Zendesk and an
 * http link in a listing is rejected. Zendesk itself only warns, on every `http:` in JS and HTML;
 * that warning, word for word, is the zendesk-http rule.
 *
 * Location URLs in the manifest are checked by the locations rule (which knows the localhost
 * exception), so they are skipped here.
 */
const HTTP_URL = /http:\/\/[^\s"'`<>()\\]+/g
const CODE_FILE = /\.(m?js|cjs|css|html?|svg)$/i
const LOADED_IN_MARKUP =
  /\s(?:src|href|xlink:href|action|formaction|poster|srcset|data|background)\s*=\s*["']?\s*(http:\/\/[^\s"'<>]+)/gi
const LOADED_IN_CSS = /(?:url\(\s*["']?|@import\s+["'])(http:\/\/[^\s"')]+)/gi

const trimmed = (url: string): string => url.replace(/[.,;:!?]+$/, '')

export const insecureHttp: Rule = ({ pkg, manifest }) => {
  const findings: Finding[] = []
  for (const file of pkg.files) {
    if (file === 'manifest.json') {
      if (manifest) findings.push(...report(file, urlsInJson(withoutLocations(manifest))))
    } else if (/^translations\/[^/]+\.json$/.test(file)) {
      findings.push(...report(file, allUrls(pkg.readText(file))))
    } else if (CODE_FILE.test(file)) {
      const text = pkg.readText(file)
      const loaded = [...text.matchAll(LOADED_IN_MARKUP), ...text.matchAll(LOADED_IN_CSS)].map((match) =>
        trimmed(match[1] ?? '')
      )
      findings.push(...report(file, loaded))
    }
  }
  return findings
}

function report(file: string, urls: readonly string[]): Finding[] {
  const flagged = [...new Set(urls)]
  if (flagged.length === 0) return []
  return [
    error(
      'http/insecure-url',
      file,
      `Possible insecure HTTP request to ${flagged.join(', ')} in ${file}. Consider using the HTTPS protocol instead.`
    ),
  ]
}

const allUrls = (text: string): string[] => [...text.matchAll(HTTP_URL)].map((match) => trimmed(match[0]))

function urlsInJson(value: unknown): string[] {
  if (typeof value === 'string') return allUrls(value)
  if (Array.isArray(value)) return value.flatMap(urlsInJson)
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsInJson)
  return []
}

function withoutLocations(manifest: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(manifest).filter(([key]) => key !== 'location'))
}
