import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findImportCycles, readSourceTree } from './import-cycles'

const root = resolve('/planted')
const tree = (files: Record<string, string>) =>
  new Map(Object.entries(files).map(([path, source]) => [resolve(root, path), source]))

describe('import cycles, type imports included', () => {
  it('reports a cycle made only of type imports (the account ↔ match cycle the lint rule cannot see)', () => {
    const planted = tree({
      'src/domain/account.ts': "import type { MatchStrategy } from './match'\n",
      'src/domain/match.ts': "import type { AccountSummary } from './account'\n",
      'src/domain/health.ts': "import type { AccountSummary } from './account'\n",
    })
    expect(findImportCycles(planted, root)).toEqual([['src/domain/account.ts', 'src/domain/match.ts']])
  })

  it('reports a longer cycle through re-exports once', () => {
    const planted = tree({
      'src/a.ts': "export { b } from './b'\n",
      'src/b.ts': "import { c } from './c'\n",
      'src/c.ts': "export type { A } from './a'\n",
    })
    expect(findImportCycles(planted, root)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']])
  })

  it('finds none in src/', () => {
    expect(findImportCycles(readSourceTree('src'), process.cwd())).toEqual([])
  })
})
