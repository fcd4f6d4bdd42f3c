import { afterEach, beforeEach } from 'vitest';
import { ZaloBotClient } from '../../../src/channels/zalo/client';
import { ZaloSender } from '../../../src/channels/zalo/sender';
import { FakeZaloApi } from '../../fakes/zalo-api-server';
import type { Harness } from '../../support/harness';
import { harnessPerTest } from '../../support/per-test';

export const ZALO_SECRET = 'zalo-webhook-secret-123';

/** A fake Zalo Bot API and the shop sending to it, its webhook on, both fresh for each test of the file. */
export function zaloShopPerTest(): { api: () => FakeZaloApi; harness: () => Harness } {
  let current: FakeZaloApi | undefined;
  beforeEach(async () => {
    current = new FakeZaloApi({ maxPollWaitMs: 50 });
    await current.start();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const api = () => {
    if (!current) throw new Error('the fake Zalo API runs only inside a test and its hooks');
    return current;
  };
  const harness = harnessPerTest(() => ({
    senders: { zalo: new ZaloSender(new ZaloBotClient(api().token, { apiUrl: api().url, timeoutMs: 2000 }), 'https://shop.example.vn') },
    webhooks: { zalo: { secret: ZALO_SECRET } },
  }));
  return { api, harness };
}
