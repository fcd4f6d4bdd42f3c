import { JOURNEY_STAGES, type Flow, type ShopFlows, type Step } from '../flows/schema';
import { readAnswer } from './answers';
import { answerButtons, decodeAnswer, menuButtons, stepButtons } from './buttons';
import { conditionHolds } from './conditions';
import { isInSeason } from './pricing';
import { runAction } from './actions';
import { isSkip, parseSatisfaction } from './nlu/answers';
import type { IntentMatcher, Understanding } from './nlu/intent';
import { faqAnswer } from './nlu/faq-answer';
import { foldKey } from './text/fold';
import { renderTemplate } from './template';
import type { Button, ConversationState, EngineEvent, Effect, Inbound, Outbound, Outcome, SlotValue, TurnContext, TurnResult } from './types';
import { initialState } from './types';
import { variablesFor } from './view';
import { provinceById } from '../vietnam/provinces';

/** Steps one turn may pass through before the engine decides a flow loops forever. */
const MAX_STEPS_PER_TURN = 50;
/** Wrong answers in a row before a person is offered. */
const RETRIES_BEFORE_HUMAN = 3;
const FALLBACKS_BEFORE_HUMAN = 3;
/** A question for free text only gives way to another topic when the match is this sure. */
const FREE_TEXT_SWITCH_MARGIN = 0.25;

/** One inbound event applied to one conversation: mutable while it runs, returned whole. */
export class Turn {
  readonly state: ConversationState;
  private readonly replies: Outbound[] = [];
  private readonly events: EngineEvent[] = [];
  private readonly effects: Effect[] = [];
  private stepsThisTurn = 0;

  constructor(
    private readonly flows: ShopFlows,
    private readonly matcher: IntentMatcher,
    state: ConversationState,
    private readonly context: TurnContext,
  ) {
    this.state = state.ended ? initialState() : structuredClone(state);
  }

  result(): TurnResult {
    return { state: this.state, replies: this.replies, events: this.events, effects: this.effects };
  }

  handle(inbound: Inbound): void {
    if (inbound.kind === 'handback') return this.handBack();
    if (this.state.mode === 'human') return;
    if (inbound.kind === 'scheduled') return this.onScheduled(inbound);
    if (inbound.kind === 'text' && this.isStopWord(inbound.text)) return this.optOut();
    const button = this.pressedButton(inbound);
    if (button) return this.onButton(button);
    switch (this.state.waiting.kind) {
      case 'ask':
        return this.onAnswer(inbound);
      case 'satisfaction':
        return this.onSatisfaction(inbound);
      case 'satisfaction_comment':
        return this.onComment(inbound);
      default:
        return this.onFreeInput(inbound);
    }
  }

  /** Closes a conversation nobody wrote to for too long. */
  closeIdle(): void {
    // A check-in the customer answered (issue 10) is a completed touchpoint too.
    const answered = this.state.satisfaction.asked || this.state.lastOrder || this.state.slots.product_score !== undefined;
    this.endConversation(this.state.mode === 'human' ? 'handed_over' : answered ? 'completed' : 'abandoned');
  }

  // ── After the sale (issue 10) ─────────────────────────────────────────────

  /** A message the shop scheduled: its flow starts with the slots (and cart) it carries. */
  private onScheduled(inbound: Extract<Inbound, { kind: 'scheduled' }>): void {
    if (!this.flows.flows.has(inbound.flow)) return;
    Object.assign(this.state.slots, inbound.slots);
    if (inbound.cart) this.state.cart = inbound.cart.map((item) => ({ ...item }));
    this.state.suspended = [];
    this.events.push({ type: 'scheduled_message', flow: inbound.flow, message: inbound.message });
    this.startFlow(inbound.flow, 'scheduled');
  }

