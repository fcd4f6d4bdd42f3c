import { beforeEach, describe, expect, it } from 'vitest';
import { WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';
import { RecordingSender } from '../support/recording-sender';
import { phoneJpeg } from '../support/jpeg';
import { logIn } from './support';

const PASSWORD = 'vuon-nha-tu-2026';
const OWNER = { channel: 'telegram', chatId: '-100777' };

let session: { cookie: string; csrf: string };
let ownerChat: RecordingSender;

beforeEach(() => {
  ownerChat = new RecordingSender();
});

const harness = harnessPerTest(() => ({ adminPassword: PASSWORD, owner: OWNER, senders: { telegram: ownerChat } }));

beforeEach(async () => {
  session = await logIn(harness().app, PASSWORD);
});

const page = async (path: string) => {
  const response = await harness().app.request(path, { headers: { cookie: session.cookie } });
  expect(response.status, path).toBe(200);
  return response.text();
};

/** Posts one of the inbox's forms as the browser would, with the page's own form key. */
async function post(conversationId: string, action: string, fields: Record<string, string> = {}): Promise<string> {
  const html = await page(`/admin/inbox/${conversationId}`);
  const key = /name="key" value="([^"]+)"/.exec(html)![1]!;
  const response = await harness().app.request(`/admin/inbox/${conversationId}/${action}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _csrf: session.csrf, key, ...fields }),
  });
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

async function conversationOf(visitor: WebVisitor): Promise<string> {
  const row = await harness().store.db.selectFrom('conversations').select('id').where('customer_id', '=', `web:${visitor.visitorId}`).where('status', '=', 'open').executeTakeFirstOrThrow();
  return row.id;
}

async function pulled(visitor: WebVisitor): Promise<string[]> {
  const response = await harness().app.request(`/api/chat?visitorId=${visitor.visitorId}`);
  const json = (await response.json()) as { replies: { message: { text?: string; caption?: string } }[] };
  return json.replies.map((reply) => reply.message.text ?? reply.message.caption ?? '');
}

describe('the owner’s inbox', () => {
  it('lists a web customer who asked for a person; the owner’s reply reaches the web chat and shows in the Telegram owner chat too', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.post({ text: 'cho em gặp người thật', name: 'Chị Lan' });
    const id = await conversationOf(visitor);

    const list = await page('/admin/inbox');
    expect(list).toContain('Khách đang chờ người thật (1)');
    expect(list).toContain('Chị Lan');
    expect(list).toContain('Web chat');
    expect(list).toContain(`/admin/inbox/${id}`);

    expect(await post(id, 'reply', { text: 'Dạ chị Lan ơi, em là chủ vườn đây ạ' })).toBe(`/admin/inbox/${id}?done=sent`);
    expect(await pulled(visitor)).toEqual(['Dạ chị Lan ơi, em là chủ vườn đây ạ']);
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toContain('Dạ chị Lan ơi, em là chủ vườn đây ạ');
    expect(await page(`/admin/inbox/${id}`)).toContain('Chủ shop');
  });

  it('shows what the customer writes next without reloading: the page polls for messages after the last one it has', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('cho gặp người thật');
    const id = await conversationOf(visitor);
    const html = await page(`/admin/inbox/${id}`);
    const after = /data-after="(\d+)"/.exec(html)![1]!;
    await visitor.say('em muốn hỏi xoài còn không');
    const update = (await (await harness().app.request(`/admin/inbox/${id}/messages?after=${after}`, { headers: { cookie: session.cookie } })).json()) as { html: string; after: number; mode: string };
    expect(update.html).toContain('em muốn hỏi xoài còn không');
    expect(update.html).not.toContain('cho gặp người thật');
    expect(update.after).toBeGreaterThan(Number(after));
    expect(update.mode).toBe('open:human');
  });

  it('hands the customer back to the bot, which asks the closing question', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('cho gặp người thật');
    const id = await conversationOf(visitor);
    await post(id, 'reply', { text: 'Dạ em nghe ạ' });
    await pulled(visitor);
    expect(await post(id, 'handback')).toBe(`/admin/inbox/${id}?done=handed`);
    const texts = await pulled(visitor);
    expect(texts.join('\n')).toContain('chấm giúp shop mức hài lòng');
    expect((await harness().store.db.selectFrom('conversations').select('mode').where('id', '=', id).executeTakeFirstOrThrow()).mode).toBe('bot');
  });

  it('takes over a conversation the bot has: the bot stops answering and the customer’s words wait for the owner', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('shop ơi');
    const id = await conversationOf(visitor);
    expect(await page('/admin/inbox')).toContain('Đang trò chuyện với bot (1)');
    expect(await post(id, 'takeover')).toBe(`/admin/inbox/${id}?done=taken`);
    await visitor.say('giá xoài bao nhiêu');
    expect(visitor.last).toEqual([]);
    expect(await page(`/admin/inbox/${id}`)).toContain('giá xoài bao nhiêu');
    expect(await page('/admin/inbox')).toContain('Khách đang chờ người thật (1)');
  });

  it('sends a product card from the catalog in the shop’s own words', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('cho gặp người thật');
    const id = await conversationOf(visitor);
    const product = harness().engine.flows.shop.catalog[0]!;
    await post(id, 'product', { product: product.id });
    const [card] = await pulled(visitor);
    expect(card).toContain(product.name);
    expect(card).toContain(new Intl.NumberFormat('vi-VN').format(product.price));
  });

  it('sends a photo the owner picks: stored without its EXIF, shown in the web chat and the transcript', async () => {
    const visitor = new WebVisitor(harness().app, crypto.randomUUID());
    await visitor.say('cho gặp người thật');
    const id = await conversationOf(visitor);
    const html = await page(`/admin/inbox/${id}`);
    const key = /name="key" value="([^"]+)"/.exec(html)![1]!;
    const form = new FormData();
    form.append('_csrf', session.csrf);
    form.append('key', key);
    form.append('caption', 'Xoài mới hái sáng nay');
    form.append('photo', new Blob([phoneJpeg() as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), 'xoai.jpg');
    const response = await harness().app.request(`/admin/inbox/${id}/photo`, { method: 'POST', headers: { cookie: session.cookie, 'sec-fetch-site': 'same-origin' }, body: form });
    expect(response.headers.get('location')).toBe(`/admin/inbox/${id}?done=sent`);
    const pulledReplies = (await (await harness().app.request(`/api/chat?visitorId=${visitor.visitorId}`)).json()) as { replies: { message: { kind: string; url?: string; caption?: string } }[] };
    const image = pulledReplies.replies.at(-1)!.message;
    expect(image).toMatchObject({ kind: 'image', caption: 'Xoài mới hái sáng nay' });
    expect(image.url).toMatch(/^\/media\/photos\/[A-Za-z0-9_-]{22}$/);
    const bytes = new Uint8Array(await (await harness().app.request(image.url!)).arrayBuffer());
    expect(String.fromCharCode(...bytes)).not.toContain('GPS');
    expect(await page(`/admin/inbox/${id}`)).toContain(`<img src="${image.url}"`);
  });

  it('acts once on a form sent twice (a double tap)', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('cho gặp người thật');
    const id = await conversationOf(visitor);
    const html = await page(`/admin/inbox/${id}`);
    const key = /name="key" value="([^"]+)"/.exec(html)![1]!;
    const send = () =>
      harness().app.request(`/admin/inbox/${id}/reply`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ _csrf: session.csrf, key, text: 'Dạ em đây' }),
      });
    await send();
    expect((await send()).headers.get('location')).toContain('done=duplicate');
    expect(await pulled(visitor)).toEqual(['Dạ em đây']);
  });
});
