import { basename } from 'node:path'
import { error, warning, type Finding } from '../finding'
import type { PackageFiles } from '../package-files'
import type { Rule } from '../rule-context'

/** ZAS validations/mime.rb: file kinds Zendesk flags in an app package (by extension or by content). */
const UNSUPPORTED_EXTENSIONS = [
  'rar',
  'zip',
  'gz',
  'gzip',
  'pdf',
  'doc',
  'docx',
  'avi',
  'bin',
  'bz',
  'bz2',
  'csh',
  'sh',
  'jar',
  'mp3',
  'mpeg',
  'odt',
  'pptx',
  'ppt',
  'xls',
  'xlsx',
  '7z',
  'exe',
  'dll',
  'so',
  'dylib',
  'bat',
  'cmd',
]

/** Magic numbers of the same kinds, so a renamed archive or executable is caught too. */
const MAGIC: readonly { readonly kind: string; readonly bytes: readonly number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'rar', bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'executable (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'executable (Windows)', bytes: [0x4d, 0x5a] },
  { kind: 'executable (Mach-O)', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
]

export const TEXT_EXTENSIONS = [
  'js',
  'mjs',
  'cjs',
  'html',
  'htm',
  'css',
  'json',
  'svg',
  'txt',
  'md',
  'map',
  'xml',
]

/** What a Zendesk app package consists of (docs/zendesk-platform.md §4); anything else at the top level is noise. */
const TOP_LEVEL = ['manifest.json', 'requirements.json', 'assets', 'translations']

/**
 * Files that must never ship because they hold local settings or secrets: zcli's config carries
 * installation settings (docs/zendesk-platform.md §4), *.local.json and .env files are our local overrides.
 */
export const SETTINGS_FILE = /(^|\/)(zcli\.apps\.config\.json|[^/]*\.local\.json|\.env(\.[^/]*)?)$/

/**
 * What is in the package: no symlinks (an error for Marketplace apps), no unsupported binary kinds,
 * no settings files, no dotfiles or source maps (they publish our source and are not served
 * on purpose), nothing outside manifest.json, assets/ and translations/.
 */
export const packageContents: Rule = ({ pkg }) => {
  const findings: Finding[] = []
  if (pkg.symlinks.length > 0)
    findings.push(
      error(
        'package/symlink',
        pkg.symlinks[0] ?? '',
        `Symlinks are not allowed in the zip file (${pkg.symlinks.join(', ')}).`
      )
    )
  const unsupported = pkg.files.filter((file) => unsupportedKind(pkg, file) !== null)
  // An error, as in Zendesk's validator: the upload is refused, so such a package must not be written.
  if (unsupported.length > 0) {
    findings.push(
      error(
        'package/unsupported-mime-type',
        unsupported[0] ?? '',
        `Unsupported MIME type${unsupported.length > 1 ? 's' : ''} detected in ${unsupported.join(', ')}.`
      )
    )
  }
  for (const file of pkg.files) {
    if (SETTINGS_FILE.test(file)) {
      findings.push(
        error(
          'package/settings-file',
          file,
          `${file} holds local settings and may contain secrets; keep it out of the package.`
        )
      )
    } else if (basename(file).startsWith('.')) {
      findings.push(
        warning(
          'package/dotfile',
          file,
          `${file} is a hidden file; it is not part of the app and should not be in the package.`
        )
      )
    } else if (file.endsWith('.map')) {
      findings.push(
        warning(
          'package/source-map',
          file,
          `${file} is a source map; it publishes the app's source and is not needed to run it.`
        )
      )
    } else if (!TOP_LEVEL.includes(file.split('/')[0] ?? '')) {
      findings.push(
        warning(
          'package/unexpected-file',
          file,
          `${file} is outside assets/ and translations/; Zendesk does not serve it.`
        )
      )
    }
  }
  return findings
}

function unsupportedKind(pkg: PackageFiles, file: string): string | null {
  const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase()
  if (extension && UNSUPPORTED_EXTENSIONS.includes(extension)) return extension
  // Text files are read as text by Zendesk too; a minified bundle that happens to start with "MZ" is no executable.
  if (extension && TEXT_EXTENSIONS.includes(extension)) return null
  const head = pkg.read(file).subarray(0, 8)
  return MAGIC.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte))?.kind ?? null
}
