import type { Kysely } from 'kysely';
import type { Database } from './database';

export type OrderStatusField = 'payment_status' | 'shipping_status';

export async function orderByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('orders').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Orders placed from `from` (inclusive) to `to` (exclusive), oldest first. */
export async function ordersPlaced(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('orders')
    .select(['code', 'total', 'contact_name', 'payment_method', 'payment_status', 'shipping_status', 'channel', 'created_at'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .execute();
}
