import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZaloApi, zaloUpdate } from '../../fakes/zalo-api-server.js';
import { ZaloApiError, ZaloBotClient, startPolling } from '../../../src/channels/zalo/index.js';
import type { PollingHandle, ZaloUpdate } from '../../../src/channels/zalo/index.js';
import { rejectionOf, waitFor } from './helpers.js';

let api: FakeZaloApi;
let client: ZaloBotClient;
let handles: PollingHandle[];

/** A sleep that returns at once and remembers how long it was asked to wait. */
function fakeSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

beforeEach(async () => {
  api = new FakeZaloApi({ maxPollWaitMs: 50 });
  await api.start();
  client = new ZaloBotClient(api.token, { apiUrl: api.url, timeoutMs: 2000 });
  handles = [];
});

afterEach(async () => {
  await Promise.all(handles.map((h) => h.stop()));
  await api.close();
});

function poll(
  onUpdate: (u: ZaloUpdate) => Promise<void>,
  options: Parameters<typeof startPolling>[2] = {},
  c: ZaloBotClient = client,
): PollingHandle {
  const handle = startPolling(c, onUpdate, { timeoutSeconds: 1, onError: () => {}, ...options });
  handles.push(handle);
  return handle;
}

describe('startPolling', () => {
  it('receives several queued updates in order, one per getUpdates call', async () => {
    const texts = ['chào shop', 'xoài còn không', 'giá bao nhiêu', 'ship về Cần Thơ'];
    for (const t of texts) api.queueUpdate(zaloUpdate.text('c1', t));
    const seen: string[] = [];
    const handle = poll(async (u) => void seen.push(u.message.text ?? '?'));
    await waitFor(() => seen.length === 4, 3000, 'four updates');
    await handle.stop();
    expect(seen).toEqual(texts);
    const calls = api.callsOf('getUpdates');
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.every((c) => JSON.stringify(c.body) === '{"timeout":"1"}')).toBe(true);
  });

  it('polls again at once after an empty poll (408), without backoff or error', async () => {
    const { sleep, delays } = fakeSleep();
    const errors: unknown[] = [];
    const seen: string[] = [];
    const handle = poll(async (u) => void seen.push(u.message.text ?? ''), { sleep, onError: (e) => errors.push(e) });
    await waitFor(() => api.callsOf('getUpdates').length >= 3, 3000, 'three empty polls');
    api.queueUpdate(zaloUpdate.text('c1', 'cuối cùng'));
    await waitFor(() => seen.length === 1);
    await handle.stop();
    expect(delays).toEqual([]);
    expect(errors).toEqual([]);
    expect(seen).toEqual(['cuối cùng']);
  });

  it('survives 429, 500 and a dropped connection with exponential backoff, reset on success', async () => {
    const { sleep, delays } = fakeSleep();
    const errors: unknown[] = [];
    api.failNext('getUpdates', '429');
    api.failNext('getUpdates', '500');
    api.failNext('getUpdates', 'drop');
    api.failNext('getUpdates', '500');
    api.queueUpdate(zaloUpdate.text('c1', 'đơn 1'));
    const seen: string[] = [];
    const handle = poll(async (u) => void seen.push(u.message.text ?? ''), {
      sleep,
      backoffMs: { initial: 100, max: 350 },
      onError: (e) => errors.push(e),
    });
    await waitFor(() => seen.length === 1, 3000, 'update after failures');
    expect(delays).toEqual([100, 200, 350, 350]);
    expect(errors.map((e) => (e as ZaloApiError).errorCode)).toEqual([429, 500, 0, 500]);
    expect((errors[2] as ZaloApiError).description).toMatch(/^network error/);

    // After a success the next failure waits the initial delay again.
    api.failNext('getUpdates', '500');
    api.queueUpdate(zaloUpdate.text('c1', 'đơn 2'));
    await waitFor(() => seen.length === 2 && delays.length === 5, 3000, 'second round');
    await handle.stop();
    expect(delays[4]).toBe(100);
    expect(seen).toEqual(['đơn 1', 'đơn 2']);
  });

  it('reports an error thrown by onUpdate and keeps polling', async () => {
    const errors: unknown[] = [];
    api.queueUpdate(zaloUpdate.text('c1', 'boom'));
    api.queueUpdate(zaloUpdate.text('c1', 'ok'));
    const seen: string[] = [];
    const handle = poll(
      async (u) => {
        seen.push(u.message.text ?? '');
        if (u.message.text === 'boom') throw new Error('handler failed');
      },
      { onError: (e) => errors.push(e) },
    );
    await waitFor(() => seen.length === 2);
    await handle.stop();
    expect(seen).toEqual(['boom', 'ok']);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('handler failed');
  });

  it('stops cleanly mid-poll and a new loop gets the updates queued meanwhile', async () => {
    const slow = new FakeZaloApi({ maxPollWaitMs: 10_000 });
    await slow.start();
    try {
      const c = new ZaloBotClient(slow.token, { apiUrl: slow.url, timeoutMs: 2000 });
      const first: string[] = [];
      slow.queueUpdate(zaloUpdate.text('c1', 'trước'));
      const h1 = poll(async (u) => void first.push(u.message.text ?? ''), { timeoutSeconds: 30 }, c);
      await waitFor(() => first.length === 1 && slow.pendingPolls === 1, 3000, 'a poll in flight');

      const stopping = Date.now();
      await h1.stop();
      expect(Date.now() - stopping).toBeLessThan(1000); // the 10 s poll was aborted, not waited for
      await expect(h1.done).resolves.toBeUndefined();
      await waitFor(() => slow.pendingPolls === 0, 3000, 'the server to see the abort');
      const callsAfterStop = slow.callsOf('getUpdates').length;

      slow.queueUpdate(zaloUpdate.text('c1', 'sau 1'));
      slow.queueUpdate(zaloUpdate.text('c1', 'sau 2'));
      await new Promise((r) => setTimeout(r, 30));
      expect(slow.callsOf('getUpdates').length).toBe(callsAfterStop); // the old loop is gone
      expect(slow.queued).toBe(2);

      const second: string[] = [];
      const h2 = poll(async (u) => void second.push(u.message.text ?? ''), { timeoutSeconds: 30 }, c);
      await waitFor(() => second.length === 2, 3000, 'updates in the new loop');
      await h2.stop();
      expect(first).toEqual(['trước']);
      expect(second).toEqual(['sau 1', 'sau 2']);
    } finally {
      await slow.close();
    }
  });

  it('stop() waits for a running onUpdate, then polls no more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    api.queueUpdate(zaloUpdate.text('c1', 'chậm'));
    api.queueUpdate(zaloUpdate.text('c1', 'không được giao'));
    let entered = false;
    const handle = poll(async () => {
      entered = true;
      await gate;
      finished = true;
    });
    await waitFor(() => entered);
    let stopped = false;
    const stopping = handle.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(api.callsOf('getUpdates')).toHaveLength(1);
    expect(api.queued).toBe(1);
  });

  it('stop() during a backoff sleep does not wait for the sleep', async () => {
    api.failNext('getUpdates', '500');
    let sleeping = false;
    const handle = poll(async () => {}, {
      sleep: () => {
        sleeping = true;
        return new Promise(() => {}); // never ends
      },
    });
    await waitFor(() => sleeping);
    await handle.stop();
    expect(api.callsOf('getUpdates')).toHaveLength(1);
  });

  it('stops on 401 with a clear error: the token is wrong or revoked', async () => {
    const { sleep, delays } = fakeSleep();
    const errors: unknown[] = [];
    const bad = new ZaloBotClient('1:not-the-right-token', { apiUrl: api.url });
    const handle = poll(async () => {}, { sleep, onError: (e) => errors.push(e) }, bad);
    const error = await rejectionOf(handle.done);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).errorCode).toBe(401);
    expect((error as Error).message).toMatch(/token is wrong or has been revoked/);
    expect((error as Error).message).not.toContain('not-the-right-token');
    expect(errors).toEqual([error]);
    expect(delays).toEqual([]);
    expect(api.callsOf('getUpdates')).toHaveLength(1);
    await expect(handle.stop()).resolves.toBeUndefined();
  });

  it('backs off on 403 (an internal server error in the Bot API reference) and keeps polling', async () => {
    const { sleep, delays } = fakeSleep();
    api.failNext('getUpdates', { status: 403, body: { ok: false, error_code: 403, description: 'Internal server error' } }, 2);
    api.queueUpdate(zaloUpdate.text('c1', 'sau lỗi 403'));
    const seen: string[] = [];
    poll(async (u) => void seen.push(u.message.text ?? ''), { sleep, backoffMs: { initial: 10, max: 40 } });
    await waitFor(() => seen.length === 1, 3000, 'the update after two 403s');
    expect(seen).toEqual(['sau lỗi 403']);
    expect(delays).toEqual([10, 20]);
  });

  it('stops on a token revoked while running (401)', async () => {
    const seen: string[] = [];
    api.queueUpdate(zaloUpdate.text('c1', 'trước khi thu hồi'));
    const h2 = poll(async (u) => {
      seen.push(u.message.text ?? '');
      api.revokeToken();
    });
    const error = (await rejectionOf(h2.done)) as ZaloApiError;
    expect(error.errorCode).toBe(401);
    expect(seen).toEqual(['trước khi thu hồi']);
  });
});
