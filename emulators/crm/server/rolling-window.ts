/** Counts events in a rolling window, against an injectable clock so tests need no waiting. */
export class RollingWindow {
  private events: number[] = []

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number
  ) {}

  /** Events within the window, oldest dropped first. */
  count(): number {
    const since = this.now() - this.windowMs
    this.events = this.events.filter((at) => at > since)
    return this.events.length
  }

  /** Records an event if fewer than `limit` happened within the window; false (not recorded) otherwise. */
  admit(limit: number): boolean {
    if (this.count() >= limit) return false
    this.events.push(this.now())
    return true
  }

  record(): void {
    this.count()
    this.events.push(this.now())
  }

  clear(): void {
    this.events = []
  }
}
