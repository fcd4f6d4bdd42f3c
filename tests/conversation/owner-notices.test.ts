import { afterEach, describe, expect, it } from 'vitest';
import { CustomerMessenger } from '../../src/conversation/customer-messenger';
import type { InboundEvent } from '../../src/conversation/inbound';
import { OwnerActions } from '../../src/conversation/owner-actions';
import { CHANNEL_LABELS, CHANNELS } from '../../src/labels';
import { startHarness, tempDatabasePath, type Harness } from '../support/harness';
import { RecordingSender } from '../support/recording-sender';

/*
 * The owner reads every notice in Vietnamese: the channel a customer wrote on is said as the
 * dashboard says it ("Thử trong máy", "Web chat"), never as the store keeps it ("terminal", "web").
 */
const OWNER = { channel: 'telegram', chatId: '-100777' };
let database: ReturnType<typeof tempDatabasePath> | undefined;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  database?.cleanup();
  harness = undefined;
  database = undefined;
});

/** A shop whose owner chat is on Telegram; customers of every channel reach one recorder (Telegram's chats are told apart by id). */
async function shop(): Promise<{ ownerChat: RecordingSender; says: (channel: string, text: string) => Promise<void> }> {
  database = tempDatabasePath();
  const ownerChat = new RecordingSender();
  const customers = new RecordingSender();
  const running = await startHarness({ path: database.path, senders: { telegram: ownerChat, zalo: customers, web: customers, terminal: customers }, owner: OWNER });
  harness = running;
  let update = 0;
  const says = async (channel: string, text: string) => {
    const event: InboundEvent = { channel, updateId: `${channel}-${++update}`, chatId: `${channel}-lan`, userId: `${channel}-lan`, displayName: 'Chị Lan', message: { kind: 'text', text } };
    await running.receive(event, (work) => void work);
    await running.delivery.retryDue();
  };
  return { ownerChat, says };
}

describe("the owner's notices say the channel in Vietnamese", () => {
  it.each(CHANNELS)('a customer on %s who asks for a person, then writes, is announced with the channel as the dashboard names it', async (channel) => {
    const { ownerChat, says } = await shop();
    await says(channel, 'cho gặp người thật');
    await says(channel, 'mật ong có hóa đơn không shop?');
    const toOwner = ownerChat.texts(OWNER.chatId);
    const named = CHANNEL_LABELS[channel]!;
    expect(toOwner.find((text) => text.startsWith('🙋'))).toBe(`🙋 Khách Chị Lan (${named}) muốn nói chuyện với người thật. Trả lời vào tin nhắn này để nhắn cho khách.`);
    expect(toOwner.at(-1)).toBe(`💬 Chị Lan (${named}):\nmật ong có hóa đơn không shop?`);
    expect(toOwner.join('\n')).not.toContain(`(${channel})`);
  });

  it('an order tried in the terminal tells the owner "Thử trong máy" and the payment in words, not "terminal" and "cod"', async () => {
    const { ownerChat, says } = await shop();
    for (const text of ['đặt hàng', 'mật ong', '2 chai', 'không', 'Trần Lan', '0912345678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'có']) await says('terminal', text);
    const order = await harness!.store.db.selectFrom('orders').select(['code', 'payment_method']).executeTakeFirstOrThrow();
    expect(order.payment_method).toBe('cod');
    const notice = ownerChat.texts(OWNER.chatId).find((text) => text.startsWith('🛒'))!;
    expect(notice).toMatch(new RegExp(`^🛒 Đơn mới ${order.code} — [\\d.]+đ \\(Thử trong máy\\)\\n`));
    expect(notice.split('\n')).toContain('Thanh toán: Trả khi nhận hàng (COD)');
    expect(notice).not.toMatch(/terminal|\bcod\b/);
  });

  it('a reply written in the inbox to a web customer shows in the owner\'s chat as "Web chat", not "web"', async () => {
    const { ownerChat, says } = await shop();
    await says('web', 'cho gặp người thật');
    const running = harness!;
    const conversation = await running.store.db.selectFrom('conversations').select('id').where('channel', '=', 'web').executeTakeFirstOrThrow();
    const messenger = new CustomerMessenger({ store: running.store, delivery: running.delivery, clock: running.clock.now });
    const inbox = new OwnerActions({ store: running.store, flows: () => running.engine.flows, clock: running.clock.now, log: running.log, owner: OWNER, messenger, receive: running.receive });
    expect(await inbox.send(conversation.id, { kind: 'text', text: 'Dạ em nghe ạ' }, { from: 'inbox' })).toMatchObject({ ok: true });
    await running.delivery.retryDue();
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toBe('✍️ Trả lời Chị Lan (Web chat) từ trang quản lý: Dạ em nghe ạ');
  });

  it('a web visitor without a name is called by their chat in the inbox reply\'s echo, never by an id starting "web:"', async () => {
    const { ownerChat } = await shop();
    const running = harness!;
    const visitor: InboundEvent = { channel: 'web', updateId: 'web-visitor-1', chatId: 'visitor-7f3a', userId: 'visitor-7f3a', message: { kind: 'text', text: 'cho gặp người thật' } };
    await running.receive(visitor, (work) => void work);
    await running.delivery.retryDue();
    const conversation = await running.store.db.selectFrom('conversations').select(['id', 'customer_id']).where('channel', '=', 'web').executeTakeFirstOrThrow();
    expect(conversation.customer_id).toBe('web:visitor-7f3a');
    const messenger = new CustomerMessenger({ store: running.store, delivery: running.delivery, clock: running.clock.now });
    const inbox = new OwnerActions({ store: running.store, flows: () => running.engine.flows, clock: running.clock.now, log: running.log, owner: OWNER, messenger, receive: running.receive });
    await inbox.send(conversation.id, { kind: 'text', text: 'Dạ em nghe ạ' }, { from: 'inbox' });
    await running.delivery.retryDue();
    const toOwner = ownerChat.texts(OWNER.chatId);
    expect(toOwner.at(-1)).toBe('✍️ Trả lời visitor-7f3a (Web chat) từ trang quản lý: Dạ em nghe ạ');
    expect(toOwner.join('\n')).not.toContain('web:');
  });
});
