import type { Store } from '../../store/index';
import { CHANNELS } from '../../labels';

/** The database the reports read: the Kysely instance of the store, on SQLite or D1. */
export type ReportDb = Store['db'];

/** UTC ISO bounds, from ≤ t < to. */
export interface TimeRange {
  from: string;
  to: string;
}

/** Channels the bot speaks on (the terminal's `npm run chat` included); others found in the data are listed after them. */
export const KNOWN_CHANNELS: readonly string[] = CHANNELS;

export function orderChannels(found: Iterable<string>): string[] {
  const extra = [...new Set(found)].filter((channel) => !KNOWN_CHANNELS.includes(channel)).sort();
  return [...KNOWN_CHANNELS, ...extra];
}
