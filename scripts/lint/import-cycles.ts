import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * Import cycles among TypeScript files, type-only imports included. import-x/no-cycle (in
 * eslint.config.js) sees only the imports that survive compilation, but a cycle of types still ties
 * two modules together: neither can move or be understood without the other. So this check reads
 * every import and re-export, `import type` too, and reports each cycle once.
 */
export type SourceFiles = ReadonlyMap<string, string>

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx']

/** Every .ts/.tsx file under `root` (tests included: a test is a module like any other). */
export function readSourceTree(root: string): SourceFiles {
  const files = new Map<string, string>()
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        files.set(resolve(path), readFileSync(path, 'utf8'))
    }
  }
  walk(root)
  return files
}

function localImports(path: string, source: string, files: SourceFiles): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true)
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(path), specifier))
    .flatMap(
      (base) =>
        EXTENSIONS.map((extension) => base + extension).find((candidate) => files.has(candidate)) ?? []
    )
}

/** Each cycle as the files on it, relative to `root`, starting from its first file in path order. */
export function findImportCycles(files: SourceFiles, root: string): string[][] {
  const graph = new Map([...files].map(([path, source]) => [path, localImports(path, source, files)]))
  // Tarjan's strongly connected components: a component of more than one file is a cycle.
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (path: string): void => {
    index.set(path, next)
    low.set(path, next)
    next += 1
    stack.push(path)
    onStack.add(path)
    for (const target of graph.get(path) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(path, Math.min(low.get(path) ?? 0, low.get(target) ?? 0))
      } else if (onStack.has(target)) low.set(path, Math.min(low.get(path) ?? 0, index.get(target) ?? 0))
    }
    if (low.get(path) !== index.get(path)) return
    const component: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      component.push(member)
    } while (member !== path)
    if (component.length > 1 || (graph.get(path) ?? []).includes(path))
      cycles.push(component.map((file) => relative(root, file)).sort())
  }
  for (const path of [...graph.keys()].sort()) if (!index.has(path)) visit(path)
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
}
