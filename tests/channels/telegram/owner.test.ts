import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupChat, type TelegramPerson } from '../../fakes/telegram-api-server';
import { TestClock, WebVisitor } from '../../support/harness';
import { buttonData, lastButtons, OWNER_CHAT, PUBLIC_URL, startTelegramShop, type TelegramShop } from './telegram-shop';

let shop: TelegramShop;
let owner: TelegramPerson;

beforeEach(async () => {
  shop = await startTelegramShop();
  owner = shop.updates.person(42, 'Tư', 'Nguyễn');
});

afterEach(async () => {
  await shop.close();
});

/** The bot's latest message in the owner's chat, as Telegram keeps it (with its message_id). */
function lastOwnerMessage(): Record<string, unknown> {
  const message = [...shop.api.sentMessages.values()].filter((sent) => (sent['chat'] as { id: number }).id === OWNER_CHAT).at(-1);
  if (!message) throw new Error('the bot sent nothing to the owner chat');
  return message;
}

/** The owner writes in the owner's group chat, optionally as a reply to one of the bot's messages there. */
const ownerSays = (text: string, replyTo?: Record<string, unknown>) => shop.send(shop.updates.text(owner, text, { chat: groupChat(OWNER_CHAT), ...(replyTo ? { replyTo } : {}) }));

const conversationOf = (customerId: string) => shop.store.db.selectFrom('conversations').selectAll().where('customer_id', '=', customerId).orderBy('started_at', 'desc').executeTakeFirstOrThrow();

async function placeOrder(person: TelegramPerson): Promise<string> {
  for (const text of ['đặt hàng', 'bưởi da xanh', '3 ký', 'không', 'Lê Minh', '0903123456', '7 Trần Phú, phường Hải Châu, Đà Nẵng', 'không', '1', 'không']) {
    await shop.send(shop.updates.text(person, text));
  }
  const done = await shop.send(shop.updates.text(person, 'có'));
  const code = /lên đơn (XB\d+)/.exec(done)?.[1];
  if (!code) throw new Error(`no order: ${done}`);
  return code;
}

