import type { CompiledQuery, Kysely } from 'kysely';
import type { Effect, Inbound, Outbound } from '../../engine/index';
import type { ShopFlows } from '../../flows/schema';
import type { Database, TurnSnapshot, TurnWrite } from '../../store/index';
import type { NoticeContext } from '../owner-notices';
import type { NoticeForOwner } from '../owner-relay';

/** What an effect's entry knows: all of it read or decided before the engine ran. */
export interface EffectContext {
  /** Compiles the entry's statements; nothing is executed while the turn is built. */
  db: Kysely<Database>;
  flows: ShopFlows;
  now: Date;
  customerId: string;
  /** The customer as the owner's notices name them. */
  notice: NoticeContext;
  snapshot: TurnSnapshot;
  newId: () => string;
  /** What the customer sent in this turn; none for an idle close. */
  message?: Inbound;
}

/** What one effect adds to its turn's batch. */
export interface EffectRows {
  orders?: TurnWrite['orders'];
  returnRequests?: TurnWrite['returnRequests'];
  paymentClaims?: string[];
  profile?: { name?: string; phone?: string; address?: string };
  /** For the owner's chat, in this order. */
  notices?: NoticeForOwner[];
  /** Said to the customer after the flow's own words. */
  replies?: Outbound[];
  queries?: CompiledQuery[];
  /** Personal data was erased: on SQLite the old bytes are checkpointed out of the WAL after the commit. */
  erasesPersonalData?: boolean;
}

export type EffectEntry<T extends Effect['type']> = (effect: Extract<Effect, { type: T }>, context: EffectContext) => EffectRows;

/** One entry per effect type the engine can ask for: a new type does not compile until it has one. */
export type EffectTable = { [T in Effect['type']]: EffectEntry<T> };
