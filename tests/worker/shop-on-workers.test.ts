import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { loadFlows } from '../../src/flows/index';
import { bundledFlows } from '../../src/generated/flows';
import worker from '../../src/worker';
import { zaloUpdate } from '../fakes/zalo-api-server';
import { converse, eventually, platformCalls, postTelegram, postZalo, SHOP, telegramButton, telegramSentTo, telegramUpdates, zaloSentTo } from './support';

const OWNER_CHAT = env.OWNER_TELEGRAM_CHAT_ID;

describe('the shop on Workers with D1', () => {
  it('answers /healthz from the D1 database with the bundled flows', async () => {
    const response = await SELF.fetch(`${SHOP}/healthz`);
    expect(response.status).toBe(200);
    const bundled = loadFlows(bundledFlows);
    expect(bundled.ok).toBe(true);
    expect(await response.json()).toMatchObject({ ok: true, database: { kind: 'd1', reachable: true }, flows: { version: bundled.ok ? bundled.flows.version : '', count: bundled.ok ? bundled.flows.flows.size : 0 } });
  });

  it('has every migration applied, recorded where wrangler records them', async () => {
    const { results } = await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>();
    expect(results.map((row) => row.name)).toEqual(env.TEST_MIGRATIONS.map((migration) => migration.name));
  });

  it('refuses to run with a malformed variable and says which one', async () => {
    const logged = vi.spyOn(console, 'error');
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${SHOP}/healthz`), { DB: env.DB, IDLE_MINUTES: 'ba mươi' } as never, ctx as never);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).toContain('IDLE_MINUTES');
    // The operator reads the same list in the Worker's log (wrangler tail).
    expect(String(logged.mock.calls.at(-1)?.[0])).toContain('IDLE_MINUTES');
    logged.mockRestore();
  });
});

describe('a customer on Telegram, through the webhook', () => {
  it('a full order by button taps and typed text', async () => {
    const lan = telegramUpdates.person(601234567);
    const say = (update: Record<string, unknown>) => converse(() => postTelegram(update), () => telegramSentTo(lan.id));
    const tap = async (label: string) => say(telegramUpdates.tap(lan, await telegramButton(lan.id, label)));

    expect(await say(telegramUpdates.text(lan, '/start'))).toContain('Vườn Nhà Tư xin chào');
    expect(await tap('Đặt hàng')).toContain('muốn đặt sản phẩm nào');
    expect(await tap('Cà phê Robusta')).toContain('bao nhiêu kg Cà phê Robusta Buôn Ma Thuột');
    expect(await say(telegramUpdates.text(lan, 'nua ky'))).toContain('0,5 kg × 260.000đ = 130.000đ');
    expect(await tap('Không')).toContain('tên người nhận');
    expect(await say(telegramUpdates.text(lan, 'Lê Minh'))).toContain('Số điện thoại');
    expect(await say(telegramUpdates.contact(lan, '+84903123456'))).toContain('Địa chỉ giao hàng');
    expect(await say(telegramUpdates.text(lan, '7 Trần Phú, phường Hải Châu, Đà Nẵng'))).toContain('mã giảm giá');
    expect(await say(telegramUpdates.text(lan, 'ko'))).toContain('thanh toán cách nào');
    expect(await tap('COD')).toContain('dặn dò');
    expect(await say(telegramUpdates.text(lan, 'không'))).toContain('Tổng cộng: 170.000đ');
    const code = /Dạ em đã lên đơn ([A-Z]{2}\d+)/.exec(await tap('Có'))?.[1];
    expect(code).toBeDefined();

    const order = await env.DB.prepare('SELECT * FROM orders WHERE customer_id = ?').bind(`telegram:${lan.id}`).first();
    expect(order).toMatchObject({ code, channel: 'telegram', phone: '0903123456', province: 'Đà Nẵng', total: 170000, payment_method: 'cod' });
    const toOwner = await eventually(async () => {
      const texts = (await telegramSentTo(OWNER_CHAT)).map((body) => String(body['text']));
      return texts.some((text) => text.includes(`Đơn mới ${code}`)) ? texts : undefined;
    }, 'the owner notice');
    expect(toOwner.join('\n')).toContain(`🛒 Đơn mới ${code} — 170.000đ (Telegram)`);
    // The bot's identity is asked once per isolate, not once per update.
    expect((await platformCalls()).telegram.filter((call) => call.method === 'getMe')).toHaveLength(1);
  });

  it('refuses a wrong secret with 401, and takes a signed body that is not an update with 200 so Telegram does not retry it', async () => {
    const update = telegramUpdates.text(telegramUpdates.person(601234570), 'chào shop');
    expect((await postTelegram(update, 'wrong-secret-0123456789')).status).toBe(401);
    expect((await postTelegram(update, null)).status).toBe(401);
    expect((await postTelegram('{"update_id": 1, "message": ')).status).toBe(200);
    const { results } = await env.DB.prepare('SELECT * FROM processed_updates WHERE update_id = ?').bind(String(update['update_id'])).all();
    expect(results).toHaveLength(0);
  });

  it('the same update delivered twice is stored and answered once', async () => {
    const lan = telegramUpdates.person(601234571);
    const update = telegramUpdates.text(lan, 'giá bưởi');
    await converse(() => postTelegram(update), () => telegramSentTo(lan.id));
    const again = await postTelegram(update);
    expect(again.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await telegramSentTo(lan.id)).toHaveLength(1);
    const { results } = await env.DB.prepare("SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_id = ? AND m.direction = 'in'")
      .bind(`telegram:${lan.id}`)
      .all();
    expect(results).toHaveLength(1);
  });
});

describe('a customer on Zalo, through the webhook', () => {
  it('a full order by numbered answers and typed text', async () => {
    const chat = 'worker-zalo-chat-1';
    const say = (text: string) => converse(() => postZalo(zaloUpdate.text(chat, text)), () => zaloSentTo(chat));
    expect(await say('chào shop')).toMatch(/1\. 🥭 Xem sản phẩm & giá\n2\. 🛒 Đặt hàng/);
    expect(await say('2')).toContain('muốn đặt sản phẩm nào');
    expect(await say('ca phe robusta')).toContain('bao nhiêu kg Cà phê Robusta Buôn Ma Thuột');
    expect(await say('nua ky')).toContain('0,5 kg × 260.000đ = 130.000đ');
    expect(await say('Không')).toContain('tên người nhận');
    await say('Lê Minh');
    await say('+84 903 123 456');
    await say('7 Trần Phú, phường Hải Châu, Đà Nẵng');
    await say('ko');
    expect(await say('1')).toContain('dặn dò');
    expect(await say('không')).toContain('Tổng cộng: 170.000đ');
    expect(await say('có')).toMatch(/Dạ em đã lên đơn [A-Z]{2}\d+/);
    const order = await env.DB.prepare('SELECT * FROM orders WHERE customer_id = ?').bind(`zalo:${chat}`).first();
    expect(order).toMatchObject({ channel: 'zalo', phone: '0903123456', province: 'Đà Nẵng', total: 170000, payment_method: 'cod' });
  });

  it('refuses a wrong secret with 401', async () => {
    expect((await postZalo(zaloUpdate.text('worker-zalo-chat-2', 'chào'), 'wrong-secret')).status).toBe(401);
  });
});

describe('the cron trigger', () => {
  it('closes a conversation left idle and sends what the outbox still owes', async () => {
    const chat = 'worker-zalo-idle';
    await converse(() => postZalo(zaloUpdate.text(chat, 'chào shop')), () => zaloSentTo(chat));
    const longAgo = new Date(Date.now() - 3 * 60 * 60_000).toISOString();
    await env.DB.prepare('UPDATE conversations SET last_activity_at = ? WHERE customer_id = ?').bind(longAgo, `zalo:${chat}`).run();
    // A reply whose send failed earlier and is due for its retry.
    const owed = 'worker-outbox-owed-1';
    await env.DB.prepare(
      "INSERT INTO outbox (id, conversation_id, recipient, channel, chat_id, payload, status, attempts, next_attempt_at, created_at) VALUES (?, NULL, 'customer', 'zalo', ?, ?, 'pending', 1, ?, ?)",
    )
      .bind(owed, chat, JSON.stringify({ kind: 'text', text: 'Dạ shop gửi lại tin nhắn ạ' }), longAgo, longAgo)
      .run();

    // The Worker runs in this isolate: its log lines pass through this console.
    const errors = vi.spyOn(console, 'error');
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: '* * * * *' }) as never, env as never, ctx as never);
    await waitOnExecutionContext(ctx);

    const conversation = await env.DB.prepare('SELECT status, outcome FROM conversations WHERE customer_id = ?').bind(`zalo:${chat}`).first<{ status: string }>();
    expect(conversation?.status).toBe('closed');
    expect(await env.DB.prepare('SELECT status FROM outbox WHERE id = ?').bind(owed).first('status')).toBe('sent');
    expect((await zaloSentTo(chat)).map((body) => body['text'])).toContain('Dạ shop gửi lại tin nhắn ạ');
    // Every job of the tick (idle sweep, after-sale messages, outbox retry, waiting customers) ran without an error.
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
    errors.mockRestore();
  });
});