describe('talking to a person', () => {
  it('pauses the bot, relays the customer to the owner, and the owner’s reply reaches the customer', async () => {
    const lan = shop.updates.person(601000001);
    expect(await shop.send(shop.updates.text(lan, '/nguoithat'))).toContain('Dạ em đã báo chủ shop');
    const handover = lastOwnerMessage();
    expect(handover['text']).toContain('🙋 Khách Lan Nguyễn (Telegram) muốn nói chuyện với người thật');
    const conversation = await conversationOf(`telegram:${lan.id}`);
    expect(conversation.mode).toBe('human');
    expect(lastButtons(shop.api, OWNER_CHAT)).toEqual([{ text: '✅ Xong, trả khách cho bot', callback_data: `xong:${conversation.id}` }]);

    // The bot stays quiet; the owner reads the customer.
    const relayed = await shop.send(shop.updates.text(lan, 'xoài cát còn không shop, mai giao kịp không?'));
    expect(relayed).toBe('💬 Lan Nguyễn (Telegram):\nxoài cát còn không shop, mai giao kịp không?');
    expect(shop.api.sentTo(lan.id)).toHaveLength(1);

    await ownerSays('Dạ còn ạ, mai giao kịp nhé *chị* Lan_', lastOwnerMessage());
    expect(shop.api.textsTo(lan.id).at(-1)).toBe('Dạ còn ạ, mai giao kịp nhé *chị* Lan_');
    const transcript = await shop.store.db.selectFrom('messages').select(['direction', 'kind', 'text']).where('conversation_id', '=', conversation.id).orderBy('id').execute();
    expect(transcript.at(-1)).toEqual({ direction: 'out', kind: 'owner', text: 'Dạ còn ạ, mai giao kịp nhé *chị* Lan_' });

    await ownerSays('/xong', lastOwnerMessage());
    expect(shop.api.textsTo(lan.id).at(-1)).toContain('chấm giúp shop mức hài lòng');
    expect(shop.api.textsTo(OWNER_CHAT).at(-1)).toBe('✅ Đã trả Lan Nguyễn cho bot; bot đang hỏi khách chấm điểm hài lòng.');
    expect((await conversationOf(`telegram:${lan.id}`)).mode).toBe('bot');
  });

  it('the hand-back button under a relayed message hands the customer back, once', async () => {
    const lan = shop.updates.person(601000002);
    await shop.send(shop.updates.text(lan, 'cho gặp người thật'));
    await shop.send(shop.updates.text(lan, 'alo shop'));
    const tap = shop.updates.tap(owner, buttonData(shop.api, OWNER_CHAT, 'Xong'), lastOwnerMessage());
    await shop.send(tap);
    expect(shop.api.textsTo(lan.id).at(-1)).toContain('chấm giúp shop mức hài lòng');
    expect(shop.api.callsOf('answerCallbackQuery').at(-1)?.body).toMatchObject({ callback_query_id: (tap['callback_query'] as { id: string }).id });
    // Telegram retries the same update: nothing happens twice.
    const sent = shop.api.callsOf('sendMessage').length;
    expect(await shop.post(tap)).toBe(200);
    expect(shop.api.callsOf('sendMessage')).toHaveLength(sent);
    // A second tap later: the customer is no longer waiting for a person.
    await shop.send(shop.updates.tap(owner, `xong:${(await conversationOf(`telegram:${lan.id}`)).id}`, lastOwnerMessage()));
    expect(shop.api.textsTo(OWNER_CHAT).at(-1)).toContain('không còn chờ người thật');
  });

  it('a web chat customer is relayed to the Telegram owner, and the owner’s reply reaches the web chat', async () => {
    const visitor = new WebVisitor(shop.app);
    await visitor.post({ text: 'gặp người thật', name: 'Chị Hoa' });
    expect(visitor.text()).toContain('Dạ em đã báo chủ shop');
    await visitor.say('shop ơi em muốn đặt 10kg gạo ST25 giao Cần Thơ');
    expect(visitor.last).toEqual([]);
    // Web turns are stored by the web chat's request; the owner's notices go out with the outbox retry.
    await shop.delivery.retryDue();
    expect(shop.api.textsTo(OWNER_CHAT).at(-1)).toBe('💬 Chị Hoa (Web chat):\nshop ơi em muốn đặt 10kg gạo ST25 giao Cần Thơ');

    await ownerSays('Dạ chị chờ em báo giá ship Cần Thơ nhé', lastOwnerMessage());
    const pulled = (await (await shop.app.request(`/api/chat?visitorId=${visitor.visitorId}`)).json()) as { replies: { message: { text: string } }[] };
    expect(pulled.replies.map((reply) => reply.message.text)).toEqual(['Dạ chị chờ em báo giá ship Cần Thơ nhé']);

    await ownerSays('/xong', lastOwnerMessage());
    const after = (await (await shop.app.request(`/api/chat?visitorId=${visitor.visitorId}`)).json()) as { replies: { message: { text: string } }[] };
    expect(after.replies.map((reply) => reply.message.text).join('\n')).toContain('chấm giúp shop mức hài lòng');
  });

  it('a low score after the hand-back alerts the owner with the comment and a link to the transcript', async () => {
    const lan = shop.updates.person(601000003);
    await shop.send(shop.updates.text(lan, '/nguoithat'));
    await ownerSays('/xong', lastOwnerMessage());
    await shop.send(shop.updates.tap(lan, 'csat:1'));
    await shop.send(shop.updates.text(lan, 'trả lời chậm quá'));
    const { id } = await conversationOf(`telegram:${lan.id}`);
    expect(shop.api.textsTo(OWNER_CHAT).at(-1)).toBe(`⚠️ Khách Lan Nguyễn (Telegram) chấm 1/5\nGóp ý: trả lời chậm quá\nXem cuộc trò chuyện: ${PUBLIC_URL}/admin/conversations/${id}`);
  });

  it('the owner is told how to answer when a message is not a reply to a customer, and that photos are not relayed', async () => {
    const lan = shop.updates.person(601000004);
    await shop.send(shop.updates.text(lan, '/nguoithat'));
    const handover = lastOwnerMessage();
    await ownerSays('ai trực hôm nay vậy?');
    expect(shop.api.sentTo(OWNER_CHAT)).toHaveLength(1);
    const ownCommand = await ownerSays('/donhang');
    await ownerSays('ok', { message_id: 999_999, chat: groupChat(OWNER_CHAT), date: 0, text: 'tin khác' });
    expect(shop.api.textsTo(OWNER_CHAT).at(-1)).toContain('Tin này không gắn với khách nào');
    const photo = shop.updates.photo(owner);
    (photo['message'] as Record<string, unknown>)['chat'] = groupChat(OWNER_CHAT);
    (photo['message'] as Record<string, unknown>)['reply_to_message'] = handover;
    await shop.send(photo);
    expect(shop.api.textsTo(OWNER_CHAT).at(-1)).toContain('Bot chỉ chuyển được tin nhắn chữ');
    expect(ownCommand).toBe('📋 Hôm nay chưa có đơn nào.');
  });
});

