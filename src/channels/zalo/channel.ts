import type { Courtesy } from '../../conversation/courtesy-reply';
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
  /** Answers stickers, voice notes, hidden messages and groups; without it they are logged and dropped. */
  courtesy?: Courtesy;
  log: Logger;
  /** Poll for updates (no public URL); with a public URL the webhook route receives them. */
  poll: boolean;
}

export interface ZaloChannel {
  sender: ZaloSender;
  stop(): Promise<void>;
}

/**
 * Checks the token with getMe and starts receiving. Only a refused token (401) stops the Zalo
 * channel, with a message that says what to do; the rest of the server keeps running. Any
 * other failure at start (403, 5xx, the network) is Zalo's passing trouble: the channel
 * starts and polling or the outbox retry with backoff.
 */
export async function startZaloChannel(options: ZaloChannelOptions): Promise<ZaloChannel | null> {
  const { log } = options;
  const client = new ZaloBotClient(options.token, options.apiUrl ? { apiUrl: options.apiUrl } : {});
  try {
    const me = await client.getMe();
    log.info('zalo bot connected', { bot: me.display_name ?? me.account_name ?? me.id, mode: options.poll ? 'polling' : 'webhook' });
  } catch (error) {
    if (isFatalAuthError(error)) {
      log.error('zalo channel not started: ZALO_BOT_TOKEN is wrong or revoked: copy the token again from the Zalo Bot platform and restart');
      return null;
    }
    log.warn(`Zalo did not answer getMe (${(error as Error).message}); starting anyway and retrying. If it lasts, check the network and ZALO_API_URL`);
  }
  if (options.poll) await removeWebhookForPolling(client, log);
  let polling: PollingHandle | undefined;
  if (options.poll) {
    polling = startPolling(
      client,
      async (update) => {
        const inbound = zaloInboundEvent(update);
        if (inbound?.kind === 'turn') return options.receive(inbound.event);
        if (inbound && options.courtesy) return options.courtesy(inbound.reply);
        log.info('zalo update ignored', { event: update.event_name });
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

/**
 * getUpdates answers nothing while a webhook is set, so polling would wait silently forever.
 * Polling means this server has no PUBLIC_URL, so a webhook left from an earlier setup (or
 * another server) is removed, saying so; if that fails, the log says what to run.
 */
async function removeWebhookForPolling(client: ZaloBotClient, log: Logger): Promise<void> {
  try {
    const info = await client.getWebhookInfo();
    if (!info.url) return;
    await client.deleteWebhook();
    log.warn('zalo: a webhook was set, so long polling would receive nothing; removed it. To use the webhook instead, set PUBLIC_URL and run npm run zalo:setup', { webhook: info.url });
  } catch (error) {
    log.error(`zalo: could not check or remove the webhook before polling (${(error as Error).message}); if no messages arrive, run npm run zalo:setup -- --remove`);
  }
}
