import { describe, expect, it } from 'vitest';
import { readDeliveryWish } from '../../../src/engine/parse/delivery-wish';

// Tuesday 12 May 2026, 10:00 in Hà Nội.
const now = new Date('2026-05-12T03:00:00Z');
const ZONE = 'Asia/Ho_Chi_Minh';
const wish = (text: string) => readDeliveryWish(text, now, ZONE);

describe('when the customer wants the goods', () => {
  it('reads "as soon as possible" however it is written', () => {
    for (const text of ['càng sớm càng tốt', 'cang som cang tot nha', 'giao gấp giúp em', 'sớm nhất có thể', 'Cần gấp lắm']) expect(wish(text), text).toEqual({ kind: 'asap' });
  });

  it('reads the weekend as the coming Saturday and Sunday, or those of next week', () => {
    expect(wish('giao cuối tuần nha')).toEqual({ kind: 'weekend', saturday: '2026-05-16' });
    expect(wish('cuoi tuan sau')).toEqual({ kind: 'weekend', saturday: '2026-05-23' });
  });

  it('reads a weekday as the next one, and "tuần sau" as the one of next week', () => {
    expect(wish('thứ 7 giao giúp')).toEqual({ kind: 'date', date: '2026-05-16' });
    expect(wish('thu bay')).toEqual({ kind: 'date', date: '2026-05-16' });
    expect(wish('t5')).toEqual({ kind: 'date', date: '2026-05-14' });
    expect(wish('chủ nhật')).toEqual({ kind: 'date', date: '2026-05-17' });
    expect(wish('thứ 3')).toEqual({ kind: 'date', date: '2026-05-19' });
    expect(wish('thứ 6 tuần sau')).toEqual({ kind: 'date', date: '2026-05-22' });
  });

  it('reads tomorrow, the day after, today and dates, moving a past date to next year', () => {
    expect(wish('mai giao luôn')).toEqual({ kind: 'date', date: '2026-05-13' });
    expect(wish('ngày kia')).toEqual({ kind: 'date', date: '2026-05-14' });
    expect(wish('trong ngày hôm nay')).toEqual({ kind: 'date', date: '2026-05-12' });
    expect(wish('giao ngày 20/5')).toEqual({ kind: 'date', date: '2026-05-20' });
    expect(wish('1/3')).toEqual({ kind: 'date', date: '2027-03-01' });
    expect(wish('15-06-2026')).toEqual({ kind: 'date', date: '2026-06-15' });
    expect(wish('ngày 5')).toEqual({ kind: 'date', date: '2026-06-05' });
    expect(wish('ngay 28')).toEqual({ kind: 'date', date: '2026-05-28' });
  });

  it('finds no time in notes that name none, nor in impossible dates', () => {
    for (const text of ['gói quà giúp em', 'không', 'lấy trái chín vừa', '31/2', 'mua một ít thôi']) expect(wish(text), text).toBeNull();
  });
});
