/** `today` plus `days`, as YYYY-MM-DD in the local calendar: seeds keep "renews in 23 days" true whenever they load. */
export function addDays(today: Date, days: number): string {
  return new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days))
    .toISOString()
    .slice(0, 10)
}
