import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../src/conversation/turn-queue';

/** A task that records when it started and ends when `release` is called. */
function held(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { task: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name), release: () => release() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('runs one chat’s turns in the order they came, each after the one before ended', async () => {
    const queue = new TurnQueue(8);
    const log: string[] = [];
    const first = held(log, 'a1');
    const second = held(log, 'a2');
    const results = [queue.run('a', first.task), queue.run('a', second.task)];
    await settle();
    expect(log).toEqual(['start a1']);
    second.release();
    await settle();
    expect(log).toEqual(['start a1']);
    first.release();
    expect(await Promise.all(results)).toEqual(['a1', 'a2']);
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2']);
  });

  it('runs different chats side by side up to the limit; the others start oldest first as slots free', async () => {
    const queue = new TurnQueue(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((chat) => ({ chat, ...held(log, chat) }));
    const results = tasks.map(({ chat, task }) => queue.run(chat, task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.alone).toBe(false);
    tasks[1]!.release();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    tasks[0]!.release();
    tasks[2]!.release();
    tasks[3]!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a chat’s next turn waits behind turns of other chats that were ready before it', async () => {
    const queue = new TurnQueue(1);
    const log: string[] = [];
    const a1 = held(log, 'a1');
    const b = held(log, 'b');
    const a2 = held(log, 'a2');
    const results = [queue.run('a', a1.task), queue.run('b', b.task), queue.run('a', a2.task)];
    a2.release();
    b.release();
    a1.release();
    await Promise.all(results);
    expect(log).toEqual(['start a1', 'end a1', 'start b', 'end b', 'start a2', 'end a2']);
  });

  it('a turn that fails (or throws before its first await) rejects alone; the chat goes on with its next', async () => {
    const queue = new TurnQueue(1);
    const failing = queue.run('a', async () => {
      throw new Error('database locked');
    });
    const throwing = queue.run('a', () => {
      throw new Error('bad update');
    });
    const next = queue.run('a', async () => 'next');
    await expect(failing).rejects.toThrow('database locked');
    await expect(throwing).rejects.toThrow('bad update');
    expect(await next).toBe('next');
    expect(queue.alone).toBe(true);
  });

  it('is alone only while a single turn runs and none waits', async () => {
    const queue = new TurnQueue(4);
    expect(queue.alone).toBe(true);
    const log: string[] = [];
    const one = held(log, 'one');
    const running = queue.run('a', one.task);
    expect(queue.alone).toBe(true);
    const other = queue.run('b', async () => 'b');
    expect(queue.alone).toBe(false);
    await other;
    expect(queue.alone).toBe(true);
    one.release();
    await running;
  });
});
