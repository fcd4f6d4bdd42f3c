import type { ShopFlows } from '../flows/schema';
import { formatNumber, formatQuote, formatQuoteLines, formatSlot, formatVnd } from './format';
import { freeShippingFrom, isInSeason, isPromotionActive, quoteOrder, zoneOf } from './pricing';
import { renderTemplate, type ResolveVariable } from './template';
import type { ConversationState, Quote, TurnContext } from './types';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The values every bot text may use, computed from the flows, the state and the turn. */
export function variablesFor(
  flows: ShopFlows,
  state: ConversationState,
  context: TurnContext,
  extras: Record<string, string> = {},
): ResolveVariable {
  const { shop } = flows;
  const texts = shop.texts;
  const labels = texts.labels;
  const slot = (name: string) => formatSlot(state.slots[name], texts.yes, texts.no);
  const product = () => shop.catalog.find((candidate) => candidate.id === state.slots.product);
  const province = () => (typeof state.slots.province === 'string' ? state.slots.province : null);
  // One text may show the cart, the shipping and the total: price the order once per text.
  let priced: Quote | undefined;
  const quote = () => (priced ??= quoteOrder(shop, { cart: state.cart, province: province(), promoCode: promotionCodeOf(state.slots), now: context.now }));

  const groups: Record<string, (field: string | undefined) => string> = {
    shop: (field) => {
      if (field === 'hours') {
        return shop.shop.opening_hours.map((hours) => `${dayRanges(hours.days.map((day) => WEEKDAYS.indexOf(day)), labels.weekdays)} ${hours.open}–${hours.close}`).join('; ');
      }
      const info = shop.shop as Record<string, unknown>;
      return typeof info[field ?? 'name'] === 'string' ? (info[field ?? 'name'] as string) : '';
    },
    product: (field) => {
      const current = product();
      if (!current) return '';
      switch (field ?? 'name') {
        case 'price':
          return formatVnd(current.price);
        case 'min_quantity':
          return formatNumber(current.min_quantity);
        case 'season':
          return current.season ? `${labels.month} ${current.season.from}–${current.season.to}` : labels.all_year;
        case 'stock':
          if (current.stock === 'out_of_stock' || current.stock === 0) return labels.out_of_stock;
          if (!isInSeason(current, context.now, shop.shop.timezone)) return labels.preorder;
          return typeof current.stock === 'number' ? `${labels.stock_left} ${current.stock} ${current.unit}` : labels.in_stock;
        default: {
          const value = (current as Record<string, unknown>)[field ?? 'name'];
          return typeof value === 'string' ? value : '';
        }
      }
    },
    cart: (field) => {
      const current = quote();
      if (field === 'count') return String(current.lines.length);
      if (field === 'subtotal') return formatVnd(current.subtotal);
      // "4 túi khoai với 3 túi mít hết bao nhiêu": with two lines or more the cart says what they come to.
      if (field === 'subtotal_line') return current.lines.length >= 2 ? `${labels.subtotal}: ${formatVnd(current.subtotal)}` : '';
      return formatQuoteLines(current);
    },
    quote: (field) => {
      const current = quote();
      switch (field ?? 'summary') {
        case 'total':
          return formatVnd(current.total);
        case 'subtotal':
          return formatVnd(current.subtotal);
        case 'shipping':
          return formatVnd(current.shippingFee);
        case 'discount':
          return formatVnd(current.discountTotal);
        case 'delivery_days': {
          // A product out of season comes with its season, not in the zone's usual days; the others still come in those days.
          const items = current.lines.map((line) => shop.catalog.find((item) => item.id === line.productId));
          const waiting = items.filter((item) => item?.season && !isInSeason(item, context.now, shop.shop.timezone));
          const season = (item: (typeof waiting)[number]) => `${labels.in_season_delivery}, ${labels.month} ${item!.season!.from}–${item!.season!.to}`;
          if (waiting.length === 0) return current.deliveryDays ?? '';
          if (waiting.length === items.length && waiting.length === 1) return season(waiting[0]);
          const later = waiting.map((item) => `${item!.name}: ${season(item)}`);
          return [waiting.length < items.length ? current.deliveryDays : null, ...later].filter(Boolean).join('; ');
        }
        default:
          return formatQuote(current, labels);
      }
    },
    order: (field) => {
      const known = context.customer.orders.find((order) => order.code === state.slots.order_code) ?? context.customer.orders[0];
      if (field === 'status') {
        if (!known) return '';
        return (texts.order_status as Record<string, string>)[known.status] ?? known.status;
      }
      const order = state.lastOrder ?? (known ? { code: known.code, total: known.total } : null);
      if (!order) return '';
      return field === 'total' ? formatVnd(order.total) : order.code;
    },
    bank: (field) => {
      const bank = shop.payment.bank_transfer as Record<string, unknown> | undefined;
      const value = bank?.[field ?? 'account_number'];
      return typeof value === 'string' ? value : '';
    },
    policy: (field) => {
      if (field === 'compensation') return shop.policies.compensation;
      if (field === 'return_days') return String(shop.policies.return_days);
      return shop.policies.returns;
    },
    promotion: (field) => {
      const code = promotionCodeOf(state.slots)?.toUpperCase();
      const current = code ? shop.promotions.find((candidate) => candidate.code === code) : undefined;
      if (!current) return '';
      if (field === 'saving') {
        const priced = quote();
        const amount = priced.discounts.find((discount) => discount.code === code)?.amount ?? 0;
        return amount > 0 ? `${labels.discount} -${formatVnd(amount)}` : '';
      }
      if (field === 'condition') return current.min_order !== undefined ? `${labels.min_order} ${formatVnd(current.min_order)}` : '';
      return current.title;
    },
    promotions: () => {
      const active = shop.promotions.filter((promotion) => isPromotionActive(promotion, context.now, shop.shop.timezone));
      if (active.length === 0) return labels.no_promotions;
      return active
        .map((promotion) => {
          const how = promotion.automatic ? ` (${labels.auto_applied})` : ` — ${labels.promo_code} ${promotion.code}`;
          return `• ${promotion.title}${how}, ${labels.valid_until} ${promotion.valid_until.split('-').reverse().join('/')}`;
        })
        .join('\n');
    },
    catalog: () => shop.catalog.map((item) => `• ${item.name}: ${formatVnd(item.price)}/${item.unit}`).join('\n'),
    zones: () => shop.shipping.zones.map((zone) => `• ${zone.name}: ${formatVnd(zone.fee)}, ${zone.delivery_days}`).join('\n'),
    shipping: (field) => {
      const name = province();
      const zone = name ? zoneOf(shop, name) : undefined;
      // Each zone's free-shipping line, for "freeship từ bao nhiêu" asked before any province.
      if (field === 'free_rule') {
        return shop.shipping.zones
          .flatMap((each) => {
            const threshold = freeShippingFrom(shop, each, context.now);
            return threshold === undefined ? [] : [`• ${each.name}: ${formatVnd(threshold)}`];
          })
          .join('\n');
      }
      if (field === 'missing') return name && !zone ? renderTemplate(texts.no_shipping_zone, (root) => (root === 'province' ? name : '')) : '';
      if (!zone) return '';
      if (field === 'days') return zone.delivery_days;
      if (field === 'zone') return zone.name;
      if (field === 'free_from') {
        const threshold = freeShippingFrom(shop, zone, context.now);
        return threshold === undefined ? '' : formatVnd(threshold);
      }
      return formatVnd(zone.fee);
    },
    customer: () => context.customer.name ?? (typeof state.slots.name === 'string' ? state.slots.name : 'anh/chị'),
    flow: (field) => {
      const resumable = state.suspended.at(-1);
      if (field === 'doing') {
        // What the customer was doing there, in words: the step's title, or the flow's title.
        const flow = resumable ? flows.flows.get(resumable.flow) : undefined;
        const title = flow?.steps[resumable!.step]?.title ?? Object.values(flow?.steps ?? {}).find((step) => step.title)?.title ?? flow?.title ?? '';
        return title ? title.charAt(0).toLocaleLowerCase('vi') + title.slice(1) : '';
      }
      return (resumable && flows.flows.get(resumable.flow)?.title) ?? (state.flow ? (flows.flows.get(state.flow)?.title ?? '') : '');
    },
  };

  // "{{payment_method.label}}": the words of the choice the customer made, not its stored value.
  const choiceLabel = (name: string) => {
    const steps = Object.values((state.flow ? flows.flows.get(state.flow)?.steps : undefined) ?? {});
    const chosen = steps.find((step) => step.save === name)?.choices?.find((choice) => choice.value === state.slots[name]);
    return chosen?.label ?? slot(name);
  };

  return (root, field) => {
    if (root in extras) return extras[root]!;
    const group = groups[root];
    if (group) return group(field);
    return field === 'label' ? choiceLabel(root) : slot(root);
  };
}

/** Days written as a shop writes them: runs of three or more as "T2–T7", others listed. */
function dayRanges(days: number[], names: readonly string[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${names[sorted[i]!]}–${names[sorted[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(names[sorted[k]!]!);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The code the customer gave, or the one held back until the cart reaches its minimum order. */
export function promotionCodeOf(slots: ConversationState['slots']): string | null {
  for (const given of [slots.promo_code, slots.promo_held]) if (typeof given === 'string' && given.trim()) return given;
  return null;
}
