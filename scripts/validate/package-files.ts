import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Everything the rules need to know about a package folder, read once: every entry (as a
 * `/`-separated path relative to the root, which is how Zendesk names files in its messages), which
 * entries are symlinks, and a parsed manifest when there is one. Symlinks are listed but never
 * followed, so a link out of the package cannot make the validator read files that would not ship.
 */
export interface PackageFiles {
  readonly root: string
  /** Regular files, sorted. */
  readonly files: readonly string[]
  readonly symlinks: readonly string[]
  /** Files under a top-level tmp/, which no rule sees (see SKIPPED). */
  readonly skipped: readonly string[]
  has(path: string): boolean
  read(path: string): Buffer
  readText(path: string): string
}

/**
 * zcli writes its zips to tmp/ inside the app folder (`zcli apps:package`), and Zendesk's validator
 * skips tmp/ when it lists a package's files; `npm run package` never ships it either. So it is
 * skipped here too, but listed, and the CLI prints what it skipped.
 */
export const SKIPPED = /^tmp\//

export function readPackageFiles(root: string): PackageFiles {
  const files: string[] = []
  const symlinks: string[] = []
  const skipped: string[] = []
  const walk = (relative: string): void => {
    for (const name of readdirSync(join(root, relative))) {
      const path = relative ? `${relative}/${name}` : name
      const stat = lstatSync(join(root, path))
      if (stat.isSymbolicLink()) symlinks.push(path)
      else if (stat.isDirectory()) walk(path)
      else if (stat.isFile()) (SKIPPED.test(path) ? skipped : files).push(path)
    }
  }
  walk('')
  files.sort()
  skipped.sort()
  const known = new Set(files)
  // Several rules read the same files (every script is scanned for http:// and for secrets).
  const contents = new Map<string, Buffer>()
  const read = (path: string): Buffer => {
    let bytes = contents.get(path)
    if (!bytes) contents.set(path, (bytes = readFileSync(join(root, path))))
    return bytes
  }
  return {
    root,
    files,
    symlinks,
    skipped,
    has: (path) => known.has(path),
    read,
    readText: (path) => read(path).toString('utf8'),
  }
}

/** The manifest as parsed JSON, or why it could not be read; rules that need it skip when it is missing. */
export type ManifestRead =
  | { readonly ok: true; readonly manifest: Record<string, unknown> }
  | { readonly ok: false; readonly reason: 'missing' | 'not-json' | 'not-object'; readonly detail: string }

export function readManifest(pkg: PackageFiles): ManifestRead {
  if (!pkg.has('manifest.json')) return { ok: false, reason: 'missing', detail: '' }
  let parsed: unknown
  try {
    parsed = JSON.parse(pkg.readText('manifest.json'))
  } catch (cause) {
    return { ok: false, reason: 'not-json', detail: (cause as Error).message }
  }
  if (!isRecord(parsed)) return { ok: false, reason: 'not-object', detail: '' }
  return { ok: true, manifest: parsed }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
