import { describe, expect, it } from 'vitest';
import { goesAhead } from '../../../src/engine/questions/kind';

describe('a message that only asks to go on (at an optional question: nothing to add)', () => {
  it.each(['ok chốt đơn', 'ok chot don', 'chot', 'xong roi len don di', 'đặt luôn nhé shop', 'vay chot nha em', 'Chốt!'])('"%s" goes ahead', (text) => {
    expect(goesAhead(text)).toBe(true);
  });

  // Something to say is said: the note, another product, a question, or a bare yes that may mean "yes, I have one".
  it.each(['giao buoi chieu nha', 'goi don can than giup minh nha', 'chot giup em 2 ky nua', 'ok', 'có', 'dat hang ve ha noi bao lau', 'xong roi thi goi cho chi truoc nhe'])('"%s" does not', (text) => {
    expect(goesAhead(text)).toBe(false);
  });
});
