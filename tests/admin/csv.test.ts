import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvRow, csvStream } from '../../src/admin/csv';
import type { SeededShop } from './seed';
import { openSeededAdmin, type TestAdmin } from './support';

describe('CSV for Excel', () => {
  it('quotes text, doubles quotes inside it, and leaves numbers bare', () => {
    expect(csvRow(['Xoài cát "loại 1"', 85000, null, 'a,b\nc'])).toBe('"Xoài cát ""loại 1""",85000,,"a,b\nc"\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(['=HYPERLINK("http://x")', '+84912345678', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual([`"'=HYPERLINK(""http://x"")"`, `"'+84912345678"`, `"'-1"`, `"'@SUM(A1)"`, `"'\tx"`]);
    expect(csvCell(-5)).toBe('-5');
  });

  it('streams a byte-order mark, the header and every page of rows', async () => {
    async function* pages() {
      yield [['Bưởi', 1]];
      yield [['Cà phê', 2]];
    }
    const bytes = new Uint8Array(await new Response(csvStream(['Sản phẩm', 'Số'], pages())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('"Sản phẩm","Số"\r\n"Bưởi",1\r\n"Cà phê",2\r\n');
  });
});

describe('downloads from the dashboard', () => {
  let close: () => Promise<void>;
  let shop: SeededShop;
  let admin: TestAdmin;
  let cookie: string;

  beforeAll(async () => {
    ({ close, shop, admin, cookie } = await openSeededAdmin());
  });

  afterAll(() => close());

  const download = async (path: string) => {
    const response = await admin.app.request(path, { headers: { cookie } });
    // ignoreBOM keeps the byte-order mark in the text instead of swallowing it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { response, text, lines: text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean) };
  };

  it('exports the filtered conversations, one line each, with the times in the shop time zone', async () => {
    const { response, text, lines } = await download('/admin/export/conversations.csv?outcome=abandoned&channel=zalo');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="hoi-thoai-2026-05-12.csv"');
    expect(text.startsWith('\uFEFF"Mã hội thoại","Bắt đầu"')).toBe(true);
    const expected = shop.conversations.filter((c) => c.outcome === 'abandoned' && c.channel === 'zalo').sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
    expect(lines).toHaveLength(expected.length + 1);
    const first = expected[0]!;
    const local = new Date(Date.parse(first.startedAt) + 7 * 3_600_000).toISOString();
    expect(lines[1]).toContain(`"${first.id}","${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}"`);
    expect(lines[1]).toContain('"Zalo"');
    expect(lines[1]).toContain('"Bỏ dở"');
  });

  it('exports more rows than one page of the list, and defuses a customer comment that looks like a formula', async () => {
    const { lines } = await download('/admin/export/conversations.csv');
    expect(lines).toHaveLength(shop.conversations.length + 1);
    expect(shop.conversations.length).toBeGreaterThan(100);
    const planted = shop.conversations.find((c) => c.comment?.startsWith('='));
    expect(planted).toBeDefined();
    const line = lines.find((candidate) => candidate.startsWith(`"${planted!.id}"`))!;
    expect(line.endsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
  });

  it('exports orders with readable phone numbers and return requests with their photos', async () => {
    const orders = await download('/admin/export/orders.csv?shipping=delivered');
    expect(orders.lines).toHaveLength(shop.orders.filter((o) => o.shippingStatus === 'delivered').length + 1);
    expect(orders.lines[1]).toContain('"0987 654 321"');
    expect(orders.lines[1]).toContain('"Đã giao"');

    const returns = await download('/admin/export/returns.csv?status=open');
    expect(returns.lines).toHaveLength(shop.returns.filter((r) => r.status === 'open').length + 1);
    expect(returns.text).toContain('https://example.vn/anh/xoai-dap.jpg');
  });
});
