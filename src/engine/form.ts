import type { Condition, Flow, ShopFlows, Step } from '../flows/schema';
import { sameFamily } from './catalog';
import type { Facts } from './facts';
import { expandShorthand } from './nlu/shorthand';
import { toWords } from './nlu/words';
import { choicesStatedIn } from './questions/choice';
import { amountIn } from './parse/order-lines';
import type { SlotValue } from './types';

/** Slots one message filled, and products with quantities beyond the first (for the cart). */
export interface FormFill {
  slots: Record<string, SlotValue>;
  /** Other products named with the first; a null quantity is asked once they are in the cart ("1 ký mít sấy" of a product sold by the bag). */
  moreItems: { productId: string; quantity: number | null }[];
}

/**
 * Reads a message as a form: every fact it states fills the slot the flow will ask for, so
 * what the customer already said is never asked. Facts are matched to questions by their
 * kind (a phone number to the phone question). Products with their quantities always count (a
 * new line for the cart); an order code named now replaces one looked at before; other facts
 * only fill slots not yet filled.
 */
export function fillForm(flows: ShopFlows, flow: Flow, facts: Facts, text: string, slots: Readonly<Record<string, SlotValue>>): FormFill {
  const asked = new Map<string, Step>();
  for (const step of Object.values(flow.steps)) if (step.ask && step.save && !asked.has(step.save)) asked.set(step.save, step);
  const fill: FormFill = { slots: {}, moreItems: [] };
  const slotsAsking = (kind: Step['ask']) => [...asked].filter(([, step]) => step.ask === kind).map(([slot]) => slot);
  const open = (slot: string) => slots[slot] === undefined;

  const productSlot = slotsAsking('product')[0];
  const quantitySlot = slotsAsking('quantity')[0];
  if (productSlot) {
    const items = facts.items.flatMap((item) => (item.quantity === null ? [] : [{ productId: item.productId, quantity: item.quantity }]));
    // "nửa ký cà phê" may be either coffee, first in the line or later ("2 ký xoài với nửa ký cà phê"):
    // that item waits for the product question, which asks which, and keeps its quantity; the others go to the cart.
    const unsure = items.find((item) => sameFamily(flows.shop, text, item.productId).length > 0);
    const first = unsure ?? items[0];
    if (first && quantitySlot) {
      if (!unsure) fill.slots[productSlot] = first.productId;
      fill.slots[quantitySlot] = { amount: first.quantity, unit: unitOf(flows, first.productId) };
      const unsaid = facts.items.filter((item) => item.quantity === null && !items.some((other) => other.productId === item.productId));
      fill.moreItems = [...items.filter((item) => item !== first), ...unsaid.map((item) => ({ productId: item.productId, quantity: null }))];
    } else if (facts.items[0] && open(productSlot) && sameFamily(flows.shop, text, facts.items[0].productId).length === 0) {
      fill.slots[productSlot] = facts.items[0].productId;
    } else if (facts.items.length === 0 && facts.quantity && quantitySlot && open(quantitySlot) && typeof slots[productSlot] === 'string') {
      // "ok lấy 1 chai" about the product just talked about: the quantity is of that product.
      const product = flows.shop.catalog.find((item) => item.id === slots[productSlot]);
      const amount = product ? amountIn(facts.quantity, product) : null;
      if (product && amount !== null) fill.slots[quantitySlot] = { amount, unit: product.unit };
    }
  }
  const byKind: [Step['ask'], SlotValue | null][] = [
    ['phone', facts.phone],
    ['address', facts.address],
    ['province', facts.province],
  ];
  for (const [kind, value] of byKind) for (const slot of slotsAsking(kind)) if (value !== null && (open(slot) || (kind === 'address' && placeOnly(slots[slot])))) fill.slots[slot] = value;
  // A code named now is the order meant, whatever was looked at before.
  if (facts.orderCode) for (const slot of slotsAsking('order_code')) fill.slots[slot] = facts.orderCode;
  const padded = ` ${plainWords(text)} `;
  for (const step of Object.values(flow.steps)) {
    if (!step.ask || !step.save || !(open(step.save) || step.always)) continue;
    if (!(step.declined_by ?? []).some((phrase) => padded.includes(` ${plainWords(phrase)} `))) continue;
    if (step.ask === 'yes_no') fill.slots[step.save] = false;
    // Answered "none": kept empty, so the question is not asked and nothing is applied.
    else if (step.optional) fill.slots[step.save] = '';
  }
  if (facts.promoCode && asked.has('promo_code') && open('promo_code')) fill.slots.promo_code = facts.promoCode;
  if (facts.name && ['text', 'name'].includes(asked.get('name')?.ask ?? '') && open('name')) fill.slots.name = facts.name;
  // A choice named anywhere by one of its aliases: "ship cod nha", "ck nhé", "bị dập".
  for (const [slot, value] of Object.entries(choicesStatedIn(flow, text))) if (open(slot)) fill.slots[slot] = value;
  // What went wrong, read from the whole complaint ("đặt khoai lang mà giao toàn mít sấy"), where no alias names it;
  // also for a flow that only branches on it (the order lookup answers "trễ quá rồi" with an apology).
  if (facts.problem && open('problem') && fill.slots.problem === undefined) {
    const problemStep = asked.get('problem');
    const fits = problemStep ? problemStep.ask === 'choice' && problemStep.choices?.some((option) => option.value === facts.problem) : testsSlot(flow, 'problem');
    if (fits) fill.slots.problem = facts.problem;
  }
  return fill;
}

/** Whether a branch of the flow tests this slot. */
function testsSlot(flow: Flow, slot: string): boolean {
  const tests = (condition: Condition): boolean => ('all' in condition ? condition.all.some(tests) : 'any' in condition ? condition.any.some(tests) : condition.slot === slot);
  return Object.values(flow.steps).some((step) => (step.branch ?? []).some((branch) => tests(branch.if)));
}

/** Folded words with shorthand spelled out ("ko" → "khong"), so phrases compare as meant. */
function plainWords(text: string): string {
  return expandShorthand(toWords(text)).join(' ');
}

function unitOf(flows: ShopFlows, productId: string): string | null {
  return flows.shop.catalog.find((candidate) => candidate.id === productId)?.unit ?? null;
}

/** "giao về cần thơ": an address held that names only a place, no house or lot number; the street and number said later replace it. */
function placeOnly(address: SlotValue | undefined): boolean {
  return typeof address === 'string' && address !== '' && !/\d/.test(address);
}
