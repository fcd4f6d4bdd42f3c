import { beforeEach, describe, expect, it } from 'vitest';
import { WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';

const harness = harnessPerTest();
let visitor: WebVisitor;

beforeEach(async () => {
  visitor = new WebVisitor(harness().app);
  // A web customer the shop already knows from an earlier order.
  const now = harness().clock.now().toISOString();
  await harness().store.db
    .insertInto('customers')
    .values({ id: `web:${visitor.visitorId}`, channel: 'web', chat_id: visitor.visitorId, display_name: null, name: 'Trần Thị Bích', phone: '0987654321', address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ', created_at: now, last_seen_at: now })
    .execute();
});

const PERSONAL = /Trần Thị Bích|0987654321|Nguyễn Văn Cừ/;

describe('personal data over the web chat', () => {
  it('is shown only after the customer gives the last four digits of the phone on file', async () => {
    await visitor.say('dữ liệu của tôi');
    expect(visitor.text()).not.toMatch(PERSONAL);
    expect(visitor.text()).toContain('4 số cuối');

    await visitor.say('dữ liệu của tôi 1234');
    expect(visitor.text()).not.toMatch(PERSONAL);

    await visitor.say('dữ liệu của tôi 4321');
    expect(visitor.text()).toContain('Số điện thoại: 0987654321');
    expect(visitor.text()).toContain('Tên: Trần Thị Bích');
  });
});
