import { describe, expect, it } from 'vitest';
import { ConversationStateSchema, parseState, serializeState, STATE_VERSION } from '../../src/engine/state';
import { initialState, type ConversationState } from '../../src/engine/types';

const midOrder: ConversationState = {
  ...initialState(),
  flow: 'order',
  step: 'quantity',
  waiting: { kind: 'ask', flow: 'order', step: 'quantity' },
  slots: { product: 'xoai_cat_hoa_loc', weight: { amount: 2, unit: 'kg' } },
  cart: [{ productId: 'xoai_cat_hoa_loc', quantity: 2 }],
  stage: 'buy',
  phase: 'during',
};

describe('the stored conversation state', () => {
  it('is written with its version and read back as it was', () => {
    const stored = serializeState(midOrder);
    expect(JSON.parse(stored)).toMatchObject({ v: STATE_VERSION, flow: 'order' });
    expect(parseState(stored)).toEqual({ ok: true, state: midOrder });
  });

  it('written before a field existed (and before versions) still reads, the missing fields at their start values', () => {
    const { buttons: _buttons, fallbacks: _fallbacks, satisfaction: _satisfaction, ...older } = midOrder;
    const read = parseState(JSON.stringify(older));
    expect(read.ok).toBe(true);
    expect(read.state).toEqual({ ...midOrder, buttons: [], fallbacks: 0, satisfaction: initialState().satisfaction });
  });

  it('that cannot be read starts the conversation afresh and says why, instead of crashing the turn', () => {
    expect(parseState('{"flow": "order", "cart": [{"productId": "xoai", "quantity": -1}]}')).toMatchObject({ ok: false, state: initialState(), problem: expect.stringContaining('state.cart.0.quantity') });
    expect(parseState('{"flow": ')).toMatchObject({ ok: false, problem: 'the stored state is not JSON' });
    expect(parseState(JSON.stringify({ ...midOrder, v: STATE_VERSION + 1 }))).toMatchObject({ ok: false, problem: expect.stringContaining('newer than this code') });
    for (const notAnObject of ['[]', 'null', '"order"', '42']) expect(parseState(notAnObject)).toMatchObject({ ok: false, state: initialState(), problem: 'the stored state is not an object' });
    for (const version of ['"1"', '0', '1.5']) expect(parseState(`{"v": ${version}, "flow": "order"}`)).toMatchObject({ ok: false, problem: 'the stored state has no valid version number' });
  });

  it('has a rule for every field the engine remembers: a new field needs one line in the schema', () => {
    expect(Object.keys(ConversationStateSchema.shape).sort()).toEqual(Object.keys(initialState()).sort());
    expect(ConversationStateSchema.parse({})).toEqual(initialState());
  });
});
