import type { Finding } from './finding'

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export function summary(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { errors, warnings: findings.length - errors }
}

/** Lines like Zendesk's upload check, then what was skipped, then `N errors, N warnings`. */
export function formatText(findings: readonly Finding[], skipped: readonly string[] = []): string {
  const width = Math.max(0, ...findings.map((finding) => finding.file.length))
  const lines = findings.map((finding) => {
    const mark = finding.severity === 'error' ? '✖ error  ' : '⚠ warning'
    const line = `${mark}  ${finding.file.padEnd(width)}  [${finding.rule}] ${finding.message}`
    return finding.note === undefined ? line : `${line}\n           ↳ ${finding.note}`
  })
  const skips = skipped.map(
    (file) =>
      `ℹ skipped  ${file}  (zcli's output folder: Zendesk's validator skips tmp/ too, and npm run package never ships it)`
  )
  const { errors, warnings } = summary(findings)
  return [...lines, ...skips, `${count(errors, 'error')}, ${count(warnings, 'warning')}`].join('\n')
}

export function formatJson(
  dir: string,
  findings: readonly Finding[],
  skipped: readonly string[] = []
): string {
  return JSON.stringify({ dir, ...summary(findings), findings, skipped }, null, 2)
}
