import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeededShop } from './seed';
import { openSeededAdmin, type TestAdmin } from './support';

let close: () => Promise<void>;
let shop: SeededShop;
let admin: TestAdmin;
let cookie: string;

beforeAll(async () => {
  ({ close, shop, admin, cookie } = await openSeededAdmin());
});

afterAll(() => close());

const page = async (path: string) => {
  const response = await admin.app.request(path, { headers: { cookie } });
  expect(response.status, path).toBe(200);
  return response.text();
};
const vi = (value: number) => new Intl.NumberFormat('vi-VN').format(value);

describe('what the owner reads on each page', () => {
  it('the overview shows the period totals with the change against the period before', async () => {
    const html = await page('/admin?period=30d');
    const from = '2026-04-12T17:00:00.000Z';
    const conversations = shop.conversations.filter((c) => c.startedAt >= from).length;
    expect(html).toContain('Tổng quan · 30 ngày');
    expect(html).toContain(`<div class="value">${vi(conversations)}</div>`);
    expect(html).toMatch(/class="delta (good|bad|same)">(▲|▼|=|mới)/);
    expect(html).toContain('Theo kênh');
  });

  it('the satisfaction page draws the weeks and highlights low scores, each linked to its transcript', async () => {
    const html = await page('/admin/satisfaction?period=30d');
    expect(html).toContain('<svg class="chart"');
    const low = shop.conversations.find((c) => c.comment !== null && c.score !== null && c.score <= 2 && c.startedAt >= '2026-04-12T17:00:00.000Z')!;
    const item = html.slice(html.indexOf(`/admin/conversations/${low.id}"`) - 900, html.indexOf(`/admin/conversations/${low.id}"`));
    expect(item).toContain('class="item low"');
    expect(html).toContain(`“${low.comment!.replace(/"/g, '&quot;')}”`);
  });

  it('the flows page shows each flow funnel and the phrases to add as triggers', async () => {
    const html = await page('/admin/flows?period=30d');
    expect(html).toContain('Đặt hàng');
    expect(html).toContain('Số hội thoại tới từng bước: product:');
    expect(html).toMatch(/>(ship ko|Ship ko\?|shíp ko)<\/a>/);
  });

  it('a transcript shows the buttons pressed, the photos and the journey stage', async () => {
    const returned = shop.conversations.find((c) => c.entryFlow === 'returns' && shop.messages.some((m) => m.conversationId === c.id && m.kind === 'photo'))!;
    const html = await page(`/admin/conversations/${returned.id}`);
    expect(html).toContain('Bấm nút: 🛒 Đặt hàng');
    expect(html).toMatch(/📷 Ảnh: (<a href="https:\/\/example.vn\/anh\/xoai-dap.jpg"|<code)/);
    expect(html).toContain('Đổi trả · Sau khi mua');
    expect(html).toContain('Vào bước');
  });

  it("a customer's page tells their journey from the first contact", async () => {
    const regular = shop.customers[0]!;
    const html = await page(`/admin/customers/${encodeURIComponent(regular.id)}`);
    expect(html).toContain('Lần đầu liên hệ');
    expect(html.match(/<li class=/g)).toHaveLength(
      shop.conversations.filter((c) => c.customerId === regular.id).length + shop.orders.filter((o) => o.customerId === regular.id).length + shop.returns.filter((r) => r.customerId === regular.id).length,
    );
  });

  it('an address typed with a slash at the end leads to the page', async () => {
    const response = await admin.app.request('http://shop.example.vn/admin/', { headers: { cookie } });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('http://shop.example.vn/admin');
  });

  it('a conversation or customer that does not exist gets a plain 404 page', async () => {
    expect((await admin.app.request('/admin/conversations/nope', { headers: { cookie } })).status).toBe(404);
    expect((await admin.app.request('/admin/customers/zalo%3Anobody', { headers: { cookie } })).status).toBe(404);
  });
});
