import { describe, expect, it } from 'vitest';
import { newId } from '../../src/conversation/ids';

describe('row ids made before the write', () => {
  it('are unique and sort in the order they were made, well past one draw of random words', () => {
    const now = new Date('2026-05-12T03:00:00.000Z');
    const ids = Array.from({ length: 2000 }, (_, i) => newId(i < 1000 ? now : new Date(now.getTime() + 1)));
    expect(new Set(ids).size).toBe(ids.length);
    // Time and sequence lead the id: the first 12 characters sort as made.
    const heads = ids.map((id) => id.slice(0, 12));
    expect([...heads].sort()).toEqual(heads);
    // The random tail differs between ids of the same moment (not one word reused).
    expect(new Set(ids.slice(0, 1000).map((id) => id.slice(12))).size).toBe(1000);
  });
});
