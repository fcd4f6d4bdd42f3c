import type { Store } from '../../store/store';

/** The database the reports read: the Kysely instance of the store, on SQLite or D1. */
export type ReportDb = Store['db'];

/** UTC ISO bounds, from ≤ t < to. */
export interface TimeRange {
  from: string;
  to: string;
}

/** Channels the bot speaks on; others found in the data are listed after them. */
export const KNOWN_CHANNELS = ['telegram', 'zalo', 'web'] as const;

export function orderChannels(found: Iterable<string>): string[] {
  const extra = [...new Set(found)].filter((channel) => !(KNOWN_CHANNELS as readonly string[]).includes(channel)).sort();
  return [...KNOWN_CHANNELS, ...extra];
}
