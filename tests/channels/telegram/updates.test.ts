import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, callbackDataOf, inboundOfCallbackData } from '../../../src/channels/telegram/callback-data';
import { isOwnerOnlyCommand } from '../../../src/channels/telegram/commands';
import { customerUpdateOf } from '../../../src/channels/telegram/customer-update';
import { keyboardOf } from '../../../src/channels/telegram/keyboard';
import { newId } from '../../../src/conversation/ids';
import { PROVINCES } from '../../../src/vietnam/provinces';
import { PROVINCE_PLACES, provinceNear } from '../../../src/vietnam/province-centres';
import { TelegramUpdates } from '../../fakes/telegram-api-server';
import { sampleFlows } from '../../support/sample-flows';

const updates = new TelegramUpdates({ id: 7123456789, is_bot: true, first_name: 'Vườn Nhà Tư' });
const lan = updates.person(501234567);
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('callback data', () => {
  it('every button value the shop’s flows can make fits in Telegram’s 64 bytes, whatever the labels', async () => {
    const flows = await sampleFlows();
    const { shop } = flows;
    const values = [
      ...shop.menu.map((item) => `flow:${item.flow}`),
      'flow:human',
      'flow:greeting',
      ...[...flows.flows.values()].flatMap((flow) => Object.values(flow.steps).flatMap((step) => (Array.isArray(step.buttons) ? step.buttons.map((button) => `go:${button.goto}`) : []))),
      ...[...flows.flows.values()].flatMap((flow) => Object.values(flow.steps).flatMap((step) => (step.choices ?? []).map((_, i) => `answer:${i}`))),
      ...shop.catalog.map((product) => `answer:${product.id}`),
      'answer:yes',
      'answer:no',
      'skip',
      ...[1, 2, 3, 4, 5].map((score) => `csat:${score}`),
      'resume:yes',
      'resume:no',
      `xong:${newId(new Date())}`,
    ];
    for (const value of values) {
      expect(bytes(value), value).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      expect(callbackDataOf(value, 1)).toBe(value);
    }
    // The longest id the flow schema allows still fits: ids are at most 32 characters.
    expect(bytes(`answer:${'x'.repeat(32)}`)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    const longLabel = `${'🥭 Xoài cát Hòa Lộc loại đặc biệt, hái tại vườn Cái Bè '.repeat(6)}`;
    expect(keyboardOf({ buttons: [{ label: longLabel, value: 'answer:xoai_cat_hoa_loc' }] }, '📱')).toEqual({ inline_keyboard: [[{ text: longLabel, callback_data: 'answer:xoai_cat_hoa_loc' }]] });
  });

  it('a value too long for Telegram travels as the button’s position, which the engine reads like a typed number', () => {
    const tooLong = `answer:${'sầu riêng'.repeat(10)}`;
    expect(callbackDataOf(tooLong, 3)).toBe('#3');
    expect(inboundOfCallbackData('#3')).toEqual({ kind: 'text', text: '3' });
    expect(inboundOfCallbackData('flow:order')).toEqual({ kind: 'button', value: 'flow:order' });
  });
});

describe('customer updates', () => {
  it('/start, text, a tap, a contact, a photo and a location become the engine’s inbound kinds', () => {
    const event = (update: Record<string, unknown>) => {
      const mapped = customerUpdateOf(update as unknown as Update);
      if (mapped.kind !== 'event') throw new Error(JSON.stringify(mapped));
      return mapped.event;
    };
    expect(event(updates.text(lan, '/start@VuonNhaTuBot'))).toMatchObject({ channel: 'telegram', chatId: '501234567', userId: '501234567', displayName: 'Lan Nguyễn', message: { kind: 'text', text: '/start' } });
    expect(event(updates.tap(lan, 'csat:5')).message).toEqual({ kind: 'button', value: 'csat:5' });
    expect(event(updates.contact(lan, '+84903123456')).message).toEqual({ kind: 'contact', phone: '+84903123456', name: 'Lan Nguyễn' });
    const photo = updates.photo(lan, 'thùng bị móp');
    expect(event(photo).message).toEqual({ kind: 'photo', ref: (photo['message'] as { photo: { file_id: string }[] }).photo[2]!.file_id, caption: 'thùng bị móp' });
    expect(event(updates.location(lan, 10.2270, 103.9640)).message).toEqual({ kind: 'location', latitude: 10.227, longitude: 103.964, province: 'An Giang' });
    expect(event(updates.text(lan, 'chào shop')).updateId).not.toBe(event(updates.text(lan, 'chào shop')).updateId);
  });

  it('blocking and starting the bot again are membership changes; edits and other chats are ignored', () => {
    expect(customerUpdateOf(updates.membership(lan, 'kicked') as unknown as Update)).toEqual({ kind: 'membership', chatId: '501234567', blocked: true });
    expect(customerUpdateOf(updates.membership(lan, 'member') as unknown as Update)).toEqual({ kind: 'membership', chatId: '501234567', blocked: false });
    expect(customerUpdateOf(updates.edited(lan, 'sửa') as unknown as Update)).toMatchObject({ kind: 'ignored' });
    expect(customerUpdateOf(updates.text(lan, '   ') as unknown as Update)).toMatchObject({ kind: 'ignored' });
  });

  it('owner-only commands are recognized whatever the case or bot name; the customers’ own are not', () => {
    expect(['/baocao', '/BaoCao', '/don XB12 da_giao', '/xong', '/xong@VuonNhaTuBot'].every(isOwnerOnlyCommand)).toBe(true);
    expect(['/donhang', '/start', '/nguoithat', 'don hang', '/donhangcuatoi'].some(isOwnerOnlyCommand)).toBe(false);
  });
});

describe('the province of a shared location', () => {
  it('covers all 34 provinces with places under their current names', () => {
    expect(new Set(PROVINCE_PLACES.map((place) => place.province))).toEqual(new Set(PROVINCES.map((province) => province.id)));
  });

  it('finds the province of well-known places, merged ones included, and none far from Vietnam', () => {
    const at = (latitude: number, longitude: number) => provinceNear(latitude, longitude)?.name;
    expect(at(21.0285, 105.8542)).toBe('Hà Nội');
    expect(at(10.3460, 107.0843)).toBe('TP Hồ Chí Minh'); // Vũng Tàu
    expect(at(11.9404, 108.4583)).toBe('Lâm Đồng'); // Đà Lạt
    expect(at(12.2388, 109.1967)).toBe('Khánh Hòa'); // Nha Trang
    expect(at(13.7820, 109.2190)).toBe('Gia Lai'); // Quy Nhơn
    expect(at(10.0452, 105.7469)).toBe('Cần Thơ');
    expect(at(8.6833, 106.6090)).toBe('TP Hồ Chí Minh'); // Côn Đảo
    expect(at(48.8566, 2.3522)).toBeUndefined(); // Paris
  });
});
