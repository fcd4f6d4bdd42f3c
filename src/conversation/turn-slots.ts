/**
 * Lets at most `limit` turns run at once in this process; the others wait holding only their
 * update. A burst of ten thousand chats then keeps a bounded number of snapshots, states and
 * batches in memory, and the turns running together are the ones committed together.
 */
export class TurnSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  /** At most one turn is under way (the caller's own) and none is waiting for a slot. */
  get alone(): boolean {
    return this.running <= 1 && this.next >= this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      this.handOver();
    }
  }

  /** The slot goes straight to the oldest waiting turn, if any. */
  private handOver(): void {
    if (this.next < this.waiting.length) {
      const resume = this.waiting[this.next++]!;
      // Drop what was handed over, now and then rather than shifting the array every time.
      if (this.next > 1024 && this.next * 2 > this.waiting.length) {
        this.waiting.splice(0, this.next);
        this.next = 0;
      }
      resume();
    } else {
      this.running--;
    }
  }
}
