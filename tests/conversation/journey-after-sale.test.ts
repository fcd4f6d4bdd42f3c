import { describe, expect, it } from 'vitest';
import { newId } from '../../src/conversation/ids';
import { scheduleQuery } from '../../src/store/index';
import { logIn, PASSWORD } from '../admin/support';
import { afterSaleShopPerTest } from './after-sale.support';

const DAY = 24 * 60;
const { clock, shop, restart } = afterSaleShopPerTest();

/** Lets the check-in of the order come due and sends it. */
async function checkInAfter(days = 5): Promise<void> {
  clock.advance(days * DAY);
  await shop().harness.conversations.sweepIdle();
  expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
}

/** Another check-in of the same order `days` later, as a later order would bring. */
async function checkInAgain(code: string, key: string, days: number): Promise<void> {
  clock.advance(days * DAY);
  const now = clock.now();
  await shop().db.executeQuery(scheduleQuery(shop().db, { id: newId(now), customerId: 'telegram:c1', kind: 'checkin', key, dueAt: now.toISOString(), payload: { order_code: code, product: 'xoai_cat_hoa_loc' }, now: now.toISOString() }));
  expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
}

const answers = () => shop().db.selectFrom('events').select(['detail']).where('type', '=', 'nps_answered').execute();

describe('"would you recommend us" in the check-in', () => {
  it('is asked after the product score, and the score with its reason is kept for the NPS page', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    await checkInAfter();
    await shop().tap('c1', '5 · Rất ngon');
    expect(shop().lastText('c1')).toContain('giới thiệu shop');
    await shop().say('c1', '9');
    expect(shop().lastText('c1')).toContain('9 điểm');
    await shop().say('c1', 'xoài ngọt, shop gói kỹ');
    expect(await answers()).toEqual([{ detail: JSON.stringify({ score: 9, reason: 'xoài ngọt, shop gói kỹ', order_code: code }) }]);
  });

  it('is not asked again within the period set in shop.yaml, even when the customer did not answer', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    await checkInAfter();
    await shop().tap('c1', '4 · Ngon');
    expect(shop().lastText('c1')).toContain('giới thiệu shop');

    await checkInAgain(code, 'second', 40);
    await shop().tap('c1', '4 · Ngon');
    expect(shop().lastText('c1')).not.toContain('giới thiệu shop');

    await checkInAgain(code, 'third', 180);
    await shop().tap('c1', '5 · Rất ngon');
    expect(shop().lastText('c1')).toContain('giới thiệu shop');
  });

  it('is never asked when the shop turns it off', async () => {
    shop().harness.engine.flows.shop.after_sale.nps.enabled = false;
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    await checkInAfter();
    await shop().tap('c1', '5 · Rất ngon');
    expect(shop().lastText('c1')).not.toContain('giới thiệu shop');
    expect(shop().lastText('c1')).toContain('cảm ơn anh/chị nhiều');
  });
});

describe('what the owner reads afterwards', () => {
  it('the NPS page shows the answer and its reason, and the journey page the check-in touchpoint, with the real flows', async () => {
    await restart({ adminPassword: PASSWORD });
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    await checkInAfter();
    await shop().tap('c1', '3 · Bình thường');
    await shop().say('c1', '4');
    await shop().say('c1', 'giao chậm quá');
    clock.advance(10);
    const { cookie } = await logIn(shop().harness.app, PASSWORD);
    const nps = await (await shop().harness.app.request('/admin/nps', { headers: { cookie } })).text();
    expect(nps).toContain('giao chậm quá');
    expect(nps).toContain('4/10');
    const journey = await shop().harness.app.request('/admin/journey', { headers: { cookie } });
    expect(journey.status).toBe(200);
    const page = await journey.text();
    expect(page).toContain('Sử dụng');
  });
});

describe('the reason a cart was left', () => {
  it('is asked on the one reminder and kept with the step where the cart was left', async () => {
    await shop().say('c1', 'đặt hàng');
    await shop().say('c1', 'xoài cát hòa lộc');
    await shop().say('c1', '3 ký');
    const left = await shop().db.selectFrom('events').select(['flow', 'step']).where('type', '=', 'step_entered').orderBy('id', 'desc').executeTakeFirstOrThrow();
    clock.advance(31);
    await shop().harness.conversations.sweepIdle();
    clock.advance(120);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
    expect(shop().lastText('c1')).toContain('lý do');
    const before = shop().count('c1');
    await shop().tap('c1', 'Phí ship');
    expect(shop().textsSince('c1', before)).toContain('miễn phí giao hàng');
    const reasons = await shop().db.selectFrom('events').select(['detail']).where('type', '=', 'cart_left_reason').execute();
    expect(reasons).toEqual([{ detail: JSON.stringify({ reason: 'shipping_fee', note: null, left_flow: left.flow, left_step: left.step }) }]);
  });
});
