import { JOURNEY_STAGES, type Flow, type ShopFlows, type Step } from '../flows/schema';
import { menuButtons, stepButtons } from './buttons';
import { decodeTap, type Tap } from './codec';
import { conditionHolds } from './conditions';
import { createFactReader, type FactReader } from './facts';
import { fillForm } from './form';
import { answerLeadingTo, followingStep, runsAction } from './step-paths';
import { sameFamily } from './catalog';
import { isInSeason } from './pricing';
import { cartRefusal } from './orders';
import { nextOpening } from './hours';
import { amountIn } from './parse/order-lines';
import { runAction } from './actions';
import type { IntentMatcher, Understanding } from './nlu/intent';
import { questionOf, type Asking } from './questions';
import { isShort, looksLikeQuestion, NEGATING_WORDS } from './questions/kind';
import { choicesNamedIn, choicesStatedIn } from './questions/choice';
import { parseYesNo } from './nlu/answers';
import { isOnItsWay, knownOrderCode } from './questions/order-code';
import { ratingButtons } from './questions/rating';
import { foldKey } from '../text/fold';
import { renderTemplate } from './template';
import type { Button, ConversationState, EngineEvent, Effect, Inbound, Outbound, Outcome, SlotValue, TurnContext, TurnResult } from './types';
import { initialState } from './types';
import { variablesFor } from './view';
import { provinceById } from '../vietnam/provinces';
import { findProvince } from './parse/province';
import { commentBeside, readStars, type Rating } from './parse/rating';
import { WAITING } from './waiting';
import type { Topic, TurnMoves } from './waiting/moves';

/** Steps one turn may pass through before the engine decides a flow loops forever. */
const MAX_STEPS_PER_TURN = 50;
/** Wrong answers in a row before a person is offered. */
const RETRIES_BEFORE_HUMAN = 3;
const FALLBACKS_BEFORE_HUMAN = 3;
/** A question for free text only gives way to another topic when the match is this sure. */
const FREE_TEXT_SWITCH_MARGIN = 0.25;

/** "đổi qua", "đổi X thành Y", "thay X bằng Y", "chuyển qua": one product instead of another. */
const SWAP = /\b(doi (.+ )?(qua|sang|thanh)|thay (.+ )?(bang|vao|cho)|chuyen (qua|sang)|lay .+ thay cho)\b/;
/**
 * "giá xoài bao nhiêu 1kg", "1 túi khoai bao nhiêu tiền": a question about products, even with an
 * amount, orders nothing; "còn sầu riêng không, lấy 3 ký" does (a word of ordering), and so does
 * "4 túi khoai với 3 túi mít hết bao nhiêu" (what these come to is asked of the order they make).
 */
function asksWithoutOrdering(text: string, words: readonly string[]): boolean {
  const asksTotal = words.some((word) => TOTAL_WORDS.has(word)) && words.some((word) => word === 'bn' || word === 'nhieu');
  return looksLikeQuestion(text, words) && !asksTotal && !words.some((word) => ORDER_WORDS.has(word));
}

/** Words of asking for someone: "gặp chủ vườn", "nói chuyện với người thật". */
const PERSON_WORDS = ['gap', 'noi chuyen', 'nguoi that', 'chu shop', 'chu vuon', 'admin', 'nhan vien'];
/** A clause read alone must be this much surer than a whole message: it is said with other things. */
const CLAUSE_MARGIN = 0.2;
/** The flow that greets and shows the menu. */
const GREETING_FLOW = 'greeting';
/** "như lần trước", "như đơn cũ", "giống lần trước": the customer's last order again. */
const LIKE_LAST_TIME = / (?:nhu|giong) (?:lan|don|dot) (?:truoc|cu|roi) /;
/** "hết", "tổng", "tính" before "bao nhiêu": the total of what the message lists is asked. */
const TOTAL_WORDS = new Set(['het', 'tong', 'tinh', 'tat']);
/** Words that make a message with quantities an order even when it also asks something. */
const ORDER_WORDS = new Set(['lay', 'dat', 'mua', 'chot', 'order', 'len', 'gui', 'ship', 'giao']);

const triggerTables = new WeakMap<ShopFlows, Map<string, { flow: string; step: string | null }>>();

/** Every trigger without placeholders, by its folded words; built once per loaded flows. */
function exactTriggers(flows: ShopFlows): Map<string, { flow: string; step: string | null }> {
  let table = triggerTables.get(flows);
  if (!table) {
    table = new Map();
    for (const flow of flows.flows.values()) {
      for (const trigger of flow.triggers) {
        const text = typeof trigger === 'string' ? trigger : trigger.text;
        const key = foldKey(text);
        if (key && !text.includes('{') && !table.has(key)) table.set(key, { flow: flow.id, step: typeof trigger === 'string' ? null : trigger.step });
      }
    }
    triggerTables.set(flows, table);
  }
  return table;
}

/** The question for an order code that leads to looking the order up. */
function lookupEntry(flows: ShopFlows): { flow: string; step: string } | null {
  for (const flow of flows.flows.values()) {
    for (const [id, step] of Object.entries(flow.steps)) {
      const then = followingStep(flow, id);
      if (step.ask === 'order_code' && then && flow.steps[then]?.action === 'lookup_order') return { flow: flow.id, step: id };
    }
  }
  return null;
}

/** What the customer may ask about goods the shop does not carry: whether it sells them, their price, to buy them. */
const GOODS_INTENTS: ReadonlySet<string> = new Set(['out_of_scope', 'product_info', 'catalog', 'order']);

function placesOrders(flow: Flow): boolean {
  return runsAction(flow, 'create_order');
}

export type Via = 'trigger' | 'button' | 'goto' | 'resume' | 'menu' | 'scheduled';


/**
 * One inbound event applied to one conversation: mutable while it runs, returned whole.
 * What a reply means depends on what the conversation waits for; each waiting state has its
 * handler in `waiting/`, each kind of question its entry in `questions/`.
 */
export class Turn implements TurnMoves {
  readonly state: ConversationState;
  private readonly replies: Outbound[] = [];
  private readonly events: EngineEvent[] = [];
  private readonly effects: Effect[] = [];
  private stepsThisTurn = 0;
  /** Slots this message filled: asked for again only when the customer said them now. */
  private readonly fresh = new Set<string>();
  /** Slots the understanding of this message set (the product it names): not an old answer. */
  private readonly understood = new Set<string>();
  /** The customer's words this turn, read as a form by every flow started. */
  private text = '';

  constructor(
    readonly flows: ShopFlows,
    readonly matcher: IntentMatcher,
    state: ConversationState,
    readonly context: TurnContext,
    readonly facts: FactReader = createFactReader(flows.shop),
  ) {
    this.state = state.ended ? initialState() : structuredClone(state);
  }

  result(): TurnResult {
    return { state: this.state, replies: this.replies, events: this.events, effects: this.effects };
  }

  handle(inbound: Inbound): void {
    if (inbound.kind === 'handback') return this.handBack();
    this.text = inbound.kind === 'text' ? inbound.text.trim() : inbound.kind === 'photo' ? (inbound.caption ?? '').trim() : '';
    if (this.state.mode === 'human') return this.whileWithPerson();
    if (inbound.kind === 'scheduled') return this.onScheduled(inbound);
    if (inbound.kind === 'text' && this.isWholeWord(inbound.text, this.flows.shop.after_sale.stop_words)) return this.optOut();
    const tap = inbound.kind === 'button' ? decodeTap(inbound.value) : this.typedTap(inbound);
    if (tap) return this.onTap(tap);
    if (inbound.kind === 'button') return this.repeatPrompt();
    WAITING[this.state.waiting.kind](this, inbound);
  }

  /** Closes a conversation nobody wrote to for too long. */
  closeIdle(): void {
    // A check-in the customer answered is a completed touchpoint too.
    const answered = this.state.satisfaction.asked || this.state.lastOrder || this.state.slots.product_score !== undefined;
    this.endConversation(this.state.mode === 'human' ? 'handed_over' : answered ? 'completed' : 'abandoned');
  }

