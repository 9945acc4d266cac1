const MS_PER_DAY = 86_400_000

/** Days from `today` to `renewalDate` (both calendar dates, `YYYY-MM-DD`); negative when past. */
export function daysUntil(renewalDate: string, today: string): number {
  return Math.round((Date.parse(`${renewalDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / MS_PER_DAY)
}

/** True when the renewal is today or within the next `soonDays` days. Past renewals are not "soon". */
export function isRenewingSoon(days: number, soonDays: number): boolean {
  return days >= 0 && days <= soonDays
}

/** The agent's local calendar date as `YYYY-MM-DD`; days are counted in the agent's time zone. */
export function localDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
}
