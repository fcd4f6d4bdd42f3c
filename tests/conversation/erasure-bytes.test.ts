import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabasePath, TestClock } from '../support/harness';
import { savePhotoQuery } from '../../src/store/index';
import { logIn } from '../admin/support';
import { AfterSaleShop } from './after-sale.support';

const OWNER_CHAT = '-1001234567890';
const PASSWORD = 'vuon-nha-tu-2026';
/** What the customer gave the shop, as typed and as stored. */
const PERSONAL = ['0987654321', '0987.654.321', 'Trần Thị Bích', 'Nguyễn Văn Cừ'];

let database: ReturnType<typeof tempDatabasePath>;
let shop: AfterSaleShop;

beforeEach(async () => {
  database = tempDatabasePath();
  shop = await AfterSaleShop.open(database.path, new TestClock(), undefined, { owner: { channel: 'telegram', chatId: OWNER_CHAT }, adminPassword: PASSWORD });
});

afterEach(async () => {
  await shop.close();
  database.cleanup();
});

/** How often each piece of personal data appears in the raw bytes of the database file and its WAL, while the shop runs. */
function occurrences(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of [database.path, `${database.path}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const text of PERSONAL) {
      const needle = Buffer.from(text, 'utf8');
      let at = bytes.indexOf(needle);
      while (at !== -1) {
        const key = `${file.endsWith('-wal') ? 'wal' : 'db'}: ${text}`;
        counts[key] = (counts[key] ?? 0) + 1;
        at = bytes.indexOf(needle, at + 1);
      }
    }
  }
  return counts;
}

/** An order, then a talk with the owner: the owner's notices carry the name and the phone. */
async function orderAndTalkToTheOwner(): Promise<void> {
  await shop.order('c1', 'xoài cát hòa lộc', '2 ký');
  await shop.say('c1', 'cho mình gặp người thật');
  await shop.say('c1', 'đơn của mình giao chưa ạ, số mình 0987654321');
  expect(shop.telegram.textsTo(OWNER_CHAT).join('\n')).toContain('Trần Thị Bích');
  expect(Object.keys(occurrences()).length).toBeGreaterThan(0);
}

describe('erasing a customer erases the bytes, not only the rows', () => {
  it('the owner erases from the dashboard: neither the database file nor its WAL holds the phone, the name or the address', async () => {
    await orderAndTalkToTheOwner();
    // The bank's note of the customer's transfer names them; a photo they sent is theirs too.
    const code = (await shop.db.selectFrom('orders').select('code').executeTakeFirstOrThrow()).code;
    const now = new Date().toISOString();
    await shop.db
      .insertInto('bank_transfers')
      .values({ id: 't1', source: 'sepay', external_id: '1', bank: 'Vietcombank', account_number: '1012345678', sub_account: null, direction: 'in', amount: 190000, content: `Trần Thị Bích 0987654321 chuyen tien ${code}`, reference_code: null, transferred_at: now, received_at: now, order_code: code, outcome: 'paid', unmatched_reason: null, matched_by: 'auto', matched_at: now })
      .execute();
    await shop.harness.store.batch([savePhotoQuery(shop.db, { id: 'photo-1', customerId: 'telegram:c1', contentType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]), now })]);
    const session = await logIn(shop.harness.app, PASSWORD);
    const erased = await shop.harness.app.request(`/admin/customers/${encodeURIComponent('telegram:c1')}/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: session.cookie },
      body: new URLSearchParams({ _csrf: session.csrf, confirm: 'yes' }),
    });
    expect(erased.status).toBe(303);
    expect(occurrences()).toEqual({});
    expect(await shop.db.selectFrom('bank_transfers').select(['content', 'amount']).execute()).toEqual([{ content: '', amount: 190000 }]);
    expect(await shop.db.withTables<{ photos: { id: string } }>().selectFrom('photos').select('id').execute()).toEqual([]);
  });

  it('the customer asks "xoa du lieu cua toi" and says yes: neither the database file nor its WAL holds the phone, the name or the address', async () => {
    await orderAndTalkToTheOwner();

    // Back to the bot ("menu"), then the request.
    await shop.say('c1', 'menu');
    await shop.say('c1', 'xoa du lieu cua toi');
    await shop.tap('c1', 'Có');
    expect(shop.lastText('c1')).toContain('đã xoá dữ liệu cá nhân');
    expect(occurrences()).toEqual({});
  });
});
