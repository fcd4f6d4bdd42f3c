import { describe, expect, it } from 'vitest';
import { pathInWords, problemInWords } from '../../src/flows/path-words';

describe('where a mistake is, said in words for the owner', () => {
  it('names steps by their id and list items by their place, counting from one', () => {
    expect(pathInWords('steps.info.buttons[1].goto')).toBe('bước info, nút thứ 2, mục goto');
    expect(pathInWords('catalog[0].price')).toBe('sản phẩm thứ 1, mục price');
    expect(pathInWords('shipping.zones[2].provinces[0]')).toBe('mục shipping, vùng giao hàng thứ 3, tỉnh thứ 1');
    expect(pathInWords('steps.ask.branch[0].if.slot')).toBe('bước ask, nhánh thứ 1, mục if, mục slot');
    expect(pathInWords('texts.fallback')).toBe('mục texts, mục fallback');
    expect(pathInWords('')).toBe('đầu tệp');
  });

  it('says a problem with its file and line, the path in words and what to do', () => {
    expect(problemInWords({ severity: 'error', file: 'flows/greeting.yaml', line: 14, column: 9, path: 'steps.info.buttons[1].goto', message: 'không có bước "menu"' })).toBe(
      'flows/greeting.yaml:14 (bước info, nút thứ 2, mục goto): lỗi: không có bước "menu"',
    );
  });
});
