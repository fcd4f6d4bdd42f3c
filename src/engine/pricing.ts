import type { Product, Promotion, ShopFile } from '../flows/schema';
import { foldKey } from '../text/fold';
import { localDate } from './local-date';
import type { CartItem, OrderLine, Quote } from './types';

export interface QuoteRequest {
  cart: readonly CartItem[];
  /** The customer's current province name, if known. */
  province: string | null;
  promoCode: string | null;
  now: Date;
}

/** Prices an order from the catalog: lines, zone shipping, thresholds, promotions, total. */
export function quoteOrder(shop: ShopFile, request: QuoteRequest): Quote {
  const lines = request.cart.flatMap((item): OrderLine[] => {
    const product = shop.catalog.find((candidate) => candidate.id === item.productId);
    if (!product) return [];
    return [
      {
        productId: product.id,
        name: product.name,
        quantity: item.quantity,
        unit: product.unit,
        unitPrice: product.price,
        amount: Math.round(product.price * item.quantity),
      },
    ];
  });
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const zone = request.province ? zoneOf(shop, request.province) : undefined;
  const baseShippingFee = zone?.fee ?? 0;
  const today = localDate(request.now, shop.shop.timezone);

  const eligible = shop.promotions.filter(
    (promotion) => (promotion.automatic || promotion.code === request.promoCode) && promotionApplies(promotion, lines, subtotal, today),
  );
  // Money-off promotions don't stack: the customer gets the best one. Free shipping adds on.
  const moneyOff = eligible
    .filter((promotion) => promotion.type !== 'free_shipping')
    .map((promotion) => ({ promotion, amount: discountOf(promotion, lines) }))
    .sort((a, b) => b.amount - a.amount)[0];
  const discounts = moneyOff && moneyOff.amount > 0 ? [{ code: moneyOff.promotion.code, title: moneyOff.promotion.title, amount: moneyOff.amount }] : [];
  const freeShippingPromotion = eligible.find((promotion) => promotion.type === 'free_shipping');
  const threshold = zone?.free_from ?? shop.shipping.free_from;
  let freeShippingReason: string | null = null;
  if (zone && baseShippingFee > 0) {
    if (threshold !== undefined && subtotal >= threshold) freeShippingReason = 'threshold';
    else if (freeShippingPromotion) freeShippingReason = freeShippingPromotion.code;
  }
  const shippingFee = freeShippingReason ? 0 : baseShippingFee;
  const discountTotal = discounts.reduce((sum, discount) => sum + discount.amount, 0);
  return {
    lines,
    subtotal,
    shippingFee,
    baseShippingFee,
    zoneId: zone?.id ?? null,
    deliveryDays: zone?.delivery_days ?? null,
    discounts,
    discountTotal,
    freeShippingReason,
    total: Math.max(0, subtotal - discountTotal) + shippingFee,
  };
}

/** The goods' total from which delivery to a zone is free today: the zone's own threshold, or a lower one of an automatic free-shipping promotion running now. */
export function freeShippingFrom(shop: ShopFile, zone: ReturnType<typeof zoneOf>, now: Date): number | undefined {
  const thresholds = shop.promotions
    .filter((promotion) => promotion.type === 'free_shipping' && promotion.automatic && !promotion.products && isPromotionActive(promotion, now, shop.shop.timezone))
    .map((promotion) => promotion.min_order ?? 0);
  const own = zone?.free_from ?? shop.shipping.free_from;
  if (own !== undefined) thresholds.push(own);
  return thresholds.length > 0 ? Math.min(...thresholds) : undefined;
}

export function zoneOf(shop: ShopFile, province: string) {
  const key = foldKey(province);
  return shop.shipping.zones.find((zone) => zone.provinces.some((name) => foldKey(name) === key));
}

/** Why a code cannot be used today for these lines, or null when it can. */
export function promotionProblem(shop: ShopFile, code: string, cart: readonly CartItem[], now: Date): 'unknown' | 'not_applicable' | null {
  const promotion = shop.promotions.find((candidate) => candidate.code === code);
  const today = localDate(now, shop.shop.timezone);
  if (!promotion || today < promotion.valid_from || today > promotion.valid_until) return 'unknown';
  if (cart.length === 0) return null;
  const quote = quoteOrder(shop, { cart, province: null, promoCode: code, now });
  return promotionApplies(promotion, quote.lines, quote.subtotal, today) ? null : 'not_applicable';
}

export function isPromotionActive(promotion: Promotion, now: Date, timezone: string): boolean {
  const today = localDate(now, timezone);
  return today >= promotion.valid_from && today <= promotion.valid_until;
}

function promotionApplies(promotion: Promotion, lines: readonly OrderLine[], subtotal: number, today: string): boolean {
  if (today < promotion.valid_from || today > promotion.valid_until) return false;
  if (promotion.min_order !== undefined && subtotal < promotion.min_order) return false;
  if (promotion.products && !lines.some((line) => promotion.products!.includes(line.productId))) return false;
  return true;
}

function discountOf(promotion: Promotion, lines: readonly OrderLine[]): number {
  const base = lines
    .filter((line) => !promotion.products || promotion.products.includes(line.productId))
    .reduce((sum, line) => sum + line.amount, 0);
  const raw = promotion.type === 'percent_off' ? Math.round((base * (promotion.value ?? 0)) / 100) : Math.min(base, promotion.value ?? 0);
  return promotion.max_discount !== undefined ? Math.min(raw, promotion.max_discount) : raw;
}

export function isInSeason(product: Product, now: Date, timezone: string): boolean {
  if (!product.season) return true;
  const month = Number(localDate(now, timezone).slice(5, 7));
  const { from, to } = product.season;
  return from <= to ? month >= from && month <= to : month >= from || month <= to;
}
