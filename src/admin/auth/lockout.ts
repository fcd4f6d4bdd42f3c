/**
 * Slows down password guessing, one address at a time: from the second wrong password on, the
 * address waits before its next try (1 s, 2 s, 4 s …); after `limit` wrong passwords within the
 * window it waits until the oldest of them leaves the window. Other addresses are never held.
 * Kept in memory: a restart forgets it, which costs a guesser a restart they cannot cause.
 */
export class LoginLockout {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit = 5,
    readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds this address must still wait; 0 when it may try. */
  waitFor(address: string, now: Date): number {
    const recent = this.recent(address, now);
    if (recent.length >= this.limit) return recent[recent.length - this.limit]! + this.windowMs - now.getTime();
    if (recent.length < 2) return 0;
    const pauseMs = 1000 * 2 ** (recent.length - 2);
    return Math.max(0, recent[recent.length - 1]! + pauseMs - now.getTime());
  }

  /** Whether this address used up its tries (not only slowed down). */
  isBlocked(address: string, now: Date): boolean {
    return this.recent(address, now).length >= this.limit;
  }

  /** Wrong passwords this address may still type before it has to wait. */
  triesLeft(address: string, now: Date): number {
    return Math.max(0, this.limit - this.recent(address, now).length);
  }

  recordFailure(address: string, now: Date): void {
    const recent = this.recent(address, now);
    recent.push(now.getTime());
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.forgetExpired(now);
  }

  clear(address: string): void {
    this.failures.delete(address);
  }

  private recent(address: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    return (this.failures.get(address) ?? []).filter((time) => time > since);
  }

  private forgetExpired(now: Date): void {
    for (const address of this.failures.keys()) {
      if (this.recent(address, now).length === 0) this.failures.delete(address);
    }
  }
}
