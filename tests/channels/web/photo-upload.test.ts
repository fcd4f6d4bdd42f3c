import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES } from '../../../src/channels/web/photo';
import { erasePersonalData } from '../../../src/conversation/conversations';
import { WebVisitor } from '../../support/harness';
import { harnessPerTest } from '../../support/per-test';
import { phoneJpeg } from '../../support/jpeg';

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('a photo from the web chat, checked by its bytes', () => {
  it('keeps the image and drops the EXIF block with the phone’s GPS position', () => {
    const checked = checkPhoto(phoneJpeg());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(text(checked.bytes)).not.toContain('GPS');
    expect(text(checked.bytes)).not.toContain('Exif');
    expect(text(checked.bytes)).toContain('JFIF');
    expect([...checked.bytes.slice(-6)]).toEqual([0x12, 0x34, 0x56, 0x78, 0xff, 0xd9]);
  });

  it('refuses a file that is not a JPEG whatever its name, one cut off on the way, and one over 1 MB', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(checkPhoto(png)).toEqual({ ok: false, problem: 'wrong_type' });
    expect(checkPhoto(new TextEncoder().encode('%PDF-1.7 hoa don'))).toEqual({ ok: false, problem: 'wrong_type' });
    expect(checkPhoto(phoneJpeg({ truncated: true }))).toEqual({ ok: false, problem: 'broken' });
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set(phoneJpeg());
    expect(checkPhoto(huge)).toEqual({ ok: false, problem: 'too_big' });
  });
});

const harness = harnessPerTest();

async function upload(visitor: WebVisitor, bytes: Uint8Array, name = 'IMG_2041.jpg') {
  const form = new FormData();
  form.append('visitorId', visitor.visitorId);
  form.append('messageId', `photo-${Math.random().toString(36).slice(2, 12)}`);
  form.append('photo', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), name);
  const response = await harness().app.request('/api/photo', { method: 'POST', body: form });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as { ok?: boolean; url?: string; error?: string } };
}

describe('the web chat’s photo upload', () => {
  it('a photo sent at the return request’s photo step is stored without EXIF and becomes the request’s photo', async () => {
    const visitor = new WebVisitor(harness().app, crypto.randomUUID());
    await visitor.say('xoài bị dập');
    await visitor.say('XB123');
    expect(visitor.text()).toContain('ảnh');
    const sent = await upload(visitor, phoneJpeg());
    expect(sent.status).toBe(200);
    expect(sent.json.url).toMatch(/^\/media\/photos\/[A-Za-z0-9_-]{22}$/);

    const photo = await harness().app.request(sent.json.url!);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(text(new Uint8Array(await photo.arrayBuffer()))).not.toContain('GPS');

    const replies = (await (await harness().app.request(`/api/chat?visitorId=${visitor.visitorId}`)).json()) as { replies: { message: { text?: string } }[] };
    expect(replies.replies.map((reply) => reply.message.text).join('\n')).toContain('xử lý thế nào');
    await visitor.say('hoàn tiền');
    const request = await harness().store.db.selectFrom('return_requests').select(['photos', 'order_code']).executeTakeFirstOrThrow();
    expect(JSON.parse(request.photos)).toEqual([sent.json.url]);
    const message = await harness().store.db.selectFrom('messages').select('payload').where('kind', '=', 'photo').executeTakeFirstOrThrow();
    expect(JSON.parse(message.payload!)).toEqual({ ref: sent.json.url });
  });

  it('erasing the customer’s personal data erases their photos too', async () => {
    const visitor = new WebVisitor(harness().app, crypto.randomUUID());
    await visitor.say('xoài bị dập');
    await visitor.say('XB123');
    const sent = await upload(visitor, phoneJpeg());
    expect((await harness().app.request(sent.json.url!)).status).toBe(200);
    await erasePersonalData(harness().store, `web:${visitor.visitorId}`);
    expect((await harness().app.request(sent.json.url!)).status).toBe(404);
  });

  it('tells the customer in the shop’s words when a file is not a photo, is cut off or is too big', async () => {
    const visitor = new WebVisitor(harness().app, crypto.randomUUID());
    await visitor.say('xoài bị dập');
    const rejected = harness().engine.flows.shop.texts.photo_rejected!;
    const pdf = await upload(visitor, new TextEncoder().encode('%PDF-1.7 hoa don'), 'hoa-don.jpg');
    expect(pdf).toEqual({ status: 415, retryAfter: null, json: { error: rejected.wrong_type, problem: 'wrong_type' } });
    expect((await upload(visitor, phoneJpeg({ truncated: true }))).json.error).toBe(rejected.broken);
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 200_000);
    huge.set(phoneJpeg());
    const big = await upload(visitor, huge);
    expect(big.status).toBe(413);
    expect(big.json.error).toBe(rejected.too_big);
    expect(await harness().store.db.selectFrom('messages').select('id').where('kind', '=', 'photo').execute()).toEqual([]);
  });

  it('a visitor sending photo after photo is refused in the shop’s words after 10 in an hour, and may send again later', async () => {
    const visitor = new WebVisitor(harness().app, crypto.randomUUID());
    await visitor.say('xoài bị dập');
    for (let sent = 0; sent < 10; sent++) expect((await upload(visitor, phoneJpeg())).status).toBe(200);
    const refused = await upload(visitor, phoneJpeg());
    expect(refused.status).toBe(429);
    expect(refused.json.error).toBe(harness().engine.flows.shop.texts.photo_rejected!.too_many);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(await harness().store.db.selectFrom('messages').select('id').where('kind', '=', 'photo').execute()).toHaveLength(10);
    harness().clock.advance(61);
    expect((await upload(visitor, phoneJpeg())).status).toBe(200);
  });
});
