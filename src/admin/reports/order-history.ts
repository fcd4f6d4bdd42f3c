import type { ReportDb } from './range';

/** One purchase of a customer: an order that was not cancelled. */
export interface PastOrder {
  code: string;
  created_at: string;
  total: number;
  /** The order lines as stored (JSON). */
  items: string;
}

/** Each customer's purchases, oldest first. */
export type OrderHistories = ReadonlyMap<string, readonly PastOrder[]>;

/**
 * Every customer's purchases, read once for the churn page's cohorts and lapsed list alike.
 * Read in the table's own order (one sequential pass) and sorted per customer here: far
 * cheaper than visiting every row in customer order through the index.
 */
export async function orderHistories(db: ReportDb): Promise<OrderHistories> {
  const orders = await db.selectFrom('orders').select(['customer_id', 'code', 'created_at', 'total', 'items']).where('shipping_status', '<>', 'cancelled').execute();
  const byCustomer = new Map<string, PastOrder[]>();
  for (const order of orders) {
    const list = byCustomer.get(order.customer_id);
    if (list) list.push(order);
    else byCustomer.set(order.customer_id, [order]);
  }
  for (const list of byCustomer.values()) if (list.length > 1) list.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  return byCustomer;
}
