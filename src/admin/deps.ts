import type { Context } from 'hono';
import type { CustomerMessenger } from '../conversation/customer-messenger';
import type { BankTransfers } from '../conversation/payments/bank-transfers';
import type { OwnerActions } from '../conversation/owner-actions';
import type { ShopFlows } from '../flows/schema';
import type { FlowStatus } from '../flows/status';
import type { Logger } from '../log';
import type { Store } from '../store/index';
import type { AdminSession } from './auth/session';

export interface AdminDeps {
  store: Store;
  /** The flows in force now: time zone, status texts, each flow's steps. */
  flows: () => ShopFlows;
  clock: () => Date;
  /** ADMIN_PASSWORD; unset: the dashboard answers only requests from this machine. */
  password: string | undefined;
  /** Tells a customer about their order or request in their own chat. */
  messenger: CustomerMessenger;
  /** Bank transfers reported by SePay, for the owner's manual match on "Tiền về"; absent without SEPAY_API_KEY. */
  transfers?: BankTransfers;
  /** The owner's actions on a conversation (reply, take over, hand back), shared with the Telegram owner chat; the inbox only reads without them. */
  desk?: OwnerActions;
  /** Whether the last edit of the flow files was refused: every page shows a banner until it is fixed. */
  flowStatus?: FlowStatus;
  /** Retrains the bot with the owner's taught examples at once (Node); absent on Workers, where the next bundle learns them. */
  relearn?: () => Promise<void>;
  log: Logger;
  /** The connecting address (on Node: `getConnInfo(c).remote.address`); used for the lockout and localhost mode. */
  clientAddress?: (c: Context) => string | undefined;
}

export interface AdminEnv {
  Variables: { session: AdminSession };
}

/** Where the lead mounts the dashboard (DESIGN.md: routes that stay stable). */
export const ADMIN_BASE = '/admin';
