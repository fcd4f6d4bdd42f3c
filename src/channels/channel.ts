import type { Context, Hono } from 'hono';
import type { Env } from '../config';
import type { Conversations } from '../conversation/conversations';
import type { OwnerChannel } from '../conversation/owner-channel';
import type { Courtesy } from '../conversation/courtesy-reply';
import type { ChannelSender } from '../conversation/inbound';
import type { OwnerDesk } from '../conversation/owner-desk';
import type { Receive } from '../conversation/receiver';
import type { ShopFlows } from '../flows/schema';
import type { Logger } from '../log';
import type { Store } from '../store/index';
import type { ButtonDisplay } from './button-display';
import type { QrMedia } from './media/qr-media';

/** What the shop hands a channel when it opens: everything a platform adapter may need. */
export interface ChannelShop {
  env: Env;
  store: Store;
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  /** VietQR images for payment_qr replies, shared with the `/media` route. */
  qr: QrMedia;
  conversations: Conversations;
  /** Runs a customer's turn; routes pass their request's `deferOf(c)` so delivery outlives the response. */
  receive: Receive;
  /** Answers an update that starts no turn (a sticker, a voice note, a group) with one text from shop.yaml. */
  courtesy: Courtesy;
  /** The owner's chat (on whichever channel names one), null when none is configured. */
  owner: OwnerChannel | null;
  /** The owner's desk whose hand-backs run through `receive`; null without an owner chat. */
  ownerDesk: (receive: Receive) => OwnerDesk | null;
  /** Long-poll the platform (Node without PUBLIC_URL); otherwise updates come by webhook. */
  poll: boolean;
  /** Check the token when the shop starts and leave the channel off, with a message, when it is wrong (Node). */
  verify: boolean;
  /** The client's real address (behind a proxy too), for rate limits; unknown in tests through `app.request`. */
  clientAddress?: ((c: Context) => string | undefined) | undefined;
}

/** An HTTP route a channel serves (a platform's webhook, the web chat), mounted at `path` on both runtimes. */
export interface ChannelRoute {
  path: string;
  route: Hono;
}

/** A channel once opened. */
export interface OpenChannel {
  /** Delivers the outbox rows of this channel; absent for channels whose reader pulls them. */
  sender?: ChannelSender;
  routes?: ChannelRoute[];
  /** Ends polling (Node's shutdown). */
  stop?(): Promise<void>;
}

/** One platform, as the shop sees it: nothing past the channel knows the platform. */
export interface ChannelModule {
  /** Stored with every customer, conversation and outbox row of the channel. */
  name: string;
  /** Whether the environment turns the channel on (its token is set). */
  enabled(env: Env): boolean;
  /** How a reply's buttons reach the customer (Telegram: tapped; Zalo: a numbered list); its sender or reader shows them so. */
  buttons: ButtonDisplay;
  /** The reader pulls its replies from the outbox (the web page, the terminal), so delivery skips them. */
  pulled?: boolean;
  /** The owner's chat on this channel, when the environment names one. */
  ownerChat?(env: Env, log: Logger): string | null;
  /** Builds the channel; null when it cannot run (a wrong token), which leaves the rest of the shop running. */
  open(shop: ChannelShop): Promise<OpenChannel | null>;
}
