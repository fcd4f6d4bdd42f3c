import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QrMedia, qrMediaRoute, qrSigningKey } from '../../../src/channels/media/qr-media';
import { openDatabase } from '../../../src/runtime.node.ts';
import type { Store } from '../../../src/store/index';
import { tempDatabasePath } from '../../support/harness';
import { sampleFlows } from '../../support/sample-flows';

let database: ReturnType<typeof tempDatabasePath>;
let store: Store;
let media: QrMedia;

beforeEach(async () => {
  database = tempDatabasePath();
  ({ store } = await openDatabase(database.path));
  const flows = await sampleFlows();
  media = new QrMedia({ store, flows: () => flows, key: qrSigningKey(['qr-timing-test-secret']) });
  const now = '2026-05-12T03:00:00.000Z';
  await store.db.insertInto('customers').values({ id: 'web:qr', channel: 'web', chat_id: 'qr', display_name: null, name: null, phone: null, address: null, created_at: now, last_seen_at: now }).execute();
  await store.db
    .insertInto('orders')
    .values({ id: 'o1', code: 'XB123', customer_id: 'web:qr', conversation_id: null, channel: 'web', items: '[]', subtotal: 170000, discount: 0, shipping_fee: 20000, total: 190000, promo_code: null, contact_name: 'A', phone: '0900000000', address: 'x', province: null, note: null, payment_method: 'bank', payment_status: 'unpaid', shipping_status: 'new', tracking_code: null, created_at: now, updated_at: now })
    .execute();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
  database.cleanup();
});

describe('the QR route does not tell which order codes exist', () => {
  it('an unknown order code costs the same signing work as a real one with a wrong tag, and both are 404', async () => {
    const route = qrMediaRoute(media);
    const wrongTag = '0'.repeat(32);
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const signsFor = async (code: string) => {
      sign.mockClear();
      expect((await route.request(`/qr/${code}-${wrongTag}.png`)).status).toBe(404);
      return sign.mock.calls.length;
    };
    const known = await signsFor('XB123');
    const unknown = await signsFor('XX999');
    expect(known).toBeGreaterThan(0);
    expect(unknown).toBe(known);
    const right = await media.path('XB123', 190000);
    expect((await route.request(right.replace('/media', ''))).status).toBe(200);
  });
});
