import type { ShopFile } from '../flows/schema';
import { amountIn, readFacts } from './parse';
import type { Quantity } from './parse/quantity';
import { withoutToneMarks } from '../text/fold';

/** A product named in a message, with the quantity said next to it in the product's unit (if any). */
export interface NamedItem {
  productId: string;
  quantity: number | null;
}

/** Everything one message says that a flow may need, whichever question was asked. */
export interface Facts {
  items: NamedItem[];
  /** Products taken out ("bỏ bưởi ra"). */
  removed: string[];
  /** Amounts taken off a product's line ("bớt 1 ký sầu riêng"). */
  reduced: NamedItem[];
  /** The customer corrects what came before ("à nhầm", "… thôi"): quantities replace, not add. */
  correction: boolean;
  /** A quantity said with no product ("à nhầm, 3 ký thôi"). */
  quantity: Quantity | null;
  phone: string | null;
  /** A name given with a phone number or an address. */
  name: string | null;
  address: string | null;
  province: string | null;
  orderCode: string | null;
  /** One of the shop's promotion codes, written whole or with a space ("xoai10", "xoai 10"). */
  promoCode: string | null;
  /** What went wrong with an order, as the returns flow's choices name it. */
  problem: string | null;
  rating: number | null;
}

/** A message and its clauses: enough that reading a clause does not push the whole message out. */
const RECENT_TEXTS = 16;

/** Reads the facts of one message; one function, so the readers behind it can change. */
export type FactReader = (text: string) => Facts;

export function createFactReader(shop: ShopFile): FactReader {
  // One per turn: the turn asks about its message several times (the form, the cart, the question
  // kind), and about its clauses in between; each text is read once.
  const recent = new Map<string, Facts>();
  return (written) => {
    const known = recent.get(written);
    if (known) return known;
    const facts = frozen(readOnce(written));
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    recent.set(written, facts);
    return facts;
  };

  function readOnce(written: string): Facts {
    // "xoai 10" next to a promotion code XOAI10 is the code, not ten kilos of mangoes.
    const text = withoutPromotionCodes(written, shop);
    const facts = readFacts(text, shop);
    const lines = facts.order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    // "sầu riêng còn không, lấy 3 ký": the one product named takes the quantity said apart from it.
    const loose = facts.order.looseQuantity;
    let quantity = loose;
    if (loose && lines.length === 1 && lines[0]!.quantity === null) {
      lines[0]!.quantity = amountIn(loose, shop.catalog.find((product) => product.id === lines[0]!.productId));
      quantity = null;
    }
    return {
      items: lines,
      removed: facts.order.removed,
      reduced: facts.order.reduced.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      correction: facts.order.correction,
      quantity,
      phone: facts.contact.phone,
      name: facts.contact.name,
      address: facts.contact.address,
      province: facts.contact.province,
      orderCode: facts.orderCode,
      promoCode: promotionCodeIn(shop, written),
      problem: facts.problem,
      rating: facts.rating,
    };
  }
}

/** The facts handed out again to later callers: none of them may change what another reads. */
function frozen(facts: Facts): Facts {
  for (const item of facts.items) Object.freeze(item);
  Object.freeze(facts.items);
  Object.freeze(facts.removed);
  for (const item of facts.reduced) Object.freeze(item);
  Object.freeze(facts.reduced);
  return Object.freeze(facts);
}

function promotionCodeIn(shop: ShopFile, text: string): string | null {
  const tokens = withoutToneMarks(text.toUpperCase()).split(/[^A-Z0-9]+/).filter(Boolean);
  for (const promotion of shop.promotions) {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] === promotion.code || tokens[i]! + (tokens[i + 1] ?? '') === promotion.code) return promotion.code;
    }
  }
  return null;
}

/** Words customers put before a promotion code ("mã KHACHMOI", "mã giảm giá XOAI10", "code FREESHIP"), without marks. */
const CODE_LABEL_WORDS: ReadonlySet<string> = new Set(['MA', 'CODE', 'MGG', 'VOUCHER', 'COUPON', 'GIAM', 'GIA', 'KM']);

function withoutPromotionCodes(text: string, shop: ShopFile): string {
  const tokens = text.split(/(\s+)/);
  const bare = (token: string) => withoutToneMarks(token).replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  // The code goes, the punctuation around it stays: "mã xoai10, Lê Hồng Phúc" keeps the name apart.
  const blank = (token: string) => token.replace(/[\p{L}\p{M}\p{N}]+/gu, ' ');
  // So do the words that announce it, or "mã" is left alone between commas and read as a name.
  const blankLabelBefore = (i: number) => {
    for (let at = i - 2; at >= 0 && i - at <= 6 && CODE_LABEL_WORDS.has(bare(tokens[at]!)); at -= 2) tokens[at] = blank(tokens[at]!);
  };
  for (const promotion of shop.promotions) {
    for (let i = 0; i < tokens.length; i += 2) {
      if (bare(tokens[i]!) === promotion.code) {
        tokens[i] = blank(tokens[i]!);
        blankLabelBefore(i);
      } else if (bare(tokens[i]!) + bare(tokens[i + 2] ?? '') === promotion.code && bare(tokens[i]!) !== '') {
        tokens[i] = blank(tokens[i]!);
        tokens[i + 2] = blank(tokens[i + 2]!);
        blankLabelBefore(i);
      }
    }
  }
  return tokens.join('');
}

