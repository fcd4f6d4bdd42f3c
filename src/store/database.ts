import type { Generated } from 'kysely';

/** Every table, as `migrations/*.sql` creates it. Dates are ISO-8601 text; JSON columns are text. */
export interface Database {
  customers: CustomerTable;
  conversations: ConversationTable;
  messages: MessageTable;
  events: EventTable;
  orders: OrderTable;
  return_requests: ReturnRequestTable;
  processed_updates: ProcessedUpdateTable;
  outbox: OutboxTable;
  scheduled_messages: ScheduledMessageTable;
  admin_sessions: AdminSessionTable;
  last_good_flows: LastGoodFlowsTable;
  bank_transfers: BankTransferTable;
  taught_examples: TaughtExampleTable;
  touchpoint_days: TouchpointDayTable;
  conversation_returns: ConversationReturnTable;
  customer_visits: CustomerVisitTable;
  touchpoint_visits: TouchpointVisitTable;
  d1_migrations: MigrationTable;
}

/** The channel column holds one of these (or the name of a channel module registered apart). */
export type { ChannelName as Channel } from '../channel-names';

export interface CustomerTable {
  id: string;
  channel: string;
  chat_id: string;
  display_name: string | null;
  name: string | null;
  phone: string | null;
  address: string | null;
  blocked: Generated<number>;
  opted_out: Generated<number>;
  created_at: string;
  last_seen_at: string;
}

export interface ConversationTable {
  id: string;
  customer_id: string;
  channel: string;
  status: 'open' | 'closed';
  started_at: string;
  last_activity_at: string;
  ended_at: string | null;
  outcome: string | null;
  entry_flow: string | null;
  stage: string | null;
  phase: string | null;
  message_count: number;
  first_response_ms: number | null;
  satisfaction_asked: number;
  satisfaction_score: number | null;
  satisfaction_comment: string | null;
  mode: string;
  state: string;
  flows_version: string;
  version: number;
}

export interface MessageTable {
  id: Generated<number>;
  conversation_id: string;
  direction: 'in' | 'out';
  kind: string;
  text: string | null;
  payload: string | null;
  created_at: string;
}

export interface EventTable {
  id: Generated<number>;
  conversation_id: string;
  type: string;
  flow: string | null;
  step: string | null;
  detail: string | null;
  created_at: string;
}

export interface OrderTable {
  id: string;
  code: string;
  customer_id: string;
  conversation_id: string | null;
  channel: string;
  items: string;
  subtotal: number;
  discount: number;
  shipping_fee: number;
  total: number;
  promo_code: string | null;
  contact_name: string;
  phone: string;
  address: string;
  province: string | null;
  note: string | null;
  payment_method: string;
  payment_status: string;
  shipping_status: string;
  tracking_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReturnRequestTable {
  id: string;
  order_code: string;
  customer_id: string;
  conversation_id: string | null;
  problem: string;
  photos: string;
  resolution: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ProcessedUpdateTable {
  channel: string;
  update_id: string;
  processed_at: string;
}

export interface OutboxTable {
  id: string;
  conversation_id: string | null;
  recipient: 'customer' | 'owner';
  channel: string;
  chat_id: string;
  payload: string;
  /** sending: taken by a sender for one attempt until next_attempt_at (the lease). */
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1: its customer erased their data; the payload is emptied once sent (migrations/0005). */
  erase_after_send: Generated<number>;
}

/** Messages the bot sends on its own later (migrations/0004_after_sale.sql). */
export interface ScheduledMessageTable {
  id: string;
  customer_id: string;
  kind: string;
  key: string;
  due_at: string;
  payload: string;
  status: 'pending' | 'sent' | 'cancelled';
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The owner's dashboard sessions (migrations/0005_reliability.sql). */
export interface AdminSessionTable {
  id: string;
  key_id: string;
  created_at: string;
  expires_at: string;
}

/** The latest flows that loaded without errors, kept for a start-up with a broken flows folder. */
/** A message the owner taught (migration 0008): flow or FAQ entry it belongs to; both null = not for the shop. */
export interface TaughtExampleTable {
  id: Generated<number>;
  text: string;
  text_key: string;
  flow: string | null;
  faq: string | null;
  created_at: string;
}

export interface LastGoodFlowsTable {
  id: number;
  version: string;
  files: string;
  saved_at: string;
}

/** Transfers the bank-notification service reported, matched to an order or not (migrations/0007_bank_transfers.sql). */
export interface BankTransferTable {
  id: string;
  source: string;
  external_id: string;
  bank: string;
  account_number: string;
  sub_account: string | null;
  direction: 'in' | 'out';
  amount: number;
  content: string;
  reference_code: string | null;
  transferred_at: string;
  received_at: string;
  order_code: string | null;
  outcome: 'paid' | 'partly_paid' | 'overpaid' | 'unmatched';
  unmatched_reason: string | null;
  matched_by: 'auto' | 'owner' | null;
  matched_at: string | null;
}

/** Touchpoint counts per UTC day of started_at, kept by triggers (migrations/0009); '' for no flow, stage or phase. */
export interface TouchpointDayTable {
  day: string;
  channel: string;
  entry_flow: string;
  stage: string;
  phase: string;
  conversations: number;
  closed: number;
  completed: number;
  abandoned: number;
  closed_abandoned: number;
  handed_over: number;
  answered: number;
  scored: number;
  score_sum: number;
  score_1: number;
  score_2: number;
  score_3: number;
  score_4: number;
  score_5: number;
  responded: number;
  returned_high: number;
  returned_low: number;
}

/** Conversations followed by an order of their customer within 60 days (not their own, not cancelled), kept by triggers (migrations/0009). */
export interface ConversationReturnTable {
  conversation_id: string;
  customer_id: string;
  channel: string;
  stage: string | null;
  phase: string | null;
  started_at: string;
}

/** Each conversation's place among its customer's conversations, kept by triggers (migrations/0009). */
export interface CustomerVisitTable {
  conversation_id: string;
  customer_id: string;
  channel: string;
  started_at: string;
  previous_started_at: string | null;
  visit: number;
}

/** Each conversation's link to its customer's previous one at the same stage × phase × channel, kept by triggers (migrations/0015). */
export interface TouchpointVisitTable {
  conversation_id: string;
  stage: string | null;
  phase: string | null;
  channel: string;
  started_at: string;
  previous_started_at: string | null;
}

export interface MigrationTable {
  id: Generated<number>;
  name: string;
  applied_at: Generated<string>;
}
