import { describe, expect, it } from 'vitest'
import { withoutBidiControls } from './display-text'

describe('withoutBidiControls', () => {
  it('removes embeddings, overrides and isolates, which would make text display as something else', () => {
    expect(withoutBidiControls('\u202Emoc.elpmaxe@anad')).toBe('moc.elpmaxe@anad')
    expect(withoutBidiControls('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069')).toBe('abcdefgh')
  })

  it('keeps right-to-left text, its marks and everything else as it is', () => {
    expect(withoutBidiControls('דנה וייטפילד')).toBe('דנה וייטפילד')
    expect(withoutBidiControls('Dana\u200F (CSM)\u200E')).toBe('Dana\u200F (CSM)\u200E')
    expect(withoutBidiControls('<script>alert(1)</script> Eve')).toBe('<script>alert(1)</script> Eve')
  })
})
