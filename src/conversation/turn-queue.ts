interface Job {
  chat: string;
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs a chat's turns one after another, and turns of different chats side by side up to
 * `limit` at once; the others wait holding only their task. A burst of ten thousand chats
 * then keeps a bounded number of snapshots, states and batches in memory (and a few hundred
 * bytes per waiting turn), and the turns running together are the ones committed together.
 * In-process only; across processes (or Worker invocations) the version check holds.
 */
export class TurnQueue {
  private running = 0;
  /** Each chat with a turn under way or waiting: its turns in order, the first one running or ready. */
  private readonly chats = new Map<string, Job[]>();
  /** First turns of their chats waiting for a slot, oldest first; those before `next` were started. */
  private ready: Job[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  /** At most one turn is under way (the caller's own) and none is waiting for a slot. */
  get alone(): boolean {
    return this.running <= 1 && this.next >= this.ready.length;
  }

  run<T>(chat: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { chat, task, resolve: resolve as (value: unknown) => void, reject };
      const queued = this.chats.get(chat);
      if (queued) {
        queued.push(job);
        return;
      }
      this.chats.set(chat, [job]);
      if (this.running < this.limit) {
        this.running++;
        this.start(job);
      } else {
        this.ready.push(job);
      }
    });
  }

  private start(job: Job): void {
    let result: Promise<unknown>;
    try {
      result = job.task();
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (value) => {
        this.finish(job);
        job.resolve(value);
      },
      (error: unknown) => {
        this.finish(job);
        job.reject(error);
      },
    );
  }

  /** The chat's next turn queues for a slot behind the others ready; the freed slot goes to the oldest ready turn. */
  private finish(job: Job): void {
    const queued = this.chats.get(job.chat)!;
    queued.shift();
    if (queued.length === 0) this.chats.delete(job.chat);
    else this.ready.push(queued[0]!);
    if (this.next >= this.ready.length) {
      this.running--;
      return;
    }
    const resumed = this.ready[this.next++]!;
    // Drop what was started, now and then rather than shifting the array every time.
    if (this.next > 1024 && this.next * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.next);
      this.next = 0;
    }
    this.start(resumed);
  }
}
