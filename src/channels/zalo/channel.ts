import type { Receive } from '../../conversation/receiver';
import type { Logger } from '../../log';
import { ZaloBotClient } from './client.js';
import { isFatalAuthError } from './error.js';
import { zaloInboundEvent } from './inbound-event';
import { startPolling, type PollingHandle } from './polling.js';
import { ZaloSender } from './sender';

export interface ZaloChannelOptions {
  token: string;
  apiUrl?: string | undefined;
  publicUrl?: string | undefined;
  /** Public URLs of VietQR codes for payment_qr replies (src/channels/media/qr-media.ts). */
  qr?: ConstructorParameters<typeof ZaloSender>[2];
  receive: Receive;
  log: Logger;
  /** Poll for updates (no public URL); with a public URL the webhook route receives them. */
  poll: boolean;
}

export interface ZaloChannel {
  sender: ZaloSender;
  stop(): Promise<void>;
}

/**
 * Checks the token with getMe and starts receiving. A wrong or revoked token stops only the
 * Zalo channel, with a message that says what to do; the rest of the server keeps running.
 */
export async function startZaloChannel(options: ZaloChannelOptions): Promise<ZaloChannel | null> {
  const { log } = options;
  const client = new ZaloBotClient(options.token, options.apiUrl ? { apiUrl: options.apiUrl } : {});
  try {
    const me = await client.getMe();
    log.info('zalo bot connected', { bot: me.display_name ?? me.account_name ?? me.id, mode: options.poll ? 'polling' : 'webhook' });
  } catch (error) {
    const reason = isFatalAuthError(error)
      ? 'ZALO_BOT_TOKEN is wrong or revoked: copy the token again from the Zalo Bot platform and restart'
      : `Zalo did not answer getMe (${(error as Error).message}); check the network and ZALO_API_URL, then restart`;
    log.error(`zalo channel not started: ${reason}`);
    return null;
  }
  let polling: PollingHandle | undefined;
  if (options.poll) {
    polling = startPolling(
      client,
      async (update) => {
        const event = zaloInboundEvent(update);
        if (!event) return log.info('zalo update ignored', { event: update.event_name });
        await options.receive(event);
      },
      { onError: (error) => log.warn('zalo polling error', { error: (error as Error).message }) },
    );
    polling.done.catch((error: Error) => log.error(`zalo polling stopped: ${error.message}`));
  }
  return {
    sender: new ZaloSender(client, options.publicUrl, options.qr),
    async stop() {
      await polling?.stop();
    },
  };
}
