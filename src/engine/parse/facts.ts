import type { ShopFile } from '../../flows/schema';
import { toWordForms } from '../nlu/words';
import { readContact, type Contact } from './contact';
import { catalogIndex, readOrderLines, type CatalogIndex, type OrderLinesFact } from './order-lines';
import { readOrderCode } from './order-code';
import { readPaymentMethod, type PaymentMethod } from './payment-method';
import { readRating, type Rating } from './rating';
import { readReturnProblem, type ReturnProblem } from './return-problem';

/** Everything one message says that some step may need; the engine uses each fact where it fits. */
export interface MessageFacts {
  order: OrderLinesFact;
  contact: Contact;
  payment: PaymentMethod | null;
  orderCode: string | null;
  problem: ReturnProblem | null;
  rating: Rating | null;
}

interface ShopVocabulary {
  catalog: CatalogIndex;
  /** Words that look like order codes but are the shop's promotion codes or product names ("XOAI10", "ST25"). */
  notCodes: string[];
}

/** Compiled once per loaded shop: flows are immutable after loading. */
const vocabularies = new WeakMap<ShopFile, ShopVocabulary>();

function vocabularyOf(shop: ShopFile): ShopVocabulary {
  let vocabulary = vocabularies.get(shop);
  if (!vocabulary) {
    const names = shop.catalog.flatMap((product) => [product.name, ...product.aliases]);
    vocabulary = { catalog: catalogIndex(shop.catalog), notCodes: [...shop.promotions.map((promotion) => promotion.code), ...names.flatMap((name) => name.split(/\s+/))] };
    vocabularies.set(shop, vocabulary);
  }
  return vocabulary;
}

/** Reads one message for every fact at once: order lines, contact, payment method, order code, problem, rating. */
export function readFacts(text: string, shop: ShopFile): MessageFacts {
  const { catalog, notCodes } = vocabularyOf(shop);
  const contact = readContact(text);
  // "xoai cat 0912345678": a product named beside a phone is no one's name.
  const name = contact.name && !namesProduct(contact.name, catalog) ? contact.name : null;
  // "2 xoai" is a quantity of mangoes, not house number 2 on a street.
  const place = contact.address && !onlyProducts(contact.address, catalog) ? { address: contact.address, province: contact.province } : { address: null, province: null };
  const order = readOrderLines(text, catalog);
  // Two products named at least, or there is no "ordered one, got another" to look for.
  const twoNamed = new Set(order.lines.map((line) => line.productId)).size >= 2;
  return {
    order,
    contact: { ...contact, name, ...place },
    payment: readPaymentMethod(text),
    orderCode: readOrderCode(text, notCodes),
    problem: readReturnProblem(text) ?? (twoNamed && gotOtherThanOrdered(text, catalog) ? 'wrong_item' : null),
    rating: readRating(text, shop.texts.satisfaction_labels),
  };
}

/** Verbs of ordering, and of what came: "đặt khoai lang sấy mà shop giao toàn mít sấy". */
const ORDERED = new Set(['dat', 'mua', 'order', 'oder']);
const CAME = new Set(['giao', 'gui', 'ship', 'nhan', 'toi', 'den', 've']);
const BUT = new Set(['ma', 'nhung', 'lai']);

/**
 * "e dat khoai lang say ma shop giao toan mit say": one product ordered and another that came,
 * with no word of mistake in it, is a wrong item all the same.
 */
function gotOtherThanOrdered(text: string, catalog: CatalogIndex): boolean {
  const words = toWordForms(text);
  const [ordered, came] = catalog.mentions.find(words);
  if (!ordered || !came || ordered.id === came.id) return false;
  const before = (mention: { start: number }, from: number, set: ReadonlySet<string>) => words.folded.slice(from, mention.start).some((word) => set.has(word));
  const but = words.folded.slice(ordered.end, came.start).findIndex((word) => BUT.has(word));
  return before(ordered, 0, ORDERED) && but !== -1 && before(came, ordered.end + but, CAME);
}

function namesProduct(text: string, catalog: CatalogIndex): boolean {
  return catalog.mentions.find(toWordForms(text)).length > 0;
}

/** Nothing but product names and numbers. */
function onlyProducts(text: string, catalog: CatalogIndex): boolean {
  const words = toWordForms(text);
  const named = new Set(catalog.mentions.find(words).flatMap((mention) => Array.from({ length: mention.end - mention.start }, (_, k) => mention.start + k)));
  return words.folded.every((word, i) => named.has(i) || /^\d/.test(word));
}
