import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/index';
import { parseTaught } from '../../src/flows/taught';
import type { ShopFlows } from '../../src/flows/index';
import { shopTaught, trainedEngine } from '../../src/runtime.node.ts';
import type { Store } from '../../src/store/index';
import { sampleFlows } from '../support/sample-flows';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop } from './seed';
import { logIn, mountAdmin, openTestStore, TestClock } from './support';

let store: Store;
let close: () => Promise<void>;
let flows: ShopFlows;
let engine: Engine;
let relearned = 0;
let app: Hono;
let session: { cookie: string; csrf: string };

/** The dashboard as Node mounts it: a lesson saved retrains the engine at once. */
beforeAll(async () => {
  ({ store, close } = await openTestStore());
  const clock = new TestClock();
  await insertShop(store, generateShop(fixtureFlows(), { now: clock.now() }));
  flows = await sampleFlows();
  engine = await trainedEngine(flows, []);
  ({ app } = mountAdmin(store, {
    clock,
    flows,
    relearn: async () => {
      relearned++;
      engine = await trainedEngine(flows, await shopTaught('flows', store));
    },
  }));
  session = await logIn(app);
}, 60_000);
afterAll(() => close());

async function post(path: string, form: Record<string, string>) {
  return app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _csrf: session.csrf, ...form }),
  });
}

describe('the owner teaches the bot on the dashboard', () => {
  it('lists what customers wrote that the bot did not understand, once per way of writing it', async () => {
    const page = await (await app.request('/admin/teach', { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('Dạy bot hiểu khách');
    // "gia bn 1kg" and "Giá bn 1kg" are one line, shown as customers wrote it most often.
    expect(page.match(/name="text" value="gi[aá] bn 1kg"/gi)?.length).toBe(1);
    expect(page.match(/name="text" value="sh[ií]p ko\??"/gi)?.length).toBe(1);
    expect(page).toContain('Không phải việc của shop');
  });

  it('a message assigned to a flow is answered by that flow right after saving, and leaves the list', async () => {
    const text = 'cho hỏi vụ thùng xốp lần trước';
    const target = engine.understand(text).best?.flow === 'returns' ? 'promotions' : 'returns';
    const response = await post('/admin/teach', { text, target: `flow:${target}` });
    expect(response.status).toBe(303);
    expect(relearned).toBe(1);
    expect(engine.understand(text).best?.flow).toBe(target);
    const page = await (await app.request('/admin/teach?saved=1', { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('bot đã học lại');
    expect(page).not.toContain(`name="text" value="${text}"`);
  }, 60_000);

  it('marked not for the shop, exported as YAML that reads back, and removed again', async () => {
    await post('/admin/teach', { text: 'bán sim số đẹp không', target: 'none' });
    const yaml = await (await app.request('/admin/teach/taught.yaml', { headers: { cookie: session.cookie } })).text();
    const read = parseTaught({ path: 'flows/taught/taught.yaml', text: yaml });
    expect(read.problems).toEqual([]);
    expect(read.examples).toContainEqual({ text: 'bán sim số đẹp không', flow: null, faq: null });
    expect(engine.understand('bán sim số đẹp không').best?.intent).toBe('out_of_scope');

    const page = await (await app.request('/admin/teach', { headers: { cookie: session.cookie } })).text();
    const ids = [...page.matchAll(/action="\/admin\/teach\/(\d+)\/remove"/g)].map((match) => match[1]!);
    for (const id of ids) expect((await post(`/admin/teach/${id}/remove`, {})).status).toBe(303);
    expect(await shopTaught('flows', store)).toEqual([]);
  }, 60_000);

  it('a target that is no flow or FAQ entry of the shop is refused with what to do', async () => {
    const response = await post('/admin/teach', { text: 'abc', target: 'flow:khong_co' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Quay lại và chọn lại');
  });
});
