import { describe, expect, it } from 'vitest';
import { digest } from '../../src/text/digest';

describe('digest', () => {
  it('starts with plain FNV-1a of the text (the flows version), and reads code points, not UTF-16 halves', () => {
    expect(digest(['a']).slice(0, 8)).toBe('e40c292c');
    expect(digest(['foobar']).slice(0, 8)).toBe('bf9cf968');
    expect(digest(['🥭'])).not.toBe(digest(['\ud83e']));
  });

  it('tells where one text ends and the next begins, and is 64 bits of hex', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']));
    expect(digest(['ab', 'c'])).not.toBe(digest(['abc']));
    expect(digest(['xoài', 'bưởi'])).toMatch(/^[0-9a-f]{16}$/);
    expect(digest(['xoài', 'bưởi'])).toBe(digest(['xoài', 'bưởi']));
  });
});
