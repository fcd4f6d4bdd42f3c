import { describe, expect, it } from 'vitest';
import { orderMangoesByBankTransfer, WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';

const harness = harnessPerTest();

describe('a conversation through /api/chat on a real SQLite file', () => {
  it('a full order ends with an order row, a scored touchpoint, the transcript and the funnel events', async () => {
    const visitor = new WebVisitor(harness().app);
    await orderMangoesByBankTransfer(visitor, 'giao giờ hành chính');
    const code = /Dạ em đã lên đơn (XB\d{3})/.exec(visitor.text())?.[1];
    expect(code).toBeDefined();
    // Bank transfer goes on to the payment flow, which shows the account.
    expect(visitor.text()).toContain('Vietcombank · STK 1012345678');
    await visitor.tap('Tôi đã chuyển khoản');
    expect(visitor.text()).toContain(`kiểm tra tiền về cho đơn ${code}`);
    await visitor.tap('Hài lòng');
    expect(visitor.text()).toContain('Cảm ơn anh/chị đã ủng hộ');

    const db = harness().store.db;
    const order = await db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      code,
      customer_id: `web:${visitor.visitorId}`,
      subtotal: 170000,
      shipping_fee: 20000,
      total: 190000,
      phone: '0987654321',
      province: 'Cần Thơ',
      payment_method: 'bank',
      payment_status: 'awaiting_confirmation',
      shipping_status: 'new',
      note: 'giao giờ hành chính',
    });
    const touchpoint = await db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(touchpoint).toMatchObject({ status: 'closed', outcome: 'completed', satisfaction_score: 4, entry_flow: 'greeting', stage: 'buy', phase: 'during', channel: 'web' });
    expect(touchpoint.first_response_ms).toBeGreaterThanOrEqual(0);
    const messages = await db.selectFrom('messages').selectAll().where('conversation_id', '=', touchpoint.id).orderBy('id').execute();
    expect(messages.filter((message) => message.direction === 'in')).toHaveLength(14);
    expect(touchpoint.message_count).toBe(messages.length);
    expect(messages[0]).toMatchObject({ direction: 'in', kind: 'text', text: 'shop ơi' });
    const funnel = await db.selectFrom('events').select(['type', 'flow', 'step']).where('conversation_id', '=', touchpoint.id).where('type', '=', 'step_entered').where('flow', '=', 'order').orderBy('id').execute();
    expect(funnel.map((event) => event.step)).toEqual(['start', 'product', 'quantity', 'add', 'more', 'recall', 'name', 'phone', 'address', 'province', 'promo', 'apply_promo', 'payment_method', 'note', 'quote', 'confirm', 'create']);
    const customer = await db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ name: 'Trần Thị Bích', phone: '0987654321', address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ' });
    // The owner has no chat configured: each notice is a log line without the phone or address.
    const notices = harness().log.lines.filter((line) => line.message.startsWith('owner notice'));
    await harness().delivery.retryDue();
    const logged = harness().log.lines.filter((line) => line.message.startsWith('owner notice'));
    expect(logged.length).toBeGreaterThan(notices.length);
    expect(JSON.stringify(harness().log.lines)).not.toContain('0987654321');
    expect(JSON.stringify(harness().log.lines)).not.toContain('Nguyễn Văn Cừ');
  });

  it('a message posted twice with the same id is answered once', async () => {
    const visitor = new WebVisitor(harness().app);
    const body = { visitorId: visitor.visitorId, messageId: 'same-message-1', text: 'giá xoài bn 1kg' };
    const post = () => harness().app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = (await (await post()).json()) as { replies: unknown[] };
    const second = (await (await post()).json()) as { replies: unknown[] };
    expect(first.replies.length).toBeGreaterThan(0);
    expect(second.replies).toEqual([]);
    const db = harness().store.db;
    expect(await db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).toHaveLength(1);
    expect(await db.selectFrom('processed_updates').selectAll().execute()).toHaveLength(1);
  });

  it('20 messages for one chat at once are each answered exactly once, in one conversation', async () => {
    const visitor = new WebVisitor(harness().app);
    const texts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'phí ship về hà nội' : 'có khuyến mãi gì không'));
    const responses = await Promise.all(texts.map((text) => visitor.say(text)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const db = harness().store.db;
    const inbound = await db.selectFrom('messages').select(['conversation_id', 'text']).where('direction', '=', 'in').execute();
    expect(inbound).toHaveLength(20);
    expect(new Set(inbound.map((message) => message.conversation_id)).size).toBe(1);
    const outbox = await db.selectFrom('outbox').select(['status']).where('recipient', '=', 'customer').execute();
    const replies = responses.flatMap((response) => response.json.replies ?? []);
    // Every reply written was handed to exactly one response.
    expect(replies).toHaveLength(outbox.length);
    expect(new Set(replies.map((reply) => reply.id)).size).toBe(replies.length);
    expect(outbox.every((row) => row.status === 'sent')).toBe(true);
    const conversation = await db.selectFrom('conversations').select(['version', 'message_count']).executeTakeFirstOrThrow();
    expect(conversation.version).toBe(20);
    expect(conversation.message_count).toBe(20 + outbox.length);
  });

  it('200 messages for 200 chats at once each get their own conversation and answer', async () => {
    const visitors = Array.from({ length: 200 }, (_, i) => new WebVisitor(harness().app));
    const responses = await Promise.all(visitors.map((visitor) => visitor.say('gạo st25 giá bao nhiêu')));
    expect(responses.every((response) => (response.json.replies ?? []).some((reply) => reply.message.text?.includes('Gạo ST25 — 38.000đ/kg')))).toBe(true);
    const db = harness().store.db;
    expect(await db.selectFrom('conversations').select('id').execute()).toHaveLength(200);
    expect(await db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).toHaveLength(200);
    expect(await db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute()).toHaveLength(0);
  });

  it('a conversation idle past the limit is closed as abandoned, and the next message starts a new one', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('mua cà phê robusta');
    harness().clock.advance(31);
    expect(await harness().conversations.sweepIdle()).toBe(1);
    const db = harness().store.db;
    const closed = await db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'closed', outcome: 'abandoned' });
    expect(closed.ended_at).toBe(harness().clock.now().toISOString());
    const ended = await db.selectFrom('events').select(['type', 'detail']).where('type', '=', 'conversation_ended').execute();
    expect(ended).toEqual([{ type: 'conversation_ended', detail: '{"outcome":"abandoned"}' }]);
    await visitor.say('xin chào');
    expect(await db.selectFrom('conversations').select(['status']).orderBy('started_at').execute()).toEqual([{ status: 'closed' }, { status: 'open' }]);
    expect(await harness().conversations.sweepIdle()).toBe(0);
  });

  it('a message that arrives after the idle limit, before any sweep, closes the old conversation and opens a new one', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('mua mật ong');
    harness().clock.advance(45);
    await visitor.say('chào shop');
    const rows = await harness().store.db.selectFrom('conversations').select(['status', 'outcome', 'entry_flow']).orderBy('started_at').execute();
    expect(rows).toEqual([
      { status: 'closed', outcome: 'abandoned', entry_flow: 'order' },
      { status: 'open', outcome: null, entry_flow: 'greeting' },
    ]);
  });
});

