/**
 * Strings in our bundle that Zendesk's validator warns about but that come from libraries we bundle,
 * each with why it is harmless. The warning-for-warning rules (zendesk-http, zendesk-secrets) use
 * this table to add a note to a warning when every match behind it is one of these; a match that is
 * not here is ours and must be fixed. Each pattern matches the minified text around the flagged
 * string, so a look-alike in our own code is not excused by accident.
 */
export interface LibraryString {
  readonly library: string
  readonly what: string
  readonly pattern: RegExp
}

export const LIBRARY_STRINGS: readonly LibraryString[] = [
  {
    library: "Zendesk Garden's icons",
    what: 'the SVG namespace on each inline icon (xmlns); an identifier, never requested',
    pattern:
      /createElement\(\s*[`"']svg[`"']\s*,\s*[\w$]*\(?\{\s*xmlns:\s*[`"']http:\/\/www\.w3\.org\/2000\/svg/g,
  },
  {
    library: "Zendesk Garden's form styles",
    what: 'the SVG namespace in the inline SVG images its checkboxes and selects draw (CSS data URLs); an identifier, never requested',
    pattern: /<svg\s+xmlns=\\?["']http:\/\/www\.w3\.org\/2000\/svg/g,
  },
  {
    library: 'React DOM',
    what: 'XML namespace names it compares with element.namespaceURI and passes to createElementNS; identifiers, never requested',
    pattern:
      /http:\/\/www\.w3\.org\/(?:2000\/svg|1999\/xhtml|1999\/xlink|XML\/1998\/namespace|1998\/Math\/MathML)/g,
  },
  {
    library: 'prop-types (through React)',
    what: 'a documentation link inside a thrown developer error message; never fetched',
    pattern: /http:\/\/fb\.me\/use-check-prop-types/g,
  },
  {
    library: 'axios',
    what: 'the base for resolving relative URLs when there is no window.location; our requests are absolute and go through ZAF',
    pattern: /\|\|\s*[`"']http:\/\/localhost[`"']/g,
  },
  {
    library: 'axios',
    what: 'the `http` key of its adapter table (the Node adapter, null in browser builds)',
    pattern: /\{\s*http:\s*[\w$]+\s*,\s*xhr:/g,
  },
  {
    library: 'React DOM',
    what: 'the input type "password" in its list of text-like input types; a word, no credential',
    pattern: /password:!0|type\s*===\s*[`"']password[`"']/g,
  },
  {
    library: 'axios',
    what: 'its config keys withXSRFToken and cancelToken and its CancelToken class; names, no credential',
    pattern: /withXSRFToken:|withXsrfToken:|cancelToken:|CancelToken[=:]|\{token:new /g,
  },
  {
    library: 'axios',
    what: 'the transitional option encodeBasicAuthUsername; a name, no credential',
    pattern: /encodeBasicAuthUsername/g,
  },
]

/** The library string whose match in `text` covers `index`, if any. */
export function libraryStringAt(text: string, index: number): LibraryString | undefined {
  return LIBRARY_STRINGS.find(({ pattern }) =>
    [...text.matchAll(new RegExp(pattern.source, 'g'))].some(
      (match) => match.index <= index && index < match.index + match[0].length
    )
  )
}

/**
 * A note for a warning whose matches sit at `indices` in `text`: which libraries they come from,
 * or undefined when any of them is not a known library string (then the warning is ours to fix).
 */
export function libraryNote(text: string, indices: readonly number[]): string | undefined {
  const found = indices.map((index) => libraryStringAt(text, index))
  if (found.length === 0 || found.some((entry) => entry === undefined)) return undefined
  const unique = [...new Set(found as LibraryString[])]
  return `From bundled libraries, harmless: ${unique.map(({ library, what }) => `${library}: ${what}`).join('; ')}.`
}
