import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/engine/index';
import type { ShopFlows } from '../../src/flows/schema';
import { WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';

const harness = harnessPerTest();

async function stateOf(visitor: WebVisitor): Promise<ConversationState> {
  const row = await harness().store.db.selectFrom('conversations').select('state').where('customer_id', '=', `web:${visitor.visitorId}`).where('status', '=', 'open').executeTakeFirstOrThrow();
  return JSON.parse(row.state) as ConversationState;
}

/** The owner saves the flows without one step of one flow (removed, or renamed to something else). */
function withoutStep(flows: ShopFlows, flowId: string, stepId: string): ShopFlows {
  const flow = flows.flows.get(flowId)!;
  const { [stepId]: _gone, ...steps } = flow.steps;
  return { ...flows, version: `${flows.version}-edited`, flows: new Map([...flows.flows, [flowId, { ...flow, steps: { ...steps, [`${stepId}_moi`]: flow.steps[stepId]! } }]]) };
}

function withoutProduct(flows: ShopFlows, productId: string): ShopFlows {
  return { ...flows, version: `${flows.version}-edited`, shop: { ...flows.shop, catalog: flows.shop.catalog.filter((product) => product.id !== productId) } };
}

describe('the owner edits the flows under a waiting conversation', { timeout: 30_000 }, () => {
  it('the step the customer was answering is gone: they are told and offered the menu, and the menu works', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('đặt hàng');
    await visitor.say('xoài cát hòa lộc');
    const waiting = (await stateOf(visitor)).waiting;
    expect(waiting.kind).toBe('ask');
    const { flow, step } = waiting as { flow: string; step: string };
    harness().useFlows(withoutStep(harness().engine.flows, flow, step));

    const answer = await visitor.say('2 ký');
    expect(answer.status).toBe(200);
    expect(visitor.text()).toContain(harness().engine.flows.shop.texts.flow_changed);
    const labels = visitor.last.flatMap((reply) => reply.message.buttons ?? []).map((button) => button.label);
    expect(labels).toEqual(harness().engine.flows.shop.menu.map((item) => item.label));
    expect(await stateOf(visitor)).toMatchObject({ flow: null, step: null });

    await visitor.tap('Đặt hàng');
    expect(visitor.text()).not.toContain(harness().engine.flows.shop.texts.flow_changed);
    expect((await stateOf(visitor)).flow).toBe('order');
    expect(harness().log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('a product in the cart was removed from the catalog: it leaves the cart, the customer is told, the order goes on', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('đặt hàng');
    await visitor.say('xoài cát hòa lộc');
    await visitor.say('2 ký');
    expect((await stateOf(visitor)).cart).toEqual([{ productId: 'xoai_cat_hoa_loc', quantity: 2 }]);
    harness().useFlows(withoutProduct(harness().engine.flows, 'xoai_cat_hoa_loc'));

    await visitor.tap('Có');
    expect(visitor.text()).toContain(harness().engine.flows.shop.texts.cart_item_discontinued);
    expect(visitor.text()).not.toContain('Xoài cát Hòa Lộc');
    const state = await stateOf(visitor);
    expect(state.cart).toEqual([]);
    expect(state.flow).toBe('order');
    expect(harness().log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
