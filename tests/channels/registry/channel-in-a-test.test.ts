import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ButtonDisplay } from '../../../src/channels/button-display';
import type { ChannelModule } from '../../../src/channels/channel';
import { CHANNELS } from '../../../src/channels/registry';
import { deferOf } from '../../../src/channels/request-defer';
import type { Outbound } from '../../../src/engine/index';
import { eventually } from '../../support/eventually';
import { startHarness, tempDatabasePath } from '../../support/harness';
import { harnessPerTest } from '../../support/per-test';

/**
 * A channel the shop has never heard of, defined here and nowhere under src/: an SMS gateway
 * that posts each text to a webhook and shows buttons as a numbered list. Registering it is
 * all it takes for a customer to order through it.
 */
const sent: { chatId: string; text: string }[] = [];

/** An SMS has no buttons: each becomes a numbered line, which the customer answers by its number. */
const smsButtons: ButtonDisplay = (text, buttons) => ({ text: [text, ...buttons.map((button, i) => `${i + 1}. ${button.label}`)].join('\n'), buttons: [] });

const smsChannel: ChannelModule = {
  name: 'sms',
  enabled: (env) => Boolean(env.ADMIN_PASSWORD),
  buttons: smsButtons,
  async open(shop) {
    const route = new Hono().post('/', async (c) => {
      const body = await c.req.json<{ id: string; from: string; text: string }>();
      await shop.receive({ channel: 'sms', updateId: body.id, chatId: body.from, userId: body.from, message: { kind: 'text', text: body.text } }, deferOf(c));
      return c.json({ ok: true });
    });
    return {
      sender: {
        async send(chatId: string, message: Outbound) {
          const text = message.kind === 'text' ? smsButtons(message.text, message.buttons ?? []).text : message.caption ?? '';
          sent.push({ chatId, text });
        },
      },
      routes: [{ path: '/sms/webhook', route }],
    };
  },
};

let messages = 0;

beforeEach(() => {
  sent.length = 0;
});

const harness = harnessPerTest(() => ({ adminPassword: 'mat-khau-chu-shop', channels: [...CHANNELS, smsChannel] }));

/** The customer texts the shop; resolves once every reply of the turn reached the phone. */
async function text(from: string, body: string): Promise<string> {
  const before = sent.length;
  const response = await harness().app.request('/sms/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `sms-${++messages}`, from, text: body }),
  });
  expect(response.status).toBe(200);
  const unsent = () => harness().store.db.selectFrom('outbox').select('id').where('channel', '=', 'sms').where('status', '!=', 'sent').execute();
  await eventually(async () => (await unsent()).length === 0, 'the replies to reach the phone');
  return sent.slice(before).map((entry) => entry.text).join('\n');
}

describe('a channel registered from outside src/', () => {
  it('takes a whole order by text message, stored under its own name, with buttons shown its own way', async () => {
    const phone = '+84987654321';
    expect(await text(phone, 'đặt hàng')).toMatch(/\n1\. Xoài cát Hòa Lộc/);
    for (const answer of ['xoài cát hòa lộc', '2 ký', 'Không', 'Trần Thị Bích', '0987.654.321', '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ', 'không']) await text(phone, answer);
    // The numbered list is how this channel shows buttons: the customer answers with the number.
    const payment = sent.at(-1)!.text;
    const cod = /\n(\d+)\. [^\n]*COD/.exec(payment)?.[1];
    expect(cod, payment).toBeDefined();
    await text(phone, cod!);
    await text(phone, 'không');
    const confirmation = await text(phone, 'đồng ý');

    const orders = await harness().store.db.selectFrom('orders').select(['code', 'channel', 'payment_method', 'total']).execute();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ channel: 'sms', payment_method: 'cod' });
    expect(confirmation).toContain(orders[0]!.code);
    expect(sent.every((entry) => entry.chatId === phone)).toBe(true);
    const conversation = await harness().store.db.selectFrom('conversations').select('channel').executeTakeFirstOrThrow();
    expect(conversation.channel).toBe('sms');
  });

  it('stays off when the environment does not turn it on', async () => {
    const off = await startHarness({ path: tempDatabasePath().path, channels: [...CHANNELS, smsChannel] });
    expect(off.shop.channels).not.toContain('sms');
    expect((await off.app.request('/sms/webhook', { method: 'POST', body: '{}' })).status).toBe(404);
    await off.close();
  });
});