describe('bad input to /api/chat', () => {
  const raw = (body: string, contentType = 'application/json') => harness().app.request('/api/chat', { method: 'POST', headers: { 'content-type': contentType }, body });

  it('malformed JSON gets 400 with what to send', async () => {
    const response = await raw('{"visitorId": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('body must be JSON');
  });

  it('a body over 16 KB gets 413', async () => {
    const response = await raw(JSON.stringify({ visitorId: 'visitor-big-1', messageId: 'message-big-1', text: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
  });

  it('a missing visitor id, both text and button, or an unknown key get 400 and change nothing', async () => {
    for (const body of [
      { messageId: 'message-bad-1', text: 'hi' },
      { visitorId: 'visitor-bad-1', messageId: 'message-bad-2', text: 'hi', button: 'flow:order' },
      { visitorId: 'visitor-bad-1', messageId: 'message-bad-3', text: 'hi', admin: true },
      { visitorId: 'bad id with spaces', messageId: 'message-bad-4', text: 'hi' },
    ]) {
      expect((await raw(JSON.stringify(body))).status).toBe(400);
    }
    expect(await harness().store.db.selectFrom('messages').select('id').execute()).toHaveLength(0);
  });

  it('odd Unicode and text without tone marks are understood, not crashed on', async () => {
    const visitor = new WebVisitor(harness().app);
    const response = await visitor.say('gia\u0300 xoa\u0300i bn 1kg \u200b🥭\u0000');
    expect(response.status).toBe(200);
    expect(visitor.text()).toContain('Xoài cát Hòa Lộc — 85.000đ/kg');
  });

  it('a stale button from an older message repeats the current question instead of failing', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('mua bơ');
    const response = await visitor.post({ button: 'go:nowhere' });
    expect(response.status).toBe(200);
    expect(visitor.text()).toContain('bao nhiêu kg Bơ sáp Đắk Lắk');
  });
});

describe('GET /healthz', () => {
  it('answers with the flows version and the database status', async () => {
    const response = await harness().app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      status: 'ok',
      flows: { version: harness().engine.flows.version, count: 13 },
      database: { kind: 'sqlite', reachable: true },
    });
  });

  it('answers 503 when the database is gone', async () => {
    await harness().store.close();
    const response = await harness().app.request('/healthz');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { database: { reachable: boolean } }).database.reachable).toBe(false);
  });
});
