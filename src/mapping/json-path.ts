/**
 * The `@path` language of the custom-REST settings: `$`, `$.data`, `$.data[0].owner.email`, or the
 * same without the leading `$.` (`owner.email`). Dots and numeric indexes only, on purpose: no
 * filters, wildcards or script expressions, so a setting can never run code (docs/crm-vendor-notes.md §2).
 */
export type JsonPath = readonly (string | number)[]

const SEGMENT = /\.([A-Za-z_][\w-]*)|\[(\d{1,6})\]/y

/** The segments of `text`, or null when it is not a path in this language. */
export function parsePath(text: string): JsonPath | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  const body = trimmed.startsWith('$') ? trimmed.slice(1) : `.${trimmed}`
  const segments: (string | number)[] = []
  SEGMENT.lastIndex = 0
  while (SEGMENT.lastIndex < body.length) {
    const start = SEGMENT.lastIndex
    const match = SEGMENT.exec(body)
    if (!match || match.index !== start) return null
    segments.push(match[1] ?? Number(match[2]))
  }
  return segments
}

/** `task.key`, `data[0].id`: how a path is named in variable lists and problem details. */
export function formatPath(path: JsonPath): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`
    )
    .join('')
}

/**
 * The value at `path`, or undefined when any step is missing. Only own properties of plain
 * objects are followed, so `__proto__` or `constructor` in a setting reads nothing.
 */
export function readPath(value: unknown, path: JsonPath): unknown {
  let current = value
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined
      current = current[segment]
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
      if (!Object.hasOwn(current, segment)) return undefined
      current = (current as Record<string, unknown>)[segment]
    }
  }
  return current
}
