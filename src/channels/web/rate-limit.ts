/**
 * Counts requests per key (a visitor id, a client address) in a sliding window and says how
 * long a key over its limit must wait. In memory: one Node process sees every request; on
 * Workers each isolate counts its own, which still bounds what one isolate writes.
 */
export class RateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** Keys kept before the ones with nothing recent are forgotten. */
    private readonly maxKeys = 50_000,
  ) {}

  /** Milliseconds `key` must wait before its next request; 0 when it may go ahead. Records nothing. */
  waitFor(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : recent[recent.length - this.limit]! + this.windowMs - now;
  }

  /** Counts a request that went ahead. */
  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.forgetIdle(now);
  }

  /** Whether `key` made a request that went ahead within the window. */
  seen(key: string, now: number): boolean {
    return this.recent(key, now).length > 0;
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((time) => time > now - this.windowMs);
  }

  /** Drops keys with nothing recent; under a flood of fresh keys, the oldest ones too, so memory stays bounded. */
  private forgetIdle(now: number): void {
    for (const key of this.hits.keys()) if (this.recent(key, now).length === 0) this.hits.delete(key);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys * 0.9) break;
      this.hits.delete(key);
    }
  }
}
