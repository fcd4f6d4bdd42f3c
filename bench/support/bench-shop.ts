import { channelNamed } from '../../src/channels/registry';
import { composeShop, type Shop } from '../../src/compose';
import { parseEnv } from '../../src/config';
import type { Engine } from '../../src/engine/index';
import { consoleLogger } from '../../src/log';
import type { Store } from '../../src/store/index';

/** The benchmarks' customer: one whole order, from the greeting to the score. */
export const ORDER_SCRIPT = ['chào shop', '2', 'xoai cat', '4 ký', 'không', 'Nguyễn Văn An', '0912 345 678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'ok chốt', '5'];

/**
 * The shop as composed for the app, on `store`, with no tokens set. Telegram's rows go through
 * the whole delivery bookkeeping (claim, send, mark sent) to a sender that answers at once.
 */
export async function benchShop(store: Store, engine: () => Engine): Promise<Shop> {
  const env = parseEnv({});
  if (!env.ok) throw new Error(env.errors.join('\n'));
  let orders = 0;
  return composeShop(env.env, {
    store,
    engine,
    // As the app logs at LOG_LEVEL=error: nothing kept in memory.
    log: consoleLogger('error'),
    persistent: false,
    channels: [channelNamed('web')],
    senders: { telegram: { send: async () => ({ messageIds: ['1'] }) } },
    orderCode: () => `B${(++orders).toString(36).padStart(6, '0')}`,
  });
}