  /** The whole message is a stop word ("dừng", "/stop"): written with its tone marks, so "đúng" is not "dừng". */
  private isStopWord(text: string): boolean {
    const key = (value: string) => value.normalize('NFC').toLowerCase().trim().replace(/[.!?\s]+$/u, '');
    const typed = key(text);
    return typed !== '' && this.flows.shop.after_sale.stop_words.some((word) => key(word) === typed);
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

  // ── Inputs ────────────────────────────────────────────────────────────────

  /** A tap, or a typed number or label of the buttons last shown. */
  private pressedButton(inbound: Inbound): string | undefined {
    if (inbound.kind === 'button') return inbound.value;
    if (inbound.kind !== 'text' || this.state.buttons.length === 0) return undefined;
    const text = inbound.text.trim();
    if (/^\d{1,2}$/.test(text)) return this.state.buttons[Number(text) - 1]?.value;
    const key = foldKey(text);
    return key ? this.state.buttons.find((button) => foldKey(button.label) === key)?.value : undefined;
  }

  private onButton(value: string): void {
    const [kind, ...rest] = value.split(':');
    const argument = rest.join(':');
    const waiting = this.state.waiting;
    switch (kind) {
      case 'flow':
        if (this.flows.flows.has(argument)) return this.startFlow(argument, 'menu');
        break;
      case 'go':
        // A button that starts a flow needs nothing remembered: it works from an old message too (a reminder tapped the next day).
        if (argument.startsWith('flow:') && this.flows.flows.has(argument.slice('flow:'.length)) && !(waiting.kind === 'buttons' && waiting.flow)) {
          this.state.buttons = [];
          return this.startFlow(argument.slice('flow:'.length), 'button');
        }
        if (waiting.kind === 'buttons' && waiting.flow) {
          this.state.buttons = [];
          return this.goto(argument);
        }
        break;
      case 'csat':
        if (waiting.kind === 'satisfaction') return this.onScore(Number(argument));
        break;
      case 'resume':
        if (this.state.suspended.length > 0) return argument === 'yes' ? this.resume() : this.declineResume();
        break;
      case 'skip':
      case 'answer':
        if (waiting.kind === 'ask') return this.onAnswer({ kind: 'button', value });
        break;
    }
    // A button from an older message: repeat what is being asked now.
    this.repeatPrompt();
  }

  private onAnswer(inbound: Inbound): void {
    const waiting = this.state.waiting;
    if (waiting.kind !== 'ask') return;
    const step = this.stepOf(waiting.flow, waiting.step);
    if (!step?.ask || !step.save) return this.onFreeInput(inbound);
    const text = inbound.kind === 'text' ? inbound.text : '';

    if (inbound.kind === 'button' && inbound.value.startsWith('answer:')) {
      return this.acceptAnswer(waiting.flow, waiting.step, step, decodeAnswer(step, inbound.value.slice('answer:'.length)));
    }
    if (step.optional && ((inbound.kind === 'button' && inbound.value === 'skip') || (text && isSkip(text, this.flows.shop.texts.skip_word)))) {
      delete this.state.slots[step.save];
      this.events.push({ type: 'slot_filled', flow: waiting.flow, step: waiting.step, slot: step.save });
      return this.exitStep(waiting.flow, waiting.step, step);
    }

    const understanding = text ? this.matcher.understand(text) : null;
    const threshold = this.flows.shop.nlu.threshold;
    const switchAt = step.ask === 'text' ? threshold + FREE_TEXT_SWITCH_MARGIN : threshold;
    const otherTopic = understanding?.best && understanding.best.flow !== waiting.flow && understanding.best.score >= switchAt ? understanding : null;
    if (step.ask === 'text' && otherTopic) return this.switchTopic(otherTopic);

    const answer = readAnswer(step, inbound, this.flows, this.matcher);
    if (answer.ok) {
      const problem = this.validate(step, answer.value);
      if (!problem) return this.acceptAnswer(waiting.flow, waiting.step, step, answer.value, answer.also);
      return this.retry(waiting.flow, waiting.step, step, problem);
    }
    if (otherTopic) return this.switchTopic(otherTopic);
    this.retry(waiting.flow, waiting.step, step, renderTemplate(answer.retryText, this.variables(answer.variables)));
  }

  /** Shop rules on a parsed value: minimum quantity, units, stock. Returns what to say, or null. */
  private validate(step: Step, value: SlotValue): string | null {
    const texts = this.flows.shop.texts;
    if (step.ask === 'product' && typeof value === 'string') {
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === value);
      if (product && (product.stock === 'out_of_stock' || product.stock === 0)) {
        return renderTemplate(texts.out_of_stock, this.variables({}, { product: value }));
      }
    }
    if (step.ask === 'quantity' && typeof value === 'object' && !Array.isArray(value)) {
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === this.state.slots.product);
      if (!product) return null;
      const weightUnit = value.unit === 'kg';
      if (value.unit !== null && value.unit !== product.unit && (weightUnit || product.unit === 'kg')) return texts.retry_quantity;
      if (value.amount < product.min_quantity) return renderTemplate(texts.below_minimum, this.variables());
    }
    return null;
  }

  private acceptAnswer(flowId: string, stepId: string, step: Step, value: SlotValue, also?: Record<string, SlotValue>): void {
    const slot = step.save!;
    if (step.ask === 'photo' && Array.isArray(value)) {
      const earlier = this.state.slots[slot];
      this.state.slots[slot] = [...(Array.isArray(earlier) ? earlier : []), ...value];
    } else if (step.ask === 'quantity' && typeof value === 'object' && !Array.isArray(value)) {
      const product = this.flows.shop.catalog.find((candidate) => candidate.id === this.state.slots.product);
      this.state.slots[slot] = { amount: value.amount, unit: product?.unit ?? value.unit };
    } else {
      this.state.slots[slot] = value;
    }
    Object.assign(this.state.slots, also ?? {});
    this.state.retries = 0;
    this.state.fallbacks = 0;
    this.state.buttons = [];
    this.events.push({ type: 'slot_filled', flow: flowId, step: stepId, slot });
    if (step.ask === 'product' && typeof value === 'string') this.mentionSeason(value);
    this.exitStep(flowId, stepId, step);
  }

  private mentionSeason(productId: string): void {
    const product = this.flows.shop.catalog.find((candidate) => candidate.id === productId);
    if (!product) return;
    if (!isInSeason(product, this.context.now, this.flows.shop.shop.timezone)) this.say(this.flows.shop.texts.out_of_season);
  }

  private retry(flowId: string, stepId: string, step: Step, text: string): void {
    this.state.retries++;
    this.events.push({ type: 'retry', flow: flowId, step: stepId, slot: step.save ?? '' });
    if (this.state.retries >= RETRIES_BEFORE_HUMAN) {
      this.state.retries = 0;
      this.say(text);
      this.offerHuman(answerButtons(step, this.flows.shop));
      return;
    }
    this.reply({ kind: 'text', text, ...this.askExtras(step) });
  }

  private onFreeInput(inbound: Inbound): void {
    if (inbound.kind === 'contact') {
      this.state.slots.phone = inbound.phone;
      this.effects.push({ type: 'customer_profile', phone: inbound.phone, ...(inbound.name ? { name: inbound.name } : {}) });
    }
    const text = inbound.kind === 'text' ? inbound.text : inbound.kind === 'photo' ? (inbound.caption ?? '') : '';
    const understanding = text ? this.matcher.understand(text) : null;
    if (understanding?.best && understanding.best.score >= this.flows.shop.nlu.threshold) return this.switchTopic(understanding);
    if (understanding && understanding.products.length > 0 && this.flows.flows.has('advice')) {
      this.fillFromUnderstanding(understanding);
      return this.startFlow('advice', 'trigger');
    }
    this.fallback(text);
  }

  private onSatisfaction(inbound: Inbound): void {
    const text = inbound.kind === 'text' ? inbound.text : '';
    const score = text ? parseSatisfaction(text) : null;
    if (score !== null) return this.onScore(score);
    const understanding = text ? this.matcher.understand(text) : null;
    if (understanding?.best && understanding.best.score >= this.flows.shop.nlu.threshold) {
      this.events.push({ type: 'satisfaction_unanswered' });
      return this.switchTopic(understanding);
    }
    if (this.state.retries < 1) {
      this.state.retries++;
      return this.repeatPrompt(this.flows.shop.texts.retry_choice);
    }
    this.events.push({ type: 'satisfaction_unanswered' });
    this.state.retries = 0;
    this.fallback(text);
  }

  private onScore(score: number): void {
    if (!Number.isInteger(score) || score < 1 || score > 5) return this.repeatPrompt();
    const texts = this.flows.shop.texts;
    this.state.satisfaction.score = score;
    this.state.retries = 0;
    this.events.push({ type: 'satisfaction_answered', score });
    if (score <= this.flows.shop.satisfaction.comment_at_or_below) {
      this.state.waiting = { kind: 'satisfaction_comment' };
      this.state.buttons = [];
      this.say(texts.satisfaction_comment);
      return;
    }
    this.say(texts.satisfaction_thanks);
    this.endConversation('completed');
  }

  private onComment(inbound: Inbound): void {
    const text = inbound.kind === 'text' ? inbound.text.trim() : '';
    const understanding = text ? this.matcher.understand(text) : null;
    const threshold = this.flows.shop.nlu.threshold + FREE_TEXT_SWITCH_MARGIN;
    if (!text || (understanding?.best && understanding.best.score >= threshold)) {
      if (understanding?.best && understanding.best.score >= threshold) return this.switchTopic(understanding);
      return this.repeatPrompt();
    }
    this.state.satisfaction.comment = text;
    this.events.push({ type: 'satisfaction_comment', comment: text });
    this.say(this.flows.shop.texts.satisfaction_thanks_low);
    this.endConversation('completed');
  }

  private handBack(): void {
    this.state.mode = 'bot';
    if (this.shouldAskSatisfaction(true)) return this.askSatisfaction('human');
    this.showMenu();
  }

  // ── Flows and steps ───────────────────────────────────────────────────────

  /** The customer asked about something else: remember an unfinished flow, then answer. */
  private switchTopic(understanding: Understanding): void {
    const target = understanding.best!;
    const faq = target.faq ? this.flows.faq?.find((entry) => entry.id === target.faq) : undefined;
    if (faq) {
      this.fillFromUnderstanding(understanding);
      return this.say(faqAnswer(faq, understanding.products[0]));
    }
    if (!target.flow) return this.fallback('');
    const { flow, waiting } = this.state;
    const current = flow ? this.flows.flows.get(flow) : undefined;
    const inProgress = current && (waiting.kind === 'ask' || waiting.kind === 'buttons') && waiting.step !== current.start && current.id !== target.flow;
    if (current && inProgress && waiting.step && !this.state.suspended.some((entry) => entry.flow === current.id)) {
      this.state.suspended.push({ flow: current.id, step: waiting.step });
      this.events.push({ type: 'flow_suspended', flow: current.id, step: waiting.step, for: target.flow });
    }
    this.fillFromUnderstanding(understanding);
    this.startFlow(target.flow, 'trigger', target.step ?? undefined);
  }

  /** Products and provinces named in the message fill their slots, so the flow doesn't ask again. */
  private fillFromUnderstanding(understanding: Understanding): void {
    const product = understanding.products[0];
    if (product) this.state.slots.product = product;
    const province = understanding.provinces[0];
    const name = province ? provinceById(province)?.name : undefined;
    if (name) this.state.slots.province = name;
  }

  private startFlow(id: string, via: 'trigger' | 'button' | 'goto' | 'resume' | 'menu' | 'scheduled', stepId?: string): void {
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
    this.enterStep(flow, stepId && flow.steps[stepId] ? stepId : flow.start);
  }

  private enterStep(flow: Flow, stepId: string): void {
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
    if (step.ask && step.save && this.state.slots[step.save] !== undefined && !step.always) {
      return this.exitStep(flow.id, stepId, step);
    }
    if (step.action) {
      this.events.push({ type: 'action', flow: flow.id, step: stepId, action: step.action });
      const outcome = runAction(step.action, { flows: this.flows, state: this.state, context: this.context, flowId: flow.id });
      this.effects.push(...outcome.effects);
      for (const event of outcome.events ?? []) this.events.push('step' in event ? { ...event, step: stepId } : event);
      for (const text of outcome.say) this.say(text, outcome.variables);
      for (const reply of outcome.replies ?? []) this.reply(reply);
      if (outcome.mode === 'human') this.events.push({ type: 'handover', flow: flow.id });
    }
    for (const text of step.say === undefined ? [] : Array.isArray(step.say) ? step.say : [step.say]) {
      if (step.ask) continue;
      this.say(text);
    }
    const image = step.image ? this.render(step.image) : '';
    if (image) this.reply({ kind: 'image', url: image });
    if (step.ask) {
      if (step.ask === 'photo' && Array.isArray(this.state.slots[step.save!])) delete this.state.slots[step.save!];
      this.state.waiting = { kind: 'ask', flow: flow.id, step: stepId };
      const question = (Array.isArray(step.say) ? step.say : step.say ? [step.say] : []).map((text) => this.render(text));
      const last = question.pop() ?? '';
      for (const text of question) if (text) this.reply({ kind: 'text', text });
      this.reply({ kind: 'text', text: last, ...this.askExtras(step) });
      return;
    }
    if (step.buttons) {
      this.state.waiting = { kind: 'buttons', flow: flow.id, step: stepId };
      // While another flow waits unfinished, every menu of choices also offers to go back to it.
      const resumable = this.state.suspended.at(-1);
      const resume = resumable && resumable.flow !== flow.id ? [{ label: this.render(this.flows.shop.texts.resume_yes), value: 'resume:yes' }] : [];
      return this.showButtons([...resume, ...stepButtons(step, this.flows.shop)]);
    }
    this.exitStep(flow.id, stepId, step);
  }

  private exitStep(flowId: string, stepId: string, step: Step): void {
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
      if (flow) this.events.push({ type: 'flow_ended', flow: flow.id });
      return this.startFlow(target.slice('flow:'.length), 'goto');
    }
    if (!flow?.steps[target]) return this.fallback('');
    this.enterStep(flow, target);
  }

  private endFlow(flow: Flow): void {
    this.events.push({ type: 'flow_ended', flow: flow.id });
    this.state.waiting = { kind: 'none' };
    this.state.buttons = [];
    const resumable = this.state.suspended.at(-1);
    if (resumable && resumable.flow !== flow.id) {
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
    this.state.suspended = this.state.suspended.filter((entry) => entry.flow !== flow.id);
    if (this.state.mode === 'human') return;
    if (flow.satisfaction && this.shouldAskSatisfaction(false)) return this.askSatisfaction(flow.id);
    this.state.flow = null;
    this.state.step = null;
  }

  private resume(): void {
    const entry = this.state.suspended.pop();
    const flow = entry && this.flows.flows.get(entry.flow);
    if (!entry || !flow?.steps[entry.step]) return this.showMenu();
    this.events.push({ type: 'flow_started', flow: flow.id, via: 'resume' });
    this.enterStep(flow, entry.step);
  }

  private declineResume(): void {
    this.state.suspended = [];
    if (this.shouldAskSatisfaction(false)) return this.askSatisfaction(this.state.flow ?? 'resume');
    this.showMenu();
  }

  // ── Satisfaction and endings ──────────────────────────────────────────────

  private shouldAskSatisfaction(afterHuman: boolean): boolean {
    const enabled = this.flows.shop.satisfaction.enabled;
    return enabled && !this.state.satisfaction.asked && (afterHuman || this.state.ended === null);
  }

  private askSatisfaction(flowId: string): void {
    const texts = this.flows.shop.texts;
    this.state.satisfaction.asked = true;
    this.state.waiting = { kind: 'satisfaction' };
    this.state.retries = 0;
    this.events.push({ type: 'satisfaction_asked', flow: flowId });
    const buttons = texts.satisfaction_labels.map((label, i) => ({ label: `${'⭐'.repeat(i + 1)} ${label}`, value: `csat:${i + 1}` })).reverse();
    this.reply({ kind: 'text', text: this.render(texts.satisfaction_question), buttons: this.remember(buttons) });
  }

  private endConversation(outcome: Outcome): void {
    this.state.ended = outcome;
    this.state.waiting = { kind: 'none' };
    this.state.buttons = [];
    this.events.push({ type: 'conversation_ended', outcome });
    this.effects.push({ type: 'conversation_ended', outcome });
  }

  // ── Replies ───────────────────────────────────────────────────────────────

  private fallback(text: string): void {
    const texts = this.flows.shop.texts;
    this.state.fallbacks++;
    this.events.push({ type: 'fallback', text: text.slice(0, 500) });
    if (this.state.fallbacks >= FALLBACKS_BEFORE_HUMAN) {
      this.state.fallbacks = 0;
      return this.offerHuman([]);
    }
    this.state.waiting = { kind: 'buttons', flow: null, step: null };
    this.say(texts.fallback);
    this.showButtons([...menuButtons(this.flows.shop), { label: texts.human_button, value: 'flow:human' }]);
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
  private repeatPrompt(prefix?: string): void {
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
    this.showMenu();
  }

  private askExtras(step: Step): { buttons?: Button[]; askPhone?: boolean } {
    const buttons = this.remember(answerButtons(step, this.flows.shop));
    return { ...(buttons.length > 0 ? { buttons } : {}), ...(step.ask === 'phone' ? { askPhone: true } : {}) };
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

  private say(template: string, extras?: Record<string, string>): void {
    const text = this.render(template, extras);
    if (text) this.reply({ kind: 'text', text });
  }

  private reply(message: Outbound): void {
    this.replies.push(message);
  }

  private render(template: string, extras?: Record<string, string>): string {
    return renderTemplate(template, this.variables(extras));
  }

  private variables(extras: Record<string, string> = {}, slots?: Record<string, SlotValue>) {
    const state = slots ? { ...this.state, slots: { ...this.state.slots, ...slots } } : this.state;
    return variablesFor(this.flows, state, this.context, extras);
  }

  private stepOf(flowId: string, stepId: string): Step | undefined {
    return this.flows.flows.get(flowId)?.steps[stepId];
  }
}
