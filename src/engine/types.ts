import type { JourneyPhase, JourneyStage } from '../flows/schema';

/** One thing a customer did, whatever the platform. */
export type Inbound =
  | { kind: 'text'; text: string }
  | { kind: 'button'; value: string }
  | { kind: 'contact'; phone: string; name?: string }
  | { kind: 'photo'; ref: string; caption?: string }
  | { kind: 'location'; latitude: number; longitude: number; province?: string }
  /** The owner hands a paused conversation back to the bot. */
  | { kind: 'handback' }
  /**
   * A message the shop scheduled (a check-in, an unfinished order, a repurchase): starts
   * `flow` with these slots (and cart), so what is said comes from the flow files.
   */
  | { kind: 'scheduled'; message: string; flow: string; slots: Record<string, SlotValue>; cart?: CartItem[] };

export interface Button {
  label: string;
  /** Short and stable (at most 64 bytes): Telegram callback data, web chip value. */
  value: string;
}

/** One thing the bot says back. */
export type Outbound =
  | { kind: 'text'; text: string; buttons?: Button[]; askPhone?: boolean }
  | { kind: 'image'; url: string; caption?: string }
  /** A VietQR code for a bank transfer of `amount` đồng with `orderCode` as the note; channels draw it (src/channels/media). */
  | { kind: 'payment_qr'; orderCode: string; amount: number; caption: string };

export type Outcome = 'completed' | 'abandoned' | 'handed_over';

/** What the dashboard's funnels and reports are built from. Never carries phone or address values. */
export type EngineEvent =
  | { type: 'flow_started'; flow: string; via: 'trigger' | 'button' | 'goto' | 'resume' | 'menu' | 'scheduled' }
  | { type: 'step_entered'; flow: string; step: string }
  | { type: 'slot_filled'; flow: string; step: string; slot: string }
  | { type: 'retry'; flow: string; step: string; slot: string }
  | { type: 'fallback'; text: string }
  | { type: 'action'; flow: string; step: string; action: string }
  | { type: 'flow_suspended'; flow: string; step: string; for: string }
  | { type: 'flow_ended'; flow: string }
  | { type: 'satisfaction_asked'; flow: string }
  | { type: 'satisfaction_answered'; score: number }
  | { type: 'satisfaction_comment'; comment: string }
  | { type: 'satisfaction_unanswered' }
  | { type: 'handover'; flow: string }
  | { type: 'conversation_ended'; outcome: Outcome }
  /** The product's own score (1–5) from an after-sale check-in, apart from the conversation's. */
  | { type: 'product_satisfaction_answered'; flow: string; step: string; score: number; order_code: string | null; product: string | null }
  /** "Would you recommend us" (0–10) with the customer's reason, from the check-in. */
  | { type: 'nps_answered'; flow: string; step: string; score: number; reason: string | null; order_code: string | null }
  /** Why a reminded cart was left, and the flow and step where it was left. */
  | { type: 'cart_left_reason'; flow: string; step: string; reason: string; note: string | null; left_flow: string | null; left_step: string | null }
  | { type: 'scheduled_message'; flow: string; message: string }
  | { type: 'opted_out' }
  | { type: 'personal_data_requested'; request: 'export' | 'delete' };

export interface OrderLine {
  productId: string;
  name: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

export interface Quote {
  lines: OrderLine[];
  subtotal: number;
  shippingFee: number;
  /** Fee before promotions or thresholds made it free. */
  baseShippingFee: number;
  zoneId: string | null;
  deliveryDays: string | null;
  discounts: { code: string; title: string; amount: number }[];
  discountTotal: number;
  freeShippingReason: string | null;
  total: number;
}

export interface NewOrder {
  code: string;
  quote: Quote;
  contactName: string;
  phone: string;
  address: string;
  province: string | null;
  paymentMethod: string;
  note: string | null;
  promoCode: string | null;
}

export interface NewReturnRequest {
  orderCode: string;
  problem: string;
  photos: string[];
  resolution: string;
}

/** Side effects the engine asks for; the conversation layer carries them out in the same write. */
export type Effect =
  | { type: 'create_order'; order: NewOrder }
  | { type: 'open_return'; request: NewReturnRequest }
  | { type: 'payment_claimed'; orderCode: string }
  | { type: 'notify_owner'; flow: string; summary: string }
  | { type: 'handover'; flow: string }
  | { type: 'customer_profile'; name?: string; phone?: string; address?: string }
  | { type: 'conversation_ended'; outcome: Outcome }
  /** The customer wants no more scheduled messages ("dừng", "/stop"). */
  | { type: 'opt_out' }
  /** What the shop holds about the customer: sent to them, or erased. */
  | { type: 'personal_data'; request: 'export' | 'delete' };

export type SlotValue = string | number | boolean | { amount: number; unit: string | null } | string[];

export interface CartItem {
  productId: string;
  quantity: number;
}

export type Waiting =
  | { kind: 'none' }
  | { kind: 'ask'; flow: string; step: string }
  | { kind: 'buttons'; flow: string | null; step: string | null }
  | { kind: 'resume' }
  | { kind: 'satisfaction' }
  | { kind: 'satisfaction_comment' };

/** Everything the engine remembers about one conversation; stored as JSON. */
export interface ConversationState {
  flow: string | null;
  step: string | null;
  waiting: Waiting;
  slots: Record<string, SlotValue>;
  cart: CartItem[];
  /** Flows interrupted by a question on another topic, most recent last. */
  suspended: { flow: string; step: string }[];
  /** The buttons last shown, so a typed number or label counts as a tap. */
  buttons: Button[];
  retries: number;
  fallbacks: number;
  mode: 'bot' | 'human';
  entryFlow: string | null;
  stage: JourneyStage | null;
  phase: JourneyPhase | null;
  satisfaction: { asked: boolean; score: number | null; comment: string | null };
  lastOrder: { code: string; total: number } | null;
  ended: Outcome | null;
}

export interface KnownOrder {
  code: string;
  status: string;
  total: number;
  createdAt: string;
  /** The promotion code the order used: once-per-customer codes are checked against it. */
  promoCode?: string | null;
  /** What the order held, when the store read it: a complaint naming a product means an order with it. */
  items?: CartItem[];
}

/** What the turn knows from outside the engine, read before it runs. */
export interface TurnContext {
  now: Date;
  /** A fresh order code, used only if this turn creates an order. */
  orderCode: string;
  customer: {
    name: string | null;
    orders: KnownOrder[];
    /** The stored contact of a returning customer; absent for a new one. */
    phone?: string | null;
    address?: string | null;
    lastOrder?: { code: string; contactName: string; province: string | null; items: CartItem[] } | null;
    /** An unfinished cart the bot reminded the customer of (newer than the last order): reordering restores it. */
    remindedCart?: CartItem[] | null;
  };
}

export interface TurnResult {
  state: ConversationState;
  replies: Outbound[];
  events: EngineEvent[];
  effects: Effect[];
}

export function initialState(): ConversationState {
  return {
    flow: null,
    step: null,
    waiting: { kind: 'none' },
    slots: {},
    cart: [],
    suspended: [],
    buttons: [],
    retries: 0,
    fallbacks: 0,
    mode: 'bot',
    entryFlow: null,
    stage: null,
    phase: null,
    satisfaction: { asked: false, score: null, comment: null },
    lastOrder: null,
    ended: null,
  };
}