  // ── Outside the flows ─────────────────────────────────────────────────────

  /** A message the shop scheduled: its flow starts with the slots (and cart) it carries. */
  private onScheduled(inbound: Extract<Inbound, { kind: 'scheduled' }>): void {
    if (!this.flows.flows.has(inbound.flow)) return;
    Object.assign(this.state.slots, inbound.slots);
    if (inbound.cart) this.state.cart = inbound.cart.map((item) => ({ ...item }));
    this.state.suspended = [];
    this.events.push({ type: 'scheduled_message', flow: inbound.flow, message: inbound.message });
    this.startFlow(inbound.flow, 'scheduled');
  }

  /** The whole message is one of `words`, written with its tone marks, so "đúng" is not "dừng". */
  private isWholeWord(text: string, words: readonly string[]): boolean {
    const key = (value: string) => value.normalize('NFC').toLowerCase().trim().replace(/[.!?\s]+$/u, '');
    const typed = key(text);
    return typed !== '' && words.some((word) => key(word) === typed);
  }

  private optOut(): void {
    this.events.push({ type: 'opted_out' });
    this.effects.push({ type: 'opt_out' });
    this.state.waiting = { kind: 'none' };
    this.state.buttons = [];
    this.state.flow = null;
    this.state.step = null;
    this.say(this.flows.shop.after_sale.texts.opted_out);
  }

  /** A person has the conversation: the bot stays quiet unless the customer asks for it back. */
  private whileWithPerson(): void {
    if (!this.isWholeWord(this.text, this.flows.shop.back_to_bot_words)) {
      // "alo có ai không": told honestly when the shop will answer; other messages go to the person quietly.
      const best = this.understand(this.text)?.best as { intent?: string; flow: string | null } | null | undefined;
      const calling = best && (best.intent === 'greeting' || best.intent === 'human' || best.flow === GREETING_FLOW || best.flow === 'human');
      if (!calling) return;
      const opening = nextOpening(this.flows.shop, this.context.now);
      const texts = this.flows.shop.texts.human_wait;
      return this.say(opening.openNow ? texts.open : texts.closed, { opens: `${opening.time} ${opening.day}` });
    }
    this.state.mode = 'bot';
    this.state.suspended = [];
    this.startFlow(this.flows.flows.has(GREETING_FLOW) ? GREETING_FLOW : (this.flows.shop.menu[0]?.flow ?? ''), 'menu');
  }

  private handBack(): void {
    this.state.mode = 'bot';
    if (this.shouldAskSatisfaction(true)) return this.askSatisfaction('human');
    this.showMenu();
  }

  // ── Taps ──────────────────────────────────────────────────────────────────

  /**
   * A typed label of a button shown counts as its tap; so does a typed number, except where
   * the question reads numbers itself (a rating's stars, a choice's position).
   */
  private typedTap(inbound: Inbound): Tap | null {
    if (inbound.kind !== 'text' || this.state.buttons.length === 0) return null;
    const text = inbound.text.trim();
    const waiting = this.state.waiting;
    // Stars, amounts and numbers are typed as themselves; elsewhere "2" is the second button (Zalo numbers them).
    const asked = waiting.kind === 'ask' ? this.stepOf(waiting.flow, waiting.step) : undefined;
    const readsNumbers = waiting.kind === 'satisfaction' || (asked !== undefined && questionOf(asked)?.readsNumbers === true);
    let value: string | undefined;
    if (/^\d{1,2}$/.test(text)) value = readsNumbers ? undefined : this.state.buttons[Number(text) - 1]?.value;
    else {
      const key = foldKey(text);
      value = key ? this.state.buttons.find((button) => foldKey(button.label) === key)?.value : undefined;
      if (!value && waiting.kind === 'buttons') return this.stepButtonSaidIn(text);
    }
    return value ? decodeTap(value) : null;
  }

  /**
   * "cho mình giảm giá đơn sau đi" under a button "🎁 Giảm giá đơn sau": a message that says
   * the whole label (two words or more) of the one button leading on within this flow taps it,
   * unless it asks about it. Buttons that start other flows are left to the understanding,
   * which also keeps what else the message said.
   */
  private stepButtonSaidIn(text: string): Tap | null {
    if (looksLikeQuestion(text)) return null;
    const said = ` ${foldKey(text)} `;
    const taps = this.state.buttons.flatMap((button) => {
      const label = foldKey(button.label);
      const tap = decodeTap(button.value);
      const withinFlow = tap?.kind === 'go' && !tap.target.startsWith('flow:');
      return withinFlow && label.includes(' ') && said.includes(` ${label} `) ? [tap] : [];
    });
    return taps.length === 1 ? taps[0]! : null;
  }

  private onTap(tap: Tap): void {
    const waiting = this.state.waiting;
    switch (tap.kind) {
      case 'flow':
        if (this.flows.flows.has(tap.flow)) {
          this.state.buttons = [];
          return this.startFlow(tap.flow, 'menu');
        }
        break;
      case 'go':
        // A button that starts a flow needs nothing remembered: it works from an old message too (a reminder tapped the next day).
        if (tap.target.startsWith('flow:') && this.flows.flows.has(tap.target.slice('flow:'.length)) && !(waiting.kind === 'buttons' && waiting.flow)) {
          this.state.buttons = [];
          return this.startFlow(tap.target.slice('flow:'.length), 'button');
        }
        if (waiting.kind === 'buttons' && waiting.flow) {
          this.state.buttons = [];
          return this.goto(tap.target);
        }
        break;
      case 'score':
        if (waiting.kind === 'satisfaction') return this.onScore(tap.score);
        break;
      case 'resume':
        if (this.state.suspended.length > 0) return tap.yes ? this.resume() : this.declineResume();
        break;
      case 'skip':
      case 'answer':
        if (waiting.kind === 'ask') return this.onAskTap(tap);
        break;
    }
    // A button from an older message: repeat what is being asked now.
    this.repeatPrompt();
  }

  private onAskTap(tap: Extract<Tap, { kind: 'skip' | 'answer' }>): void {
    const waiting = this.state.waiting;
    if (waiting.kind !== 'ask') return;
    const step = this.stepOf(waiting.flow, waiting.step);
    const kind = step && questionOf(step);
    if (!step || !kind) return this.repeatPrompt();
    if (tap.kind === 'skip') return step.optional ? this.skip(waiting.flow, waiting.step, step) : this.repeatPrompt();
    const value = kind.fromTap(tap.value, this.asking(step));
    if (value === undefined) return this.repeatPrompt();
    this.answer(waiting.flow, waiting.step, step, value);
  }

  // ── Answers ───────────────────────────────────────────────────────────────

  asking(step: Step): Asking {
    return { step, flows: this.flows, matcher: this.matcher, facts: this.facts, state: this.state, context: this.context, said: this.text };
  }

  /** A value for the question asked: checked against the shop's rules, kept, and the flow goes on. */
  answer(flowId: string, stepId: string, step: Step, value: SlotValue, also?: Record<string, SlotValue>): void {
    const kind = questionOf(step);
    const slot = step.save!;
    const refusal = kind?.validate?.(value, this.asking(step));
    if (refusal) return this.retry(flowId, stepId, step, renderTemplate(refusal.text, this.variables({}, refusal.slots)));
    this.state.slots[slot] = kind?.keep ? kind.keep(value, this.asking(step)) : value;
    Object.assign(this.state.slots, also ?? {});
    this.state.retries = 0;
    this.state.fallbacks = 0;
    this.state.buttons = [];
    this.events.push({ type: 'slot_filled', flow: flowId, step: stepId, slot });
    if (step.ask === 'product' && typeof value === 'string') this.mentionSeason(flowId, value);
    this.exitStep(flowId, stepId, step);
  }

  skip(flowId: string, stepId: string, step: Step): void {
    // Answered "none", as a declining phrase is: kept empty, so going back over the flow (a changed address) does not ask it again.
    this.state.slots[step.save!] = '';
    this.events.push({ type: 'slot_filled', flow: flowId, step: stepId, slot: step.save! });
    this.exitStep(flowId, stepId, step);
  }

