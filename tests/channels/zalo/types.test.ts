import { describe, expect, it } from 'vitest';
import { zaloUpdate } from '../../fakes/zalo-api-server.js';
import { ZALO_EVENTS, isKnownEventName, parseZaloUpdate } from '../../../src/channels/zalo/index.js';

describe('parseZaloUpdate: event names', () => {
  it('a text message', () => {
    const raw = zaloUpdate.text('5b1e7a', 'shop ơi xoài còn không', { displayName: 'Nguyễn Văn A', date: 1763800000000 });
    const u = parseZaloUpdate(raw);
    expect(u).not.toBeNull();
    expect(u?.event_name).toBe(ZALO_EVENTS.text);
    expect(u?.message.text).toBe('shop ơi xoài còn không');
    expect(u?.message.message_id).toBe(raw.message['message_id']);
    expect(u?.message.date).toBe(1763800000000);
    expect(u?.message.chat).toEqual({ id: '5b1e7a', chat_type: 'PRIVATE' });
    expect(u?.message.from).toEqual({ id: '5b1e7a', display_name: 'Nguyễn Văn A', is_bot: false });
  });

  it('an image with photo_url and caption, and one without caption', () => {
    const u = parseZaloUpdate(zaloUpdate.image('c1', 'https://zalo.example/p/1.jpg', 'bill chuyển khoản'));
    expect(u?.event_name).toBe('message.image.received');
    expect(u?.message.photo_url).toBe('https://zalo.example/p/1.jpg');
    expect(u?.message.caption).toBe('bill chuyển khoản');
    expect(u?.message.text).toBeUndefined();
    const bare = parseZaloUpdate(zaloUpdate.image('c1', 'https://zalo.example/p/2.jpg'));
    expect(bare?.message.caption).toBeUndefined();
  });

  it('a sticker', () => {
    const u = parseZaloUpdate(zaloUpdate.sticker('c1', 'bfe458bf64fa8da4d4eb'));
    expect(u?.event_name).toBe('message.sticker.received');
    expect(u?.message.sticker).toBe('bfe458bf64fa8da4d4eb');
    expect(u?.message['url']).toMatch(/^https:\/\//); // unknown fields are kept
  });

  it('an unsupported message', () => {
    const u = parseZaloUpdate(zaloUpdate.unsupported('c1'));
    expect(u?.event_name).toBe('message.unsupported.received');
    expect(u?.message.text).toBeUndefined();
    expect(u?.message.chat.id).toBe('c1');
  });

  it('an unknown event name parses as a generic update', () => {
    const u = parseZaloUpdate(zaloUpdate.custom('message.video.received', 'c1', { video_url: 'https://x/v.mp4' }));
    expect(u?.event_name).toBe('message.video.received');
    expect(isKnownEventName(u?.event_name ?? '')).toBe(false);
    expect(isKnownEventName('message.text.received')).toBe(true);
    expect(u?.message['video_url']).toBe('https://x/v.mp4');
  });

  it('a voice message is a known event with its voice_url, also when the event name is missing', () => {
    const u = parseZaloUpdate(zaloUpdate.custom('message.voice.received', 'c1', { voice_url: 'https://x/v.aac' }));
    expect(isKnownEventName(u?.event_name ?? '')).toBe(true);
    expect(u?.message.voice_url).toBe('https://x/v.aac');
    const { event_name: _, ...bare } = zaloUpdate.custom('message.voice.received', 'c1', { voice_url: 'https://x/v.aac' });
    expect(parseZaloUpdate(bare)?.event_name).toBe('message.voice.received');
  });

  it('the update wrapped in the envelope', () => {
    const raw = zaloUpdate.text('c9', 'alo');
    expect(parseZaloUpdate({ ok: true, result: raw })).toEqual(parseZaloUpdate(raw));
    expect(parseZaloUpdate({ ok: true, result: raw })?.message.text).toBe('alo');
    expect(parseZaloUpdate({ ok: false, error_code: 408, description: 'Request timeout' })).toBeNull();
    expect(parseZaloUpdate({ ok: true })).toBeNull();
  });
});

describe('parseZaloUpdate: tolerance', () => {
  it('GROUP and unknown chat types', () => {
    expect(parseZaloUpdate(zaloUpdate.text('g1', 'hi', { chatType: 'GROUP' }))?.message.chat.chat_type).toBe('GROUP');
    expect(parseZaloUpdate(zaloUpdate.text('g1', 'hi', { chatType: 'COMMUNITY' }))?.message.chat.chat_type).toBe('COMMUNITY');
  });

  it('ids stay strings: leading zeros kept; safe integers become strings; unsafe ones are refused', () => {
    const u = parseZaloUpdate(zaloUpdate.text('0012', 'hi', { messageId: '000123' }));
    expect(u?.message.chat.id).toBe('0012');
    expect(u?.message.message_id).toBe('000123');
    const numeric = { event_name: 'message.text.received', message: { message_id: 42, chat: { id: 7 }, from: { id: 7 }, text: 'x' } };
    const parsed = parseZaloUpdate(numeric);
    expect(parsed?.message.message_id).toBe('42');
    expect(parsed?.message.chat.id).toBe('7');
    expect(parsed?.message.from.id).toBe('7');
    const unsafe = { ...numeric, message: { ...numeric.message, message_id: 2 ** 60 } };
    expect(parseZaloUpdate(unsafe)).toBeNull();
  });

  it('display_name is filled from name or first_name; photo and sticker_id are folded in', () => {
    const base = { message_id: 'm1', date: 1, chat: { id: 'c', chat_type: 'PRIVATE' } };
    const byName = parseZaloUpdate({ event_name: 'message.text.received', message: { ...base, from: { id: 'u', name: 'Chị Lan' }, text: 'a' } });
    expect(byName?.message.from.display_name).toBe('Chị Lan');
    const byFirst = parseZaloUpdate({ event_name: 'message.text.received', message: { ...base, from: { id: 'u', first_name: 'Anh Tư' }, text: 'a' } });
    expect(byFirst?.message.from.display_name).toBe('Anh Tư');
    const photo = parseZaloUpdate({ event_name: 'message.image.received', message: { ...base, from: { id: 'u' }, photo: 'https://p/1.jpg' } });
    expect(photo?.message.photo_url).toBe('https://p/1.jpg');
    const sticker = parseZaloUpdate({ event_name: 'message.sticker.received', message: { ...base, from: { id: 'u' }, sticker_id: 's42' } });
    expect(sticker?.message.sticker).toBe('s42');
  });

  it('a missing event_name is inferred from the message (documented getUpdates sample)', () => {
    const sample = {
      message: {
        chat: { id: 'e4ea2cd5189df1c3a88c', chat_type: 'PRIVATE' },
        text: 'Xin chào',
        message_id: '16f6366b3f02645a3d15',
        date: 1766619597466,
        from: { id: 'e4ea2cd5189df1c3a88c', first_name: 'Nguyen Van A' },
      },
    };
    const u = parseZaloUpdate({ ok: true, result: sample });
    expect(u?.event_name).toBe('message.text.received');
    expect(u?.message.from.display_name).toBe('Nguyen Van A');
    const noText = { message: { ...sample.message, text: undefined } };
    expect(parseZaloUpdate(noText)?.event_name).toBe('message.unsupported.received');
  });

  it('a date sent as a numeric string', () => {
    const raw = zaloUpdate.text('c', 'x');
    expect(parseZaloUpdate({ ...raw, message: { ...raw.message, date: '1763800000000' } })?.message.date).toBe(1763800000000);
  });
});

describe('parseZaloUpdate: junk gives null', () => {
  const good = zaloUpdate.text('c1', 'hi');
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [good]],
    ['an empty array', []],
    ['a string', JSON.stringify(good)],
    ['a number', 42],
    ['an empty object', {}],
    ['a missing message', { event_name: 'message.text.received' }],
    ['a message that is a string', { event_name: 'message.text.received', message: 'hi' }],
    ['a message without chat', { event_name: 'message.text.received', message: { message_id: 'm', from: { id: 'u' }, text: 'x' } }],
    ['a message without from', { event_name: 'message.text.received', message: { message_id: 'm', chat: { id: 'c' }, text: 'x' } }],
    ['a message without message_id', { event_name: 'message.text.received', message: { chat: { id: 'c' }, from: { id: 'u' } } }],
    ['an empty chat id', { event_name: 'message.text.received', message: { message_id: 'm', chat: { id: '' }, from: { id: 'u' } } }],
    ['text that is not a string', { ...good, message: { ...good.message, text: 5 } }],
    ['an empty event name', { ...good, event_name: '' }],
    ['an envelope with junk', { ok: true, result: 'hello' }],
  ])('%s', (_label, body) => {
    expect(parseZaloUpdate(body)).toBeNull();
  });
});
