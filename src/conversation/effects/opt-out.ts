import { optOutQueries } from '../../store/index';
import type { EffectEntry } from './effect';

/** "dừng": no more scheduled messages, now or later. */
export const optOut: EffectEntry<'opt_out'> = (_effect, context) => ({ queries: optOutQueries(context.db, context.customerId) });