  /** A product out of season, ordered: said once, with when it comes. */
  private mentionSeason(flowId: string, productId: string): void {
    const product = this.flows.shop.catalog.find((candidate) => candidate.id === productId);
    if (!product || isInSeason(product, this.context.now, this.flows.shop.shop.timezone)) return;
    const ordering = runsAction(this.flows.flows.get(flowId), 'add_to_cart');
    this.say(ordering ? this.flows.shop.texts.preorder_note : this.flows.shop.texts.out_of_season);
  }

  retry(flowId: string, stepId: string, step: Step, text: string): void {
    this.state.retries++;
    this.events.push({ type: 'retry', flow: flowId, step: stepId, slot: step.save ?? '' });
    const buttons = questionOf(step)?.buttons(this.asking(step)) ?? [];
    if (this.state.retries >= RETRIES_BEFORE_HUMAN) {
      this.state.retries = 0;
      this.say(text);
      this.offerHuman(buttons);
      return;
    }
    this.reply({ kind: 'text', text, ...this.askExtras(step) });
  }

  /**
   * The message read as a form for the flow in progress: the facts it states fill the slots
   * the flow will ask for. Products with quantities beyond the first wait for the cart.
   */
  fillFrom(flowId: string): void {
    const flow = this.flows.flows.get(flowId);
    if (!flow || !this.text) return;
    const facts = this.facts(this.text);
    const known = knownOrderCode(this.text, this.context.customer.orders);
    const fill = fillForm(this.flows, flow, known && !facts.orderCode ? { ...facts, orderCode: known } : facts, this.text, this.state.slots);
    for (const [slot, value] of Object.entries(fill.slots)) {
      this.state.slots[slot] = value;
      this.fresh.add(slot);
    }
    if (fill.moreItems.length > 0) this.state.slots.more_lines = fill.moreItems.map((item) => `${item.productId}=${item.quantity}`);
    // The customer's latest word on a choice or a phone given before wins ("thôi cod nha", "sđt mới 09…" at the confirmation).
    const phones = facts.phone === null ? {} : Object.fromEntries(Object.values(flow.steps).flatMap((step) => (step.ask === 'phone' && step.save ? [[step.save, facts.phone!]] : [])));
    for (const [slot, value] of Object.entries({ ...choicesStatedIn(flow, this.text, true), ...phones })) {
      if (this.state.slots[slot] === undefined || this.state.slots[slot] === value) continue;
      this.state.slots[slot] = value;
      this.fresh.add(slot);
    }
  }