describe('a customer nobody answers', () => {
  it('is told when the shop will reply, from the opening hours, once', async () => {
    await shop.close();
    // 23:00 on Tuesday in Hồ Chí Minh City: the shop opens at 07:00.
    shop = await startTelegramShop({ clock: new TestClock(new Date('2026-05-12T16:00:00Z')) });
    const lan = shop.updates.person(601000010);
    await shop.send(shop.updates.text(lan, '/nguoithat'));
    shop.clock.advance(9);
    expect(await shop.desk.remindWaitingCustomers()).toBe(0);
    shop.clock.advance(2);
    expect(await shop.desk.remindWaitingCustomers()).toBe(1);
    expect(shop.api.textsTo(lan.id).at(-1)).toBe('Dạ giờ này shop đã nghỉ ạ 🌙 Chủ shop sẽ trả lời anh/chị lúc 07:00 ngày mai; anh/chị cứ để lại lời nhắn nhé 🙏');
    shop.clock.advance(5);
    expect(await shop.desk.remindWaitingCustomers()).toBe(0);
  });

  it('during opening hours is told the owner is busy; a customer the owner answered is not told', async () => {
    const lan = shop.updates.person(601000011);
    const hoa = shop.updates.person(601000012, 'Hoa', 'Trần');
    await shop.send(shop.updates.text(lan, '/nguoithat'));
    await shop.send(shop.updates.text(hoa, '/nguoithat'));
    await ownerSays('Dạ em nghe đây ạ', lastOwnerMessage());
    shop.clock.advance(11);
    expect(await shop.desk.remindWaitingCustomers()).toBe(1);
    expect(shop.api.textsTo(lan.id).at(-1)).toBe('Dạ chủ shop đang bận tay một chút, sẽ nhắn lại anh/chị ngay khi rảnh ạ 🙏');
    expect(shop.api.textsTo(hoa.id).at(-1)).toBe('Dạ em nghe đây ạ');
  });
});

describe('owner commands', () => {
  it('/donhang lists today’s orders and /baocao reports conversations, satisfaction and open returns', async () => {
    const lan = shop.updates.person(601000020);
    const code = await placeOrder(lan);
    await shop.send(shop.updates.tap(lan, 'csat:5'));
    const orders = await ownerSays('/donhang');
    expect(orders).toBe(`📋 Đơn hôm nay (1 đơn, 220.000đ):\n• ${code} · 220.000đ · Lê Minh · Trả khi nhận hàng (COD) · chua_tt, moi`);

    const hoa = shop.updates.person(601000021, 'Hoa', 'Trần');
    for (const text of ['hang bi hu roi shop oi', 'XB999', 'Dập, hỏng, thối', 'bỏ qua', 'hoàn tiền']) await shop.send(shop.updates.text(hoa, text));
    const report = await ownerSays('/baocao');
    expect(report).toBe(['📊 Báo cáo', 'Cuộc trò chuyện: hôm nay 2 · tuần này 2', 'Hài lòng tuần này: 5,0/5 (1 lượt chấm)', '5⭐ 1 · 4⭐ 0 · 3⭐ 0 · 2⭐ 0 · 1⭐ 0', 'Đổi trả đang chờ xử lý: 1', '• XB999: Dập, hỏng, thối → Hoàn tiền'].join('\n'));
  });

  it('/don changes an order’s status and tells the customer in their chat', async () => {
    const lan = shop.updates.person(601000030);
    const code = await placeOrder(lan);
    const answer = await ownerSays(`/don ${code.toLowerCase()} đang giao`);
    expect(shop.api.textsTo(lan.id).at(-1)).toBe(`📦 Đơn ${code}: đã giao cho đơn vị vận chuyển.`);
    expect(answer).toContain(`✅ Đơn ${code}: đã giao cho đơn vị vận chuyển\nĐã báo khách: 📦 Đơn ${code}: đã giao cho đơn vị vận chuyển.`);
    expect(await shop.store.db.selectFrom('orders').select(['shipping_status', 'payment_status']).executeTakeFirstOrThrow()).toEqual({ shipping_status: 'shipped', payment_status: 'unpaid' });
    await ownerSays(`/don ${code} da_tt`);
    expect(await shop.store.db.selectFrom('orders').select(['shipping_status', 'payment_status']).executeTakeFirstOrThrow()).toEqual({ shipping_status: 'shipped', payment_status: 'paid' });
    expect(await ownerSays('/don XB404 da_giao')).toContain('Không tìm thấy đơn "XB404"');
    expect(await ownerSays(`/don ${code} bay_len_troi`)).toContain('Cách dùng: /don <mã đơn> <trạng thái>');
  });

  it('are refused from any chat but the owner’s, and /donhang there is the customer’s own order lookup', async () => {
    const lan = shop.updates.person(601000040);
    const code = await placeOrder(lan);
    const sent = shop.api.callsOf('sendMessage').length;
    for (const command of ['/baocao', `/don ${code} huy`, '/xong', `/don@VuonNhaTuBot ${code} huy`]) {
      expect(await shop.post(shop.updates.text(lan, command))).toBe(200);
    }
    expect(shop.api.callsOf('sendMessage')).toHaveLength(sent);
    expect(shop.log.lines.filter((line) => line.message === 'owner command refused: it did not come from the owner chat')).toHaveLength(4);
    expect((await shop.store.db.selectFrom('orders').select('shipping_status').executeTakeFirstOrThrow()).shipping_status).toBe('new');
    expect(await shop.send(shop.updates.text(lan, '/donhang'))).toContain(`Dạ đơn ${code} (220.000đ)`);
  });
});
