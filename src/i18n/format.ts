/** Locale-aware formatting for the card; every visible number and date goes through here. */

/** A calendar date (`YYYY-MM-DD`) in the agent's locale. Read as UTC so it never shifts a day. */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`)
  )
}

/** ARR in short form ("$1.25M") for the narrow sidebar. */
export function formatMoneyShort(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(amount)
}

/** ARR in full ("$1,250,000"), for the tooltip and screen readers. */
export function formatMoneyFull(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount
  )
}

/** "5 minutes ago" style, for the card's "as of" line. */
export function formatAge(ms: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return format.format(-minutes, 'minute')
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour')
  return format.format(-Math.round(minutes / 1440), 'day')
}