  /**
   * Changes to a cart already filled, said at any later question: products taken out ("bỏ
   * bưởi ra"), a product's amount corrected ("bưởi lấy 4 ký", "à nhầm, 3 ký thôi") or added to
   * ("thêm 1kg xoài nữa"), new products with their quantities. Returns whether the cart changed.
   */
  editCart(flowId: string): boolean {
    const flow = this.flows.flows.get(flowId);
    if (!flow || !this.text || this.state.cart.length === 0 || !runsAction(flow, 'add_to_cart')) return false;
    const facts = this.facts(this.text);
    const adding = this.addsToCart();
    if (!adding && SWAP.test(foldKey(this.text)) && this.swapInCart(facts.items)) return true;
    let changed = false;
    const cart = this.state.cart;
    if (facts.removed.length > 0) {
      this.state.cart = cart.filter((item) => !facts.removed.includes(item.productId));
      changed = this.state.cart.length !== cart.length;
    }
    for (const named of facts.reduced) {
      const item = { ...named, productId: this.inCartByFamily(named.productId) };
      const line = this.state.cart.find((candidate) => candidate.productId === item.productId);
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === item.productId);
      if (!line || !product || item.quantity === null) continue;
      const left = line.quantity - item.quantity;
      // Taking off all of it, or more, takes the line out; what is left must still be a quantity the shop sells.
      const refusal = left > 0 ? cartRefusal(this.flows, product, left, this.context.now) : null;
      if (refusal) {
        this.say(refusal, undefined, { product: item.productId });
        continue;
      }
      if (left > 0) line.quantity = left;
      else this.state.cart = this.state.cart.filter((candidate) => candidate !== line);
      changed = true;
    }
    // "1 túi khoai bao nhiêu tiền e?" at a later question asks a price; it adds nothing.
    const asking = asksWithoutOrdering(this.text, foldKey(this.text).split(' '));
    for (const named of asking ? [] : facts.items) {
      if (named.quantity === null) continue;
      const item = { productId: this.inCartByFamily(named.productId), quantity: named.quantity };
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === item.productId);
      const line = this.state.cart.find((candidate) => candidate.productId === item.productId);
      const amount = line && adding ? line.quantity + item.quantity : item.quantity;
      const refusal = product ? cartRefusal(this.flows, product, amount, this.context.now) : null;
      if (!product || refusal) {
        if (refusal) this.say(refusal, undefined, { product: item.productId });
        continue;
      }
      if (line) line.quantity = amount;
      else this.state.cart.push({ productId: item.productId, quantity: amount });
      changed = true;
    }
    // "lấy 1 túi" after the card of a product not in the cart: that product, in its own unit.
    const shown = this.flows.shop.catalog.find((candidate) => candidate.id === this.state.slots.product);
    const inCart = (id: string) => this.state.cart.some((line) => line.productId === id);
    if (!asking && facts.items.length === 0 && facts.quantity && shown && !inCart(shown.id) && /\b(lay|them|mua|dat)\b/.test(foldKey(this.text))) {
      const amount = amountIn(facts.quantity, shown);
      if (amount !== null && !cartRefusal(this.flows, shown, amount, this.context.now)) {
        this.state.cart.push({ productId: shown.id, quantity: amount });
        delete this.state.slots.product;
        this.say(this.flows.shop.texts.cart_updated);
        return true;
      }
    }
    const last = this.state.cart.at(-1);
    // "lấy 5 ký nhé" at the summary of a one-product order: that product's new quantity ("thêm" adds instead).
    const retaken = this.state.cart.length === 1 && !adding && /\blay\b/.test(foldKey(this.text));
    if (facts.items.length === 0 && facts.quantity && (facts.correction || retaken) && last) {
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === last.productId);
      const amount = amountIn(facts.quantity, product);
      if (amount !== null && product && !cartRefusal(this.flows, product, amount, this.context.now)) {
        last.quantity = amount;
        changed = true;
      }
    }
    if (changed) this.say(this.flows.shop.texts.cart_updated);
    return changed;
  }

  /** "lấy như lần trước, mà gạo tăng lên 15 ký": the last order's lines, with the amounts said now. */
  private changeReorderedLines(): void {
    for (const item of this.facts(this.text).items) {
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === item.productId);
      if (item.quantity === null || !product || cartRefusal(this.flows, product, item.quantity, this.context.now)) continue;
      const line = this.state.cart.find((candidate) => candidate.productId === item.productId);
      if (line) line.quantity = item.quantity;
      else this.state.cart.push({ productId: item.productId, quantity: item.quantity });
    }
  }

  /** "bớt nửa ký cà phê" with Arabica in the cart: a product named only by what several share is the one of them in the cart. */
  private inCartByFamily(productId: string): string {
    const family = sameFamily(this.flows.shop, this.text, productId);
    const inCart = family.filter((id) => this.state.cart.some((line) => line.productId === id));
    return inCart.length === 1 ? inCart[0]! : productId;
  }

  /**
   * "lấy thêm 2 ký xoài", "2 ký nữa", "thêm xoài, 2 ký": "thêm" or "nữa" beside a product or an
   * amount adds to the line; "chỉ lấy 3 ký bơ thôi, không thêm gì nữa" adds nothing.
   */
  private addsToCart(): boolean {
    return this.text.split(/[,.;!\n]+/).some((clause) => {
      const words = foldKey(clause).split(' ');
      // "không thêm gì nữa" adds nothing.
      const more = words.some((word, i) => (word === 'them' || word === 'nua') && !NEGATING_WORDS.has(words[i - 1] ?? ''));
      if (!more) return false;
      const facts = this.facts(clause);
      return facts.quantity !== null || facts.items.length > 0;
    });
  }

  /**
   * "thôi đổi qua xoài, vẫn 2kg", "thay sầu riêng bằng bưởi": one new product takes the place of
   * the cart line named, or of the only or last line, keeping its amount unless a new one is said.
   */
  private swapInCart(items: readonly { productId: string; quantity: number | null }[]): boolean {
    const cart = this.state.cart;
    const incoming = items.filter((item) => !cart.some((line) => line.productId === item.productId));
    const named = cart.find((line) => items.some((item) => item.productId === line.productId));
    const replaced = named ?? cart.at(-1);
    if (incoming.length !== 1 || !replaced) return false;
    const product = this.flows.shop.catalog.find((candidate) => candidate.id === incoming[0]!.productId);
    if (!product) return false;
    const amount = incoming[0]!.quantity ?? replaced.quantity;
    const refusal = cartRefusal(this.flows, product, amount, this.context.now);
    if (refusal) {
      this.say(refusal, undefined, { product: product.id });
      return false;
    }
    this.state.cart = cart.map((line) => (line === replaced ? { productId: product.id, quantity: amount } : line));
    this.say(this.flows.shop.texts.cart_updated);
    return true;
  }

  /**
   * "đổi địa chỉ", "sửa lại sđt": which earlier answer of this flow the customer wants to
   * change, by the words naming its question (or the slot "name" for "tên").
   */
  changeRequested(flowId: string): { stepId: string; step: Step } | null {
    const key = ` ${foldKey(this.text)} `;
    if (!/ (doi|sua|thay) /.test(key)) return null;
    const flow = this.flows.flows.get(flowId);
    for (const [stepId, step] of Object.entries(flow?.steps ?? {})) {
      if (!step.ask || !step.save || this.state.slots[step.save] === undefined) continue;
      const names = questionOf(step)?.names ?? (step.save === 'name' ? ['ten', 'nguoi nhan'] : []);
      if (names.some((name) => key.includes(` ${name} `))) return { stepId, step };
    }
    return null;
  }

  /** Forgets an earlier answer and asks its question again; the flow then comes back here. */
  askAgain(flowId: string, change: { stepId: string; step: Step }): void {
    const flow = this.flows.flows.get(flowId)!;
    delete this.state.slots[change.step.save!];
    if (change.step.ask === 'address') delete this.state.slots.province;
    this.fillFrom(flowId);
    this.enterStep(flow, change.stepId);
  }

  /** Whether a flow is the one that cancels ("thôi hủy đi" at a yes/no is a cancellation, not a "no"). */
  cancels(flowId: string): boolean {
    return runsAction(this.flows.flows.get(flowId), 'cancel_order');
  }

  /** Whether the message filled this slot (so a question about it is not asked). */
  saidNow(slot: string): boolean {
    return this.fresh.has(slot);
  }

  /**
   * Something of the order changed at the question that follows its quote ("thôi ck nhé", "đổi
   * sang 5 ký" at the confirmation): the quote is given again, then the question. Whether it was.
   */
  quoteAgain(flowId: string, stepId: string, cartChanged = false): boolean {
    const flow = this.flows.flows.get(flowId);
    if (!flow || (this.fresh.size === 0 && !cartChanged)) return false;
    const quote = Object.keys(flow.steps).find((id) => flow.steps[id]!.action === 'quote_order' && !flow.steps[id]!.branch && followingStep(flow, id) === stepId);
    if (!quote) return false;
    this.enterStep(flow, quote);
    return true;
  }

  /** Whether the message filled a slot other than this one. */
  saidOtherThan(slot: string): boolean {
    return [...this.fresh].some((filled) => filled !== slot);
  }

  /**
   * Whether the message gives what a question of this flow other than `slot` asks: a phone
   * number, an address, a quantity ("nửa ký" at the product question), or a choice named by one
   * of its aliases ("ck nhé" for the payment).
   */
  statesOwnFacts(flowId: string, slot: string): boolean {
    const flow = this.flows.flows.get(flowId);
    if (!flow || !this.text) return false;
    const facts = this.facts(this.text);
    const steps = Object.values(flow.steps).filter((step) => step.save && step.save !== slot);
    const given = (step: (typeof steps)[number]) =>
      (step.ask === 'phone' && facts.phone !== null) || (step.ask === 'address' && facts.address !== null) || (step.ask === 'quantity' && facts.quantity !== null);
    if (steps.some(given)) return true;
    // A choice restated ("ck nhé" at the confirmation, the method chosen already) is this flow's own fact too, and so is a promotion code.
    const named = choicesNamedIn(flow, this.text);
    if (facts.promoCode && steps.some((step) => step.save === 'promo_code')) return true;
    return steps.some((step) => step.ask === 'choice' && named[step.save!] !== undefined);
  }

  answerLeadingTo(flowId: string, stepId: string, wanted: (step: Step) => boolean): boolean | null {
    const flow = this.flows.flows.get(flowId);
    return flow ? answerLeadingTo(flow, stepId, this.state.slots, (id) => wanted(flow.steps[id]!)) : null;
  }

  // ── Topics ────────────────────────────────────────────────────────────────

  understand(text: string): Understanding | null {
    return text ? this.matcher.understand(text) : null;
  }

  /**
   * What the message is about besides the question: another flow (sure enough to leave the
   * one in progress), or an aside the shop answers in passing (thanks, opening hours, an FAQ).
   */
  topicOf(understanding: Understanding | null, currentFlow: string | null, freeText = false): Topic | null {
    const best = understanding?.best;
    if (!understanding) return null;
    const bare = isShort(this.text, 2) && parseYesNo(this.text) !== null && understanding.products.length === 0;
    const threshold = this.flows.shop.nlu.threshold + (freeText ? FREE_TEXT_SWITCH_MARGIN : 0);
    // A message that is exactly one of a flow's triggers ("/start", "menu") means that flow.
    const exact = exactTriggers(this.flows).get(foldKey(this.text));
    if (exact && exact.flow !== currentFlow) return { kind: 'flow', flow: exact.flow, step: exact.step, understanding };
    const person = this.personAskedFor(currentFlow, !this.facts(this.text).items.some((item) => item.quantity !== null));
    if (person) return { kind: 'flow', flow: person, step: null, understanding };
    const lookup = this.lateParcelFor(currentFlow);
    if (lookup) return { kind: 'flow', ...lookup, understanding };
    const ordering = this.orderFor(understanding, currentFlow) ?? this.complaintFor(understanding, currentFlow);
    if (ordering) return { kind: 'flow', flow: ordering, step: null, understanding };
    const unsold = this.unsoldFor(understanding, freeText);
    if (unsold) return unsold;
    if (!best) return this.productAskedAbout(understanding, currentFlow);
    const match = best as typeof best & { intent?: string; faq?: string | null; flow: string | null };
    // "ok", "cảm ơn" are never a name or a note: everyday talk is answered wherever it comes.
    const aside = best.score >= this.flows.shop.nlu.threshold ? this.asideFor(match.intent ?? null, match.faq ?? null, understanding) : null;
    if (aside) return { kind: 'aside', text: aside };
    if (best.score < this.flows.shop.nlu.threshold || !match.flow) {
      const asked = this.productAskedAbout(understanding, currentFlow);
      if (asked) return asked;
    }
    // A bare "ko" or "ừ" is never a new topic, whatever a classifier makes of it.
    if (bare) return null;
    const greeted = match.flow === GREETING_FLOW ? this.afterGreeting(currentFlow) : null;
    if (greeted) return greeted;
    // "a khoan, hủy đi e, để c hỏi ý chồng c đã": the whole not understood, one clause of it may be, surely.
    if ((best.score < threshold || !match.flow) && !freeText) return this.clauseTopic(currentFlow);
    if (best.score < threshold) return null;
    // A name or a note ("giao giờ hành chính") is anything; only a question leaves it.
    if (freeText && !looksLikeQuestion(this.text, understanding.tokens) && !(match.flow && this.cancels(match.flow))) return null;
    if (!match.flow || match.flow === currentFlow || !this.flows.flows.has(match.flow)) return null;
    return { kind: 'flow', flow: match.flow, step: match.step, understanding };
  }

  /**
   * Products named with their quantities are an order, whatever else the message resembles
   * (a greeting, a question about the product), unless it complains about an order already
   * made (it names a problem or an order code).
   */
  private orderFor(understanding: Understanding, currentFlow: string | null): string | null {
    const ordering = [...this.flows.flows.values()].find(placesOrders);
    const facts = this.facts(this.text);
    if (!ordering || ordering.id === currentFlow || !facts.items.some((item) => item.quantity !== null)) return null;
    // "giao thiếu 1 chai mật ong": a quantity in a complaint is what went wrong, not an order.
    if (facts.orderCode || facts.problem) return null;
    // "lấy như lần trước, mà gạo tăng lên 15 ký": the last order again, changed.
    const reorder = [...this.flows.flows.values()].find((flow) => runsAction(flow, 'reorder_last'));
    if (reorder && reorder.id !== currentFlow && this.context.customer.lastOrder && LIKE_LAST_TIME.test(` ${foldKey(this.text)} `)) return reorder.id;
    // "gửi lại 2 chai mật ong cho em" at "xử lý thế nào ạ?": the open question's own choice, said with what it is about.
    if (this.answersOpenChoice(currentFlow)) return null;
    // "giá xoài bao nhiêu 1kg" asks a price; "còn sầu riêng không, lấy 3 ký" orders.
    const words = [...foldKey(this.text).split(' '), ...understanding.tokens];
    if (asksWithoutOrdering(this.text, words)) return null;
    // "lấy sỉ 50kg giá sao": a question one of the shop's answers is about asks, it does not order
    // ("đặt 2kg bưởi, có xuất hóa đơn không" still orders: the order is a clause of its own).
    const best = understanding.best as { faq?: string | null; score: number } | null;
    const ordersApart = this.text.split(/[,.;!\n]+/).some((clause) => !looksLikeQuestion(clause) && this.facts(clause).items.some((item) => item.quantity !== null));
    if (best?.faq && best.score >= this.flows.shop.nlu.threshold && looksLikeQuestion(this.text, words) && !ordersApart) return null;
    return ordering.id;
  }

  /** The message's clauses, split where it pauses or asks. */
  private clauses(): string[] {
    return this.text.split(/[,.;!?\n]+/).filter((clause) => clause.trim());
  }

  /** The first clause of several that the model reads surely as another flow (each clause read only for a message not understood whole). */
  private clauseTopic(currentFlow: string | null): Topic | null {
    const clauses = this.clauses();
    if (clauses.length < 2) return null;
    // Two words are too few to be sure of alone ("à khoan" is no "chuyển khoản").
    for (const clause of clauses.filter((part) => foldKey(part).split(' ').length >= 3)) {
      const understanding = this.understand(clause);
      const best = understanding?.best as (Understanding['best'] & { flow: string | null; step?: string | null }) | null | undefined;
      if (!understanding || !best?.flow || best.flow === currentFlow || !this.flows.flows.has(best.flow)) continue;
      if (best.score >= this.flows.shop.nlu.threshold + CLAUSE_MARGIN) return { kind: 'flow', flow: best.flow, step: best.step ?? null, understanding };
    }
    return null;
  }

  /**
   * "chào shop, cho e hỏi xoài cát còn không": a greeting opens the message, and what follows it
   * is what the message is about, when that is understood surely (or asks about a product).
   */
  private afterGreeting(currentFlow: string | null): Topic | null {
    const clauses = this.clauses();
    if (clauses.length < 2) return null;
    const understanding = this.understand(clauses.slice(1).join(', '));
    const best = understanding?.best as (Understanding['best'] & { flow: string | null; step?: string | null }) | null | undefined;
    if (!understanding) return null;
    if (best?.flow && best.flow !== GREETING_FLOW && best.flow !== currentFlow && this.flows.flows.has(best.flow) && best.score >= this.flows.shop.nlu.threshold) {
      return { kind: 'flow', flow: best.flow, step: best.step ?? null, understanding };
    }
    return this.productAskedAbout(understanding, currentFlow);
  }

  /** The message names, in a clause that asks nothing, a choice of the question a flow that places no orders waits on. */
  private answersOpenChoice(currentFlow: string | null): boolean {
    const waiting = this.state.waiting;
    const flow = currentFlow ? this.flows.flows.get(currentFlow) : undefined;
    if (!flow || placesOrders(flow) || waiting.kind !== 'ask') return false;
    const step = flow.steps[waiting.step];
    return step?.ask === 'choice' && step.save !== undefined && choicesStatedIn(flow, this.text)[step.save] !== undefined;
  }

  /**
   * "cho e gặp chủ shop, e muốn lấy sỉ 30kg gạo": a message that opens by asking for a person is
   * handed over, though the rest reads as an order; the flow that hands over, when it is sure.
   * `anywhere`: a clause further on counts too (for a message nothing else in it was understood).
   */
  private personAskedFor(currentFlow: string | null, anywhere = false): string | null {
    const clauses = this.clauses();
    if (clauses.length < 2) return null;
    // Further on, only a clause with words of asking for someone is read again (an address has commas too).
    const later = clauses.slice(1).filter((clause) => PERSON_WORDS.some((words) => ` ${foldKey(clause)} `.includes(` ${words} `)));
    for (const clause of anywhere ? [clauses[0]!, ...later] : clauses.slice(0, 1)) {
      const best = this.understand(clause)?.best;
      const flow = best?.flow ? this.flows.flows.get(best.flow) : undefined;
      if (flow && runsAction(flow, 'handover') && flow.id !== currentFlow && best!.score >= this.flows.shop.nlu.threshold) return flow.id;
    }
    return null;
  }

  /**
   * "tuần trước đặt mà giờ chưa tới", "chưa nhận được hàng": while the order meant is still on
   * its way the customer asks where it is, so the shop looks it up (the question for the order
   * code before the lookup) instead of opening a return.
   */
  private lateParcelFor(currentFlow: string | null): { flow: string; step: string } | null {
    const facts = this.facts(this.text);
    if (facts.problem !== 'late') return null;
    const orders = this.context.customer.orders;
    const code = facts.orderCode ?? knownOrderCode(this.text, orders);
    const meant = code ? orders.filter((order) => order.code.toUpperCase() === code.toUpperCase()) : orders;
    if (!meant.some(isOnItsWay)) return null;
    const current = currentFlow ? this.flows.flows.get(currentFlow) : undefined;
    if (current && placesOrders(current) && !code) return null;
    const entry = lookupEntry(this.flows);
    return entry && entry.flow !== currentFlow ? entry : null;
  }

  /** A problem with an order named ("bể chai", "giao nhầm", "giao trễ") is a complaint, unless the message is surely about something else. */
  private complaintFor(understanding: Understanding, currentFlow: string | null): string | null {
    const returns = [...this.flows.flows.values()].find((flow) => runsAction(flow, 'open_return'));
    const facts = this.facts(this.text);
    if (!returns || returns.id === currentFlow || !facts.problem || facts.items.some((item) => item.quantity !== null && !facts.orderCode)) return null;
    // In the middle of an order only a complaint citing an order code leaves it.
    const current = currentFlow ? this.flows.flows.get(currentFlow) : undefined;
    if (current && placesOrders(current) && !facts.orderCode) return null;
    const best = understanding.best;
    const sure = best && best.flow && best.score >= this.flows.shop.nlu.threshold ? this.flows.flows.get(best.flow) : undefined;
    if (sure && sure.id !== returns.id && sure.phase !== 'before') return null;
    return returns.id;
  }

  /**
   * "có bơ sáp không em, vợ anh thích ăn bơ" with nothing else understood: a question that names
   * a product the shop sells, with no quantity, asks about that product (its card); the question
   * under way waits to be asked again.
   */
  private productAskedAbout(understanding: Understanding, currentFlow: string | null): Topic | null {
    if (currentFlow === 'advice' || !this.flows.flows.has('advice') || understanding.products.length === 0) return null;
    if (!looksLikeQuestion(this.text, understanding.tokens) || this.facts(this.text).items.some((item) => item.quantity !== null)) return null;
    return { kind: 'flow', flow: 'advice', step: null, understanding };
  }

  /**
   * "shop có bán thanh long không", "đặt 2kg chôm chôm": goods the catalog does not carry are
   * said to be not sold, with what the shop has, whatever the message asks about them. A
   * product question reads the name itself; a name or a note only when it is a question.
   */
  private unsoldFor(understanding: Understanding, freeText: boolean): Topic | null {
    const item = understanding.produce[0];
    if (!item || understanding.products.length > 0) return null;
    const intent = (understanding.best as { intent?: string } | null)?.intent;
    if (intent && !GOODS_INTENTS.has(intent)) return null;
    const waiting = this.state.waiting;
    if (waiting.kind === 'ask' && this.stepOf(waiting.flow, waiting.step)?.ask === 'product') return null;
    if (freeText && !looksLikeQuestion(this.text, understanding.tokens)) return null;
    const browse = this.flows.shop.menu.filter((entry) => {
      const flow = this.flows.flows.get(entry.flow);
      // The flows that show the catalog and take orders: what a customer looking for other goods can do here.
      return flow && (flow.intent === 'product_info' || flow.triggers.some((trigger) => typeof trigger !== 'string' && trigger.intent === 'catalog') || placesOrders(flow));
    });
    return {
      kind: 'aside',
      text: this.render(this.flows.shop.texts.not_sold, { produce: understanding.produce.join(', ') }),
      buttons: browse.map((entry) => ({ label: entry.label, value: `flow:${entry.flow}` })),
    };
  }

  private asideFor(intent: string | null, faqId: string | null, understanding: Understanding): string | null {
    if (faqId) {
      const entry = (this.flows.faq ?? []).find((candidate) => candidate.id === faqId);
      if (entry) {
        const product = understanding.products[0];
        const template = (product && (entry.products?.[product] ?? entry.product_answer)) || entry.answer;
        return renderTemplate(template, this.variables({}, product ? { product } : undefined));
      }
    }
    const smalltalk = intent ? this.flows.shop.smalltalk[intent] : undefined;
    return smalltalk ? this.render(smalltalk) : null;
  }

  /** Answers in passing, then asks again what the conversation was waiting for. */
  aside(text: string): void {
    this.reply({ kind: 'text', text });
    this.repeatPrompt();
  }

  /** The customer asked about something else: remember an unfinished question, then answer. */
  switchTopic(topic: Extract<Topic, { kind: 'flow' }>): void {
    const { flow, waiting } = this.state;
    // Only a question left unanswered is worth coming back to; a menu or a card is not, nor "which product?"
    // once the customer orders (the order names its products).
    const target = this.flows.flows.get(topic.flow);
    const ordersInstead = waiting.kind === 'ask' && this.stepOf(waiting.flow, waiting.step)?.ask === 'product' && target !== undefined && placesOrders(target);
    if (flow && waiting.kind === 'ask' && !ordersInstead && flow !== topic.flow && !this.state.suspended.some((entry) => entry.flow === flow)) {
      this.state.suspended.push({ flow, step: waiting.step });
      this.events.push({ type: 'flow_suspended', flow, step: waiting.step, for: topic.flow });
    }
    this.fillFromUnderstanding(topic.understanding, topic.flow);
    const waitingFor = this.state.suspended.find((entry) => entry.flow === topic.flow);
    if (waitingFor) {
      // Asking again for a flow already under way goes on with it, never starts it over.
      this.state.suspended = this.state.suspended.filter((entry) => entry !== waitingFor);
      this.fillFrom(topic.flow);
      this.events.push({ type: 'flow_started', flow: topic.flow, via: 'resume' });
      return this.enterStep(this.flows.flows.get(topic.flow)!, waitingFor.step);
    }
    this.startFlow(topic.flow, 'trigger', topic.step ?? undefined);
  }

  /** Provinces named in the message fill their slot, so the flow doesn't ask again. */
  private fillFromUnderstanding(understanding: Understanding, flowId: string): void {
    const target = this.flows.flows.get(flowId);
    const product = understanding.products[0];
    // "cà phê" alone may be either coffee: the product question asks which; in an order, whichever product of the line it is.
    const unsure = (id: string) => sameFamily(this.flows.shop, this.text, id).length > 0;
    if (product && (unsure(product) || (target && placesOrders(target) && understanding.products.some(unsure)))) delete this.state.slots.product;
    // A product named now is the one asked about ("còn bưởi thì sao" after the avocado card); an order under way keeps its
    // own, but one starting now takes the product named now, not one left from a complaint ("lên đơn mít sấy" after the honey's).
    else if (product && (this.state.slots.product === undefined || !target || !placesOrders(target) || !this.underWay(flowId))) {
      this.state.slots.product = product;
      this.understood.add('product');
    }
    // An address names its province last ("3 Hòa Bình, Ninh Kiều, Cần Thơ"): that one wins.
    const province = understanding.provinces[0];
    // "DN" is Đà Nẵng or Đồng Nai: no guess; the province question asks which.
    const twoWays = findProvince(this.text)?.kind === 'ambiguous';
    const name = this.facts(this.text).province ?? (province && !twoWays ? provinceById(province)?.name : undefined);
    if (name) this.state.slots.province = name;
    // A province asked about now replaces the one before, even when it must first be asked which.
    else if (twoWays) delete this.state.slots.province;
  }

  /** The flow is the one in progress, or waits to be resumed. */
  private underWay(flowId: string): boolean {
    return this.state.flow === flowId || this.state.suspended.some((entry) => entry.flow === flowId);
  }

  onFreeInput(inbound: Inbound): void {
    if (inbound.kind === 'contact') {
      this.state.slots.phone = inbound.phone;
      this.effects.push({ type: 'customer_profile', phone: inbound.phone, ...(inbound.name ? { name: inbound.name } : {}) });
    }
    // "4 sao" with nothing asked (the closing question not sent yet, or gone by): the score the customer gives ("xoài loại 5 sao" is no score).
    // A bare "5" once the closing question was asked and then passed by (a question in between) is its answer.
    const bare = this.state.satisfaction.asked && /^\s*[1-5]\s*$/.test(this.text) ? (Number(this.text.trim()) as Rating) : null;
    // "5 sao, tư vấn nhanh lắm": the score's own clause is short, what follows is its comment.
    const scoreClause = this.text.split(/[,.;!\n]+/)[0] ?? '';
    const stars = readStars(scoreClause) ?? bare;
    if (stars !== null && isShort(scoreClause, 4) && this.facts(this.text).items.length === 0 && this.state.satisfaction.score === null) {
      this.state.satisfaction.asked = true;
      return this.onScore(stars, commentBeside(this.text));
    }
    const understanding = this.understand(this.text);
    const topic = this.topicOf(understanding, null);
    if (topic?.kind === 'flow') return this.switchTopic(topic);
    if (topic?.kind === 'aside') {
      if (topic.buttons) {
        this.state.waiting = { kind: 'buttons', flow: null, step: null };
        return this.reply({ kind: 'text', text: topic.text, buttons: this.remember(topic.buttons) });
      }
      // "mật ong có giấy kiểm nghiệm không" answered: "ok lấy 1 chai" then means the honey.
      const product = understanding?.products.length === 1 ? understanding.products[0]! : undefined;
      if (product && sameFamily(this.flows.shop, this.text, product).length === 0) this.state.slots.product = product;
      this.reply({ kind: 'text', text: topic.text });
      if (this.state.buttons.length > 0) this.showButtons(this.state.buttons);
      return;
    }
    if (understanding && understanding.products.length > 0 && this.flows.flows.has('advice')) {
      const product = understanding.products[0]!;
      if (sameFamily(this.flows.shop, this.text, product).length > 0) delete this.state.slots.product;
      else this.state.slots.product = product;
      return this.startFlow('advice', 'trigger');
    }
    this.fallback(this.text);
  }

  // ── Flows and steps ───────────────────────────────────────────────────────

  startFlow(id: string, via: Via, stepId?: string): void {
    const flow = this.flows.flows.get(id);
    if (!flow) return this.fallback('');
    this.events.push({ type: 'flow_started', flow: id, via });
    this.state.flow = id;
    this.state.retries = 0;
    this.state.fallbacks = 0;
    this.state.entryFlow ??= id;
    this.state.phase ??= flow.phase;
    if (this.state.stage === null || JOURNEY_STAGES.indexOf(flow.stage) > JOURNEY_STAGES.indexOf(this.state.stage)) {
      this.state.stage = flow.stage;
      this.state.phase = flow.phase;
    }
    if (this.state.lastOrder && this.state.cart.length === 0 && placesOrders(flow)) this.forgetLastOrder(flow);
    if (via === 'trigger' || via === 'goto') this.fillFrom(id);
    const named = stepId ? flow.steps[stepId] : undefined;
    // A message that names the step to start at asks that step's question, not an old answer to it.
    if (named?.ask && named.save && !this.fresh.has(named.save) && !this.understood.has(named.save)) delete this.state.slots[named.save];
    this.enterStep(flow, named ? stepId! : flow.start);
  }

  /** A new order after one was placed asks again what that one chose (payment, contact, code). */
  private forgetLastOrder(flow: Flow): void {
    for (const step of Object.values(flow.steps)) if (step.save) delete this.state.slots[step.save];
    for (const slot of ['saved_name', 'saved_phone', 'saved_address', 'saved_province', 'more_lines', 'promo_held']) delete this.state.slots[slot];
  }

  enterStep(flow: Flow, stepId: string): void {
    if (++this.stepsThisTurn > MAX_STEPS_PER_TURN) {
      // A loop in the flow files: stop rather than spin; the owner sees it as a fallback.
      this.state.flow = null;
      return this.fallback('');
    }
    const step = flow.steps[stepId]!;
    this.state.flow = flow.id;
    this.state.step = stepId;
    this.events.push({ type: 'step_entered', flow: flow.id, step: stepId });
    for (const [slot, value] of Object.entries(step.set ?? {})) this.state.slots[slot] = value;
    if (step.ask && step.save && this.state.slots[step.save] !== undefined && (!step.always || this.fresh.has(step.save))) {
      if (!this.fresh.has(step.save)) return this.exitStep(flow.id, stepId, step);
      // Said in this message, not asked: the shop's rules still hold.
      this.fresh.delete(step.save);
      const value = this.state.slots[step.save]!;
      delete this.state.slots[step.save];
      this.state.waiting = { kind: 'ask', flow: flow.id, step: stepId };
      return this.answer(flow.id, stepId, step, value);
    }
    if (step.action) {
      this.events.push({ type: 'action', flow: flow.id, step: stepId, action: step.action });
      const outcome = runAction(step.action, { flows: this.flows, state: this.state, context: this.context, flowId: flow.id });
      if (step.action === 'reorder_last') this.changeReorderedLines();
      this.effects.push(...outcome.effects);
      for (const event of outcome.events ?? []) this.events.push('step' in event ? { ...event, step: stepId } : event);
      for (const text of outcome.say) this.say(text, outcome.variables);
      for (const reply of outcome.replies ?? []) this.reply(reply);
      if (outcome.mode === 'human') this.events.push({ type: 'handover', flow: flow.id });
    }
    const texts = step.say === undefined ? [] : Array.isArray(step.say) ? step.say : [step.say];
    if (!step.ask) for (const text of texts) this.say(text);
    const image = step.image ? this.render(step.image) : '';
    if (image) this.reply({ kind: 'image', url: image });
    for (const product of this.alsoNamed(flow, step)) {
      for (const text of texts) this.say(text, undefined, { product });
      const picture = step.image ? renderTemplate(step.image, this.variables({}, { product })) : '';
      if (picture) this.reply({ kind: 'image', url: picture });
    }
    if (step.ask) {
      if (step.ask === 'photo' && Array.isArray(this.state.slots[step.save!])) delete this.state.slots[step.save!];
      const assumed = step.save && this.state.slots[step.save] === undefined ? questionOf(step)?.assumed?.(this.asking(step)) : undefined;
      if (assumed !== undefined) {
        this.state.waiting = { kind: 'ask', flow: flow.id, step: stepId };
        return this.answer(flow.id, stepId, step, assumed);
      }
      this.state.waiting = { kind: 'ask', flow: flow.id, step: stepId };
      // The message said this answer in a way that fits more than one ("DN"): asked back as such.
      const doubt = this.text ? questionOf(step)?.doubt?.(this.text, this.asking(step)) : null;
      if (doubt) return this.reply({ kind: 'text', text: this.render(doubt.text, doubt.variables), ...this.askExtras(step) });
      const question = texts.map((text) => this.render(text));
      const last = question.pop() ?? '';
      for (const text of question) if (text) this.reply({ kind: 'text', text });
      this.reply({ kind: 'text', text: last, ...this.askExtras(step) });
      return;
    }
    if (step.buttons) {
      // A side question answered (a fee, a product card): the question left open is asked again at once.
      const resumable = this.state.suspended.at(-1);
      if (resumable && resumable.flow !== flow.id) {
        this.events.push({ type: 'flow_ended', flow: flow.id });
        return this.resume();
      }
      this.state.waiting = { kind: 'buttons', flow: flow.id, step: stepId };
      return this.showButtons(stepButtons(step, this.flows.shop));
    }
    this.exitStep(flow.id, stepId, step);
  }

  /**
   * "giá xoài với giá bưởi", "robusta với arabica khác nhau sao": a text about the product
   * (a card, not a question, outside ordering) is said for each other product the message named too.
   */
  private alsoNamed(flow: Flow, step: Step): string[] {
    if (step.ask || step.action || !this.text || placesOrders(flow)) return [];
    const about = [step.say, step.image].flat().some((text) => text?.includes('{{product'));
    if (!about) return [];
    const named = [...new Set(this.facts(this.text).items.map((item) => item.productId))];
    return named.includes(String(this.state.slots.product)) ? named.filter((id) => id !== this.state.slots.product) : [];
  }

  exitStep(flowId: string, stepId: string, step: Step): void {
    const flow = this.flows.flows.get(flowId)!;
    for (const branch of step.branch ?? []) {
      if (conditionHolds(branch.if, this.state.slots)) return this.goto(branch.goto, flow);
    }
    if (step.next) return this.goto(step.next, flow);
    if (step.end) return this.endFlow(flow);
    const ids = Object.keys(flow.steps);
    const following = ids[ids.indexOf(stepId) + 1];
    if (following) return this.enterStep(flow, following);
    this.endFlow(flow);
  }

  private goto(target: string, from?: Flow): void {
    const flow = from ?? (this.state.flow ? this.flows.flows.get(this.state.flow) : undefined);
    if (target.startsWith('flow:')) {
      if (flow) {
        this.events.push({ type: 'flow_ended', flow: flow.id });
        // The flow handed over to another: nothing of it is left to come back to.
        this.state.suspended = this.state.suspended.filter((entry) => entry.flow !== flow.id);
      }
      return this.startFlow(target.slice('flow:'.length), 'goto');
    }
    if (!flow?.steps[target]) return this.fallback('');
    this.enterStep(flow, target);
  }

  private endFlow(flow: Flow): void {
    this.events.push({ type: 'flow_ended', flow: flow.id });
    this.state.waiting = { kind: 'none' };
    this.state.buttons = [];
    this.state.suspended = this.state.suspended.filter((entry) => entry.flow !== flow.id);
    if (this.state.mode === 'human') return;
    if (this.state.suspended.length > 0) {
      this.state.waiting = { kind: 'resume' };
      const texts = this.flows.shop.texts;
      this.reply({
        kind: 'text',
        text: this.render(texts.resume_offer),
        buttons: this.remember([
          { label: this.render(texts.resume_yes), value: 'resume:yes' },
          { label: this.render(texts.resume_no), value: 'resume:no' },
        ]),
      });
      return;
    }
    if (flow.satisfaction && this.shouldAskSatisfaction(false)) return this.askSatisfaction(flow.id);
    this.state.flow = null;
    this.state.step = null;
  }

  resume(): void {
    const entry = this.state.suspended.pop();
    const flow = entry && this.flows.flows.get(entry.flow);
    if (!entry || !flow?.steps[entry.step]) return this.showMenu();
    this.events.push({ type: 'flow_started', flow: flow.id, via: 'resume' });
    this.fillFrom(flow.id);
    this.enterStep(flow, entry.step);
  }

  declineResume(): void {
    this.state.suspended = [];
    if (this.shouldAskSatisfaction(false)) return this.askSatisfaction(this.state.flow ?? 'resume');
    this.showMenu();
  }

  // ── Satisfaction and endings ──────────────────────────────────────────────

  private shouldAskSatisfaction(afterHuman: boolean): boolean {
    const enabled = this.flows.shop.satisfaction.enabled;
    return enabled && !this.state.satisfaction.asked && (afterHuman || this.state.ended === null);
  }

  askSatisfaction(flowId: string): void {
    const texts = this.flows.shop.texts;
    this.state.satisfaction.asked = true;
    this.state.waiting = { kind: 'satisfaction' };
    this.state.retries = 0;
    this.events.push({ type: 'satisfaction_asked', flow: flowId });
    this.reply({ kind: 'text', text: this.render(texts.satisfaction_question), buttons: this.remember(ratingButtons(texts.satisfaction_labels)) });
  }

  /**
   * A score: at or below the owner's alert line the shop apologises and asks what went wrong;
   * a middling one is thanked and asked what would make it better; a good one is thanked. A
   * `comment` said with the score ("1 sao, giao sai mà…") is taken, not asked for.
   */
  onScore(score: number, comment?: string): void {
    if (!Number.isInteger(score) || score < 1 || score > 5) return this.repeatPrompt();
    const { texts, satisfaction } = this.flows.shop;
    this.state.satisfaction.score = score;
    this.state.retries = 0;
    this.events.push({ type: 'satisfaction_answered', score });
    if (comment) {
      if (score <= satisfaction.comment_at_or_below) return this.onComment(comment);
      this.state.satisfaction.comment = comment;
      this.events.push({ type: 'satisfaction_comment', comment });
    }
    if (score <= satisfaction.comment_at_or_below) {
      this.state.waiting = { kind: 'satisfaction_comment' };
      this.state.buttons = [];
      this.say(score <= satisfaction.alert_owner_at_or_below ? texts.satisfaction_comment : texts.satisfaction_comment_neutral);
      return;
    }
    this.say(texts.satisfaction_thanks);
    this.endConversation('completed');
  }

  onComment(comment: string): void {
    this.state.satisfaction.comment = comment;
    this.events.push({ type: 'satisfaction_comment', comment });
    this.say(this.flows.shop.texts.satisfaction_thanks_low);
    this.endConversation('completed');
  }

  unanswered(): void {
    this.events.push({ type: 'satisfaction_unanswered' });
    this.state.retries = 0;
  }

  endConversation(outcome: Outcome): void {
    this.state.ended = outcome;
    this.state.waiting = { kind: 'none' };
    this.state.buttons = [];
    this.events.push({ type: 'conversation_ended', outcome });
    this.effects.push({ type: 'conversation_ended', outcome });
  }

  // ── Replies ───────────────────────────────────────────────────────────────

  fallback(text: string): void {
    // "…, cho e nói chuyện với chủ shop để báo giá": nothing else understood, a clause that asks for a person anywhere is handed over.
    const person = text ? this.personAskedFor(this.state.flow, true) : null;
    if (person) return this.startFlow(person, 'trigger');
    const texts = this.flows.shop.texts;
    this.state.fallbacks++;
    this.events.push({ type: 'fallback', text: text.slice(0, 500) });
    if (this.state.fallbacks >= FALLBACKS_BEFORE_HUMAN) {
      this.state.fallbacks = 0;
      return this.offerHuman([]);
    }
    this.state.waiting = { kind: 'buttons', flow: null, step: null };
    this.say(texts.fallback);
    this.showButtons(this.withHuman(menuButtons(this.flows.shop)));
  }

  private withHuman(buttons: Button[]): Button[] {
    return buttons.some((button) => button.value === 'flow:human') ? buttons : [...buttons, { label: this.flows.shop.texts.human_button, value: 'flow:human' }];
  }

  private offerHuman(extra: Button[]): void {
    const texts = this.flows.shop.texts;
    if (this.state.waiting.kind !== 'ask') this.state.waiting = { kind: 'buttons', flow: null, step: null };
    this.reply({
      kind: 'text',
      text: this.render(texts.fallback_offer_human),
      buttons: this.remember([...extra, { label: texts.human_button, value: 'flow:human' }, { label: texts.menu_button, value: 'flow:greeting' }]),
    });
  }

  private showMenu(): void {
    this.state.flow = null;
    this.state.waiting = { kind: 'buttons', flow: null, step: null };
    this.showButtons(menuButtons(this.flows.shop));
  }

  /** Says again what the conversation is waiting for, after a stale tap or an unclear reply. */
  repeatPrompt(prefix?: string): void {
    const waiting = this.state.waiting;
    if (waiting.kind === 'ask') {
      const step = this.stepOf(waiting.flow, waiting.step);
      if (step) {
        const say = Array.isArray(step.say) ? step.say.at(-1) : step.say;
        this.reply({ kind: 'text', text: [prefix, say ? this.render(say) : ''].filter(Boolean).join('\n'), ...this.askExtras(step) });
        return;
      }
    }
    if (waiting.kind === 'satisfaction') {
      this.state.satisfaction.asked = false;
      if (prefix) this.say(prefix);
      return this.askSatisfaction(this.state.flow ?? 'repeat');
    }
    if (waiting.kind === 'satisfaction_comment') return this.say(this.flows.shop.texts.satisfaction_comment);
    if (this.state.buttons.length > 0) return this.showButtons(this.state.buttons, prefix);
    if (prefix) return this.say(prefix);
    this.showMenu();
  }

  private askExtras(step: Step): { buttons?: Button[]; askPhone?: boolean } {
    const kind = questionOf(step);
    const buttons = this.remember(kind?.buttons(this.asking(step)) ?? []);
    return { ...(buttons.length > 0 ? { buttons } : {}), ...(kind?.asksPhone ? { askPhone: true } : {}) };
  }

  private showButtons(buttons: Button[], prefix?: string): void {
    const remembered = this.remember(buttons);
    const last = this.replies.at(-1);
    if (!prefix && last?.kind === 'text' && !last.buttons) {
      last.buttons = remembered;
      return;
    }
    this.reply({ kind: 'text', text: prefix ?? this.render(this.flows.shop.texts.retry_choice), buttons: remembered });
  }

  private remember(buttons: Button[]): Button[] {
    this.state.buttons = buttons;
    return buttons;
  }

  say(template: string, extras?: Record<string, string>, slots?: Record<string, SlotValue>): void {
    const text = renderTemplate(template, this.variables(extras, slots));
    if (text) this.reply({ kind: 'text', text });
  }

  private reply(message: Outbound): void {
    this.replies.push(message);
  }

  render(template: string, extras?: Record<string, string>): string {
    return renderTemplate(template, this.variables(extras));
  }

  private variables(extras: Record<string, string> = {}, slots?: Record<string, SlotValue>) {
    const state = slots ? { ...this.state, slots: { ...this.state.slots, ...slots } } : this.state;
    return variablesFor(this.flows, state, this.context, extras);
  }

  stepOf(flowId: string, stepId: string): Step | undefined {
    return this.flows.flows.get(flowId)?.steps[stepId];
  }
}
