import type { StoryCustomer } from '../../flows/story-schema';
import { findProvince } from '../parse/province';
import type { HeldData } from '../personal-data';
import type { CartItem, Effect, TurnContext } from '../types';

interface RecordedOrder {
  code: string;
  status: string;
  total: number;
  createdAt: string;
  contactName: string;
  province: string | null;
  items: CartItem[];
  promoCode: string | null;
}

/** How many recent orders a turn is told about, as the store reads them. */
const RECENT_ORDERS = 5;

/**
 * What the shop's store knows about the story's customer, kept the way the conversation layer
 * keeps it: orders created in the story join the earlier ones (codes XB001, XB002, …), the
 * contact follows profile effects, a claimed transfer awaits confirmation, erasure forgets.
 */
export class ShopperRecord {
  private name: string | null;
  private phone: string | null;
  private address: string | null;
  /** Oldest first. */
  private readonly orders: RecordedOrder[];
  private created = 0;

  constructor(customer: StoryCustomer | null) {
    this.name = customer?.name ?? null;
    this.phone = customer?.phone ?? null;
    this.address = customer?.address ?? null;
    const province = customer?.address ? provinceIn(customer.address) : null;
    this.orders = (customer?.orders ?? []).map((order) => ({
      code: order.code,
      status: order.status,
      total: order.total,
      createdAt: new Date(order.date).toISOString(),
      contactName: this.name ?? '',
      province: order.province ?? province,
      items: order.items.map((item) => ({ productId: item.product, quantity: item.quantity })),
      promoCode: order.promo,
    }));
  }

  nextOrderCode(): string {
    return `XB${String(this.created + 1).padStart(3, '0')}`;
  }

  context(): TurnContext['customer'] {
    const newestFirst = [...this.orders].reverse();
    const last = newestFirst.find((order) => order.status !== 'cancelled' && order.contactName !== '');
    return {
      name: this.name,
      orders: newestFirst.slice(0, RECENT_ORDERS).map(({ code, status, total, createdAt, promoCode, items }) => ({ code, status, total, createdAt, promoCode, items })),
      phone: this.phone,
      address: this.address,
      lastOrder: last ? { code: last.code, contactName: last.contactName, province: last.province, items: last.items } : null,
      remindedCart: null,
    };
  }

  /** What the store holds about the customer, for "dữ liệu của tôi". */
  held(conversations: number): HeldData {
    const newestFirst = [...this.orders].reverse();
    return { name: this.name, phone: this.phone, address: this.address, orders: newestFirst.map(({ code, total }) => ({ code, total })), conversations };
  }

  record(effects: readonly Effect[], now: Date): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'create_order': {
          const { order } = effect;
          this.created++;
          this.orders.push({
            code: order.code,
            status: 'new',
            total: order.quote.total,
            createdAt: now.toISOString(),
            contactName: order.contactName,
            province: order.province,
            items: order.quote.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
            promoCode: order.promoCode,
          });
          break;
        }
        case 'customer_profile':
          if (effect.name !== undefined) this.name = effect.name;
          if (effect.phone !== undefined) this.phone = effect.phone;
          if (effect.address !== undefined) this.address = effect.address;
          break;
        case 'payment_claimed':
          for (const order of this.orders) if (order.code.toUpperCase() === effect.orderCode.toUpperCase() && order.status === 'new') order.status = 'awaiting_confirmation';
          break;
        case 'personal_data':
          if (effect.request === 'delete') {
            this.name = this.phone = this.address = null;
            for (const order of this.orders) order.contactName = '';
          }
          break;
        default:
          break;
      }
    }
  }
}

function provinceIn(address: string): string | null {
  const match = findProvince(address);
  return match?.kind === 'found' ? match.province.name : null;
}
