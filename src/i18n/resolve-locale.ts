/**
 * The most specific locale we have for `requested`: `de-AT` → `de-AT`, else `de`, else another
 * region of the same language (`pt-PT` → `pt-BR`: a Portuguese reader would rather read Brazilian
 * Portuguese than English), else `en`. Its own file: the entry chunk uses it for the crash text.
 */
export function resolveLocale(requested: string | null | undefined, available: readonly string[]): string {
  if (!requested) return 'en'
  const normalised = requested.replace('_', '-').toLowerCase()
  const exact = available.find((locale) => locale.toLowerCase() === normalised)
  if (exact) return exact
  const language = normalised.split('-')[0] ?? ''
  return (
    available.find((locale) => locale.toLowerCase() === language) ??
    available.find((locale) => locale.toLowerCase().split('-')[0] === language) ??
    'en'
  )
}
