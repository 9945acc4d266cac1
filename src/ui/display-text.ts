/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). In text
 * from the CRM they only serve to make it display as something else: `\u202Emoc.elpmaxe@anad`
 * shows as "dana@example.com". Right-to-left names need none of them (the Unicode bidi algorithm
 * and `dir="auto"` order them), and the marks U+200E/U+200F, which cannot reorder text, stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

/** CRM text as it is stored, with nothing that reorders how it displays. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}
