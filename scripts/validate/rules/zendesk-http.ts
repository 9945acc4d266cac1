import { warning, type Finding } from '../finding'
import { libraryNote } from '../library-strings'
import type { Rule } from '../rule-context'

/**
 * Zendesk's own warning for plain-http URLs, as its validator (zendesk_apps_support,
 * validations/requests.rb) gives it on upload: every JS and HTML file is scanned with Ruby's
 * URI regexp for the scheme `http`, which matches `http:` anywhere, case-sensitively — inside a
 * word, as a bare `'http:'` protocol comparison, as an object key — and gives one warning per file
 * that lists every match. We report the same warnings; where Zendesk prints only the last URI part
 * it captured (`/2000/svg`) and repeats duplicates, we print each whole match once with a count.
 *
 * Our stricter checks (http URLs that would be loaded, in markup, CSS, the manifest or listing
 * texts) are errors in the insecure-http rule.
 */
const HTTP = /http:[-\w.!~*;/?:@&=+$,%#[\]]*/g
/** Zendesk's selection: files ending in .js/.jsx and .htm/.html, anywhere in the package. */
const SCANNED = /\.(?:jsx?|html?)$/

export const zendeskHttp: Rule = ({ pkg }) => {
  const findings: Finding[] = []
  for (const file of pkg.files.filter((name) => SCANNED.test(name))) {
    const text = pkg.readText(file)
    const matches = [...text.matchAll(HTTP)]
    if (matches.length === 0) continue
    findings.push(
      warning(
        'zendesk/insecure-http',
        file,
        `Possible insecure HTTP request to ${listed(matches.map((match) => match[0]))} in ${file}. Consider using the HTTPS protocol instead.`,
        libraryNote(
          text,
          matches.map((match) => match.index)
        )
      )
    )
  }
  return findings
}

/** Each distinct match once, with how often it occurs, in order of first appearance. */
function listed(matches: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const match of matches) counts.set(match, (counts.get(match) ?? 0) + 1)
  return [...counts].map(([match, count]) => (count > 1 ? `${match} (${count}×)` : match)).join(', ')
}
