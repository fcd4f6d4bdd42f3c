import type { ShopFile } from '../flows/schema';
import { MentionIndex } from './nlu/mentions';
import { toWordForms } from './nlu/words';
import { parseAddress } from './parse/address';
import { parsePhone } from './parse/phone';
import { parseQuantity, type Quantity } from './parse/quantity';
import { fold } from './text/fold';

/** A product named in a message, with the quantity said next to it (if any). */
export interface NamedItem {
  productId: string;
  quantity: Quantity | null;
}

/** Everything one message says that a flow may need, whichever question was asked. */
export interface Facts {
  items: NamedItem[];
  /** A quantity said with no product ("à nhầm, 3 ký thôi"). */
  quantity: Quantity | null;
  phone: string | null;
  /** A name given with a phone number ("Lan 0912 345 678 …"). */
  name: string | null;
  address: string | null;
  orderCode: string | null;
}

/** Reads the facts of one message; swappable, so better extractors plug in here. */
export type FactReader = (text: string) => Facts;

const PHONE_LIKE = /(?:\+?84|0)(?:[\s.-]?\d){8,10}/;
const ORDER_CODE = /\b([a-z]{1,4})-?(\d{2,6})\b/gi;
/** Letters before a number that make it part of an address ("Q10", "P12"), not an order code. */
const ADDRESS_PREFIXES = new Set(['q', 'p', 'f', 'kp', 'to', 'so', 'ap', 'hem', 'ngo']);
/** Words that introduce a name rather than being one. */
const NAME_LEADS = /^(?:ten|nguoi nhan|nhan|giao cho|gui cho|cho|la)\s+/;

export function createFactReader(shop: ShopFile): FactReader {
  const products = new MentionIndex(shop.catalog.flatMap((product) => [product.name, ...product.aliases].map((name) => ({ id: product.id, name }))));
  const productWords = new Set(shop.catalog.flatMap((product) => [product.name, ...product.aliases]).map((name) => fold(name).replace(/\s+/g, '')));

  return (text) => {
    const phoneMatch = PHONE_LIKE.exec(text);
    const phone = phoneMatch ? parsePhone(phoneMatch[0]) : null;
    const before = phoneMatch ? text.slice(0, phoneMatch.index) : text;
    const after = phoneMatch ? text.slice(phoneMatch.index + phoneMatch[0].length) : '';
    const rest = phone?.ok ? `${before} ${after}` : text;
    return {
      items: itemsOf(rest, products),
      quantity: products.find(toWordForms(rest)).length === 0 ? parseQuantity(rest) : null,
      phone: phone?.ok ? phone.phone : null,
      name: phone?.ok ? nameOf(before) : null,
      address: phone?.ok ? addressOf(after) : null,
      orderCode: orderCodeOf(phone?.ok ? rest : text, productWords),
    };
  };
}

/**
 * Products in the order named, each with the quantity beside it. Customers put the quantity
 * before the product ("2 ký bưởi với nửa ký cà phê") or after it ("bưởi 2kg, xoài 3kg"); the
 * first product decides which.
 */
function itemsOf(text: string, products: MentionIndex): NamedItem[] {
  const words = toWordForms(text);
  const mentions = products.find(words);
  if (mentions.length === 0) return [];
  const span = (from: number, to: number) => (to > from ? parseQuantity(words.marked.slice(from, to).join(' ')) : null);
  const quantityBefore = mentions.map((mention, i) => span(i === 0 ? Math.max(0, mention.start - 4) : mentions[i - 1]!.end, mention.start));
  const quantityAfter = mentions.map((mention, i) => span(mention.end, i + 1 < mentions.length ? mentions[i + 1]!.start : words.marked.length));
  const before = quantityBefore[0] !== null || quantityAfter[0] === null;
  const seen = new Set<string>();
  return mentions.flatMap((mention, i) => {
    if (seen.has(mention.id)) return [];
    seen.add(mention.id);
    return [{ productId: mention.id, quantity: (before ? quantityBefore[i] : quantityAfter[i]) ?? null }];
  });
}

function nameOf(before: string): string | null {
  const cleaned = before.replace(/[,;:\-–|/]+/g, ' ').trim();
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || /\d/.test(cleaned)) return null;
  const folded = fold(cleaned);
  const lead = NAME_LEADS.exec(folded);
  const name = lead ? cleaned.split(/\s+/).slice(lead[0].trim().split(/\s+/).length).join(' ') : cleaned;
  return name || null;
}

function addressOf(after: string): string | null {
  const cleaned = after.replace(/^[\s,;:\-–|/]+/, '').trim();
  const address = parseAddress(cleaned);
  return address && (/\d/.test(cleaned) || address.province !== null) ? address.text : null;
}

function orderCodeOf(text: string, productWords: ReadonlySet<string>): string | null {
  for (const match of text.matchAll(ORDER_CODE)) {
    const letters = fold(match[1]!);
    const code = `${match[1]}${match[2]}`;
    if (ADDRESS_PREFIXES.has(letters) || productWords.has(fold(code))) continue;
    return code.toUpperCase();
  }
  return null;
}
