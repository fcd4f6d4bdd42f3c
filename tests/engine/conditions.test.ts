import { describe, expect, it } from 'vitest';
import { conditionHolds } from '../../src/engine/conditions';

const slots = { payment_method: 'bank', confirmed: true, quantity: { amount: 5, unit: 'kg' }, name: 'Chị Lan' };

describe('branch conditions in flow files', () => {
  it.each([
    [{ slot: 'payment_method', equals: 'bank' }, true],
    [{ slot: 'payment_method', equals: 'cod' }, false],
    [{ slot: 'name', equals: 'chi lan' }, true],
    [{ slot: 'confirmed', equals: true }, true],
    [{ slot: 'payment_method', in: ['cod', 'bank'] }, true],
    [{ slot: 'note', filled: true }, false],
    [{ slot: 'note', filled: false }, true],
    [{ slot: 'quantity', at_least: 5 }, true],
    [{ slot: 'quantity', at_most: 4 }, false],
    [{ all: [{ slot: 'confirmed', equals: true }, { slot: 'quantity', at_least: 2 }] }, true],
    [{ any: [{ slot: 'payment_method', equals: 'cod' }, { slot: 'note', filled: true }] }, false],
  ] as const)('%j → %s', (condition, expected) => {
    expect(conditionHolds(condition as Parameters<typeof conditionHolds>[0], slots)).toBe(expected);
  });
});
