import { error, warning, type Finding, type Severity } from '../finding'
import type { Rule } from '../rule-context'

/**
 * Plain-http URLs (ZAS validations/requests.rb warns on every `http://` in js and html). Our rule is
 * sharper, because the goal is a package with zero warnings that still catches real mistakes:
 *
 * - Where a URL is something the app or Zendesk will load or show as a link — HTML `src`/`href`/
 *   `action`/`srcset`/`poster`, CSS `url()`/`@import`, SVG `href`, any string in manifest.json or
 *   translations/*.json (listing texts and links) — http:// is an error: mixed content is blocked
 *   inside Zendesk and an http link in a listing is rejected.
 * - Anywhere else in JS, CSS or HTML text, an http:// string is a warning, unless it is on the
 *   allow-list below: strings that are identifiers or documentation, never fetched.
 *
 * Location URLs in the manifest are checked by the locations rule (which knows the localhost
 * exception), so they are skipped here.
 */
const ALLOWED: readonly { readonly url: string; readonly why: string }[] = [
  // XML namespace names: identifiers compared as strings (createElementNS, xmlns), never requested.
  { url: 'http://www.w3.org/2000/svg', why: 'SVG namespace' },
  { url: 'http://www.w3.org/1999/xhtml', why: 'XHTML namespace' },
  { url: 'http://www.w3.org/1999/xlink', why: 'XLink namespace' },
  { url: 'http://www.w3.org/XML/1998/namespace', why: 'xml: prefix namespace' },
  { url: 'http://www.w3.org/2000/xmlns/', why: 'xmlns: prefix namespace' },
  { url: 'http://www.w3.org/1998/Math/MathML', why: 'MathML namespace (react-dom)' },
  // axios (lib/platform/browser + helpers): `platform.origin` falls back to this when there is no
  // window.location, only as the base for `new URL()` when it resolves relative request URLs.
  { url: 'http://localhost', why: 'axios base URL for resolving relative URLs outside a browser' },
  // prop-types (bundled through react-dom's dependencies): a short link inside a thrown error
  // message telling developers to read the docs; never fetched by code.
  { url: 'http://fb.me/use-check-prop-types', why: 'prop-types error message link' },
]
const ALLOWED_URLS = new Set(ALLOWED.map(({ url }) => url))

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
      if (manifest) findings.push(...report(file, urlsInJson(withoutLocations(manifest)), 'error'))
    } else if (/^translations\/[^/]+\.json$/.test(file)) {
      findings.push(...report(file, allUrls(pkg.readText(file)), 'error'))
    } else if (CODE_FILE.test(file)) {
      const text = pkg.readText(file)
      const loaded = new Set(
        [...text.matchAll(LOADED_IN_MARKUP), ...text.matchAll(LOADED_IN_CSS)].map((match) =>
          trimmed(match[1] ?? '')
        )
      )
      findings.push(...report(file, [...loaded], 'error'))
      findings.push(
        ...report(
          file,
          allUrls(text).filter((url) => !loaded.has(url)),
          'warning'
        )
      )
    }
  }
  return findings
}

function report(file: string, urls: readonly string[], severity: Severity): Finding[] {
  const flagged = [...new Set(urls)].filter((url) => !ALLOWED_URLS.has(url))
  if (flagged.length === 0) return []
  const make = severity === 'error' ? error : warning
  return [
    make(
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
