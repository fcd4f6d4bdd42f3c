import { describe, expect, it } from 'vitest';
import { choosePeriod, previousPeriod } from '../../src/admin/period';
import { addDays, formatLocalTime, localDayOf, mondayOf, offsetMinutes, startOfLocalDay } from '../../src/admin/zoned-time';

const ZONE = 'Asia/Ho_Chi_Minh';
const now = new Date('2026-05-12T03:00:00Z'); // Tuesday, 10:00 in Hà Nội

describe('days in the shop time zone', () => {
  it('knows Vietnam is 7 hours ahead and a local day starts at 17:00 UTC the day before', () => {
    expect(offsetMinutes(ZONE, now)).toBe(420);
    expect(startOfLocalDay('2026-05-12', ZONE).toISOString()).toBe('2026-05-11T17:00:00.000Z');
    expect(localDayOf(new Date('2026-05-11T16:59:59Z'), ZONE)).toBe('2026-05-11');
    expect(localDayOf(new Date('2026-05-11T17:00:00Z'), ZONE)).toBe('2026-05-12');
    expect(formatLocalTime('2026-05-11T17:05:00.000Z', ZONE)).toBe('12/05/2026 00:05');
  });

  it('finds local midnight on a day the clocks change, for a shop in a zone with summer time', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('counts weeks from Monday and crosses months', () => {
    expect(mondayOf('2026-05-12')).toBe('2026-05-11');
    expect(mondayOf('2026-05-17')).toBe('2026-05-11');
    expect(mondayOf('2026-05-11')).toBe('2026-05-11');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});

describe('choosing a period', () => {
  it('today runs from local midnight to now, compared with the same hours yesterday', () => {
    const { period } = choosePeriod({ period: 'today' }, now, ZONE);
    expect(period).toMatchObject({ firstDay: '2026-05-12', lastDay: '2026-05-12', from: '2026-05-11T17:00:00.000Z', to: '2026-05-12T03:00:00.000Z' });
    expect(previousPeriod(period, ZONE)).toMatchObject({ firstDay: '2026-05-11', from: '2026-05-10T17:00:00.000Z', to: '2026-05-11T03:00:00.000Z' });
  });

  it('30 days ends today', () => {
    expect(choosePeriod({ period: '30d' }, now, ZONE).period).toMatchObject({ firstDay: '2026-04-13', lastDay: '2026-05-12', from: '2026-04-12T17:00:00.000Z' });
  });

  it('a custom period in the past covers whole days, and the one before it has the same length', () => {
    const { period, problem } = choosePeriod({ period: 'custom', from: '2026-04-01', to: '2026-04-10' }, now, ZONE);
    expect(problem).toBeUndefined();
    expect(period).toMatchObject({ key: 'custom', from: '2026-03-31T17:00:00.000Z', to: '2026-04-10T17:00:00.000Z' });
    expect(previousPeriod(period, ZONE)).toMatchObject({ firstDay: '2026-03-22', lastDay: '2026-03-31', from: '2026-03-21T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' });
  });

  it('explains custom dates it cannot use and shows 7 days instead', () => {
    const cases: [Record<string, string>, string][] = [
      [{ period: 'custom', from: '2026-04-10' }, 'Chọn cả ngày bắt đầu và ngày kết thúc.'],
      [{ period: 'custom', from: '2026-04-10', to: '2026-04-01' }, 'Ngày bắt đầu phải trước ngày kết thúc.'],
      [{ period: 'custom', from: '2026-02-30', to: '2026-03-01' }, 'Chọn cả ngày bắt đầu và ngày kết thúc.'],
      [{ period: 'custom', from: '2026-06-01', to: '2026-06-02' }, 'Ngày bắt đầu chưa tới.'],
      [{ period: 'custom', from: '2024-01-01', to: '2026-05-01' }, 'Chọn khoảng tối đa 366 ngày.'],
    ];
    for (const [query, problem] of cases) {
      const chosen = choosePeriod(query, now, ZONE);
      expect(chosen.problem, JSON.stringify(query)).toBe(problem);
      expect(chosen.period.key).toBe('7d');
    }
    expect(choosePeriod({ period: 'forever' }, now, ZONE).period.key).toBe('7d');
  });
});
