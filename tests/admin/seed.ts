import type { ShopFlows } from '../../src/flows/schema';
import type { Store } from '../../src/store/index';

/**
 * A month of a small shop's life, generated from a seed: customers on three channels,
 * conversations through the real flows' steps (some finished, some dropped), transcripts,
 * funnel events, orders and return requests. Tests compute what the dashboard should
 * show from these arrays directly, never through the dashboard's SQL.
 */
export interface SeedCustomer {
  id: string;
  channel: string;
  name: string | null;
  phone: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export interface SeedConversation {
  id: string;
  customerId: string;
  channel: string;
  status: 'open' | 'closed';
  startedAt: string;
  lastActivityAt: string;
  endedAt: string | null;
  outcome: 'completed' | 'abandoned' | 'handed_over' | null;
  entryFlow: string | null;
  stage: string | null;
  phase: string | null;
  messageCount: number;
  firstResponseMs: number | null;
  asked: boolean;
  score: number | null;
  comment: string | null;
  /** The customer asked for a person (a handover row), whatever the outcome. */
  askedForPerson: boolean;
}

export interface SeedMessage {
  conversationId: string;
  direction: 'in' | 'out';
  kind: string;
  text: string | null;
  payload: unknown;
  createdAt: string;
}

export interface SeedEvent {
  conversationId: string;
  type: string;
  flow: string | null;
  step: string | null;
  detail: unknown;
  createdAt: string;
}

export interface SeedOrder {
  id: string;
  code: string;
  customerId: string;
  conversationId: string;
  channel: string;
  subtotal: number;
  shippingFee: number;
  total: number;
  paymentMethod: string;
  paymentStatus: string;
  shippingStatus: string;
  createdAt: string;
}

export interface SeedReturn {
  id: string;
  orderCode: string;
  customerId: string;
  conversationId: string;
  photos: string[];
  status: string;
  createdAt: string;
}

export interface SeededShop {
  customers: SeedCustomer[];
  conversations: SeedConversation[];
  messages: SeedMessage[];
  events: SeedEvent[];
  orders: SeedOrder[];
  returns: SeedReturn[];
}

/** Phrases the bot "did not understand", several spellings of the same question. */
export const FALLBACK_TEXTS = ['ship ko', 'Ship ko?', 'shíp ko', 'gia bn 1kg', 'Giá bn 1kg', 'co ban si ko', 'dc ko sh', 'alo'];
const COMMENTS_LOW = ['giao chậm quá', 'xoài bị dập 2 trái', 'hỏi mãi bot không hiểu', '=HYPERLINK("http://x")'];
const COMMENTS_HIGH = ['+ giao nhanh, trái ngọt', 'shop dễ thương'];
const NAMES = ['Trần Thị Bích', 'Nguyễn Văn An', 'Lê Hoàng Nam', 'Phạm Thu Hà', 'Võ Minh Tâm', 'Đặng Ngọc Lan', null];
const PHOTOS = ['AgACAgUAAxkBAAIBQ2abc', 'https://example.vn/anh/xoai-dap.jpg'];
const NEWCOMERS = 5;
const CHANNELS = ['telegram', 'telegram', 'zalo', 'web', 'terminal'] as const;
/** Vietnam is UTC+7 all year: the seed places conversations in local days with plain arithmetic. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateShop(flows: ShopFlows, options: { now: Date; days?: number; seed?: number; customers?: number }): SeededShop {
  const random = mulberry32(options.seed ?? 20260512);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const days = options.days ?? 35;
  const customerCount = options.customers ?? 160;
  const flowIds = [...flows.flows.keys()];
  const now = options.now.getTime();
  const todayStart = Math.floor((now + VIETNAM_OFFSET_MS) / 86_400_000) * 86_400_000 - VIETNAM_OFFSET_MS;

  const customers: SeedCustomer[] = Array.from({ length: customerCount }, (_, index) => {
    const channel = CHANNELS[index % CHANNELS.length]!;
    return { id: `${channel}:${1000 + index}`, channel, name: pick(NAMES), phone: random() < 0.5 ? `09${String(10_000_000 + index).slice(0, 8)}` : null, createdAt: '', lastSeenAt: '' };
  });
  const shop: SeededShop = { customers: [], conversations: [], messages: [], events: [], orders: [], returns: [] };
  let orderNumber = 100;
  const openCustomers = new Set<string>();

  for (let day = days - 1; day >= 0; day--) {
    const dayStart = todayStart - day * 86_400_000;
    const starts = Array.from({ length: 6 + Math.floor(random() * 10) }, () => dayStart + Math.floor(random() * 86_400_000)).sort((a, b) => a - b);
    for (const start of starts) {
      if (start > now - 60_000) continue;
      // In a month-long seed, a few newcomers find the shop in the last days and come back within the same week.
      const newcomer = days > 14 && day <= 4 && random() < 0.25;
      const customer = newcomer ? customers[customerCount - 1 - Math.floor(random() * NEWCOMERS)]! : customers[Math.floor(random() ** 2 * (customerCount - NEWCOMERS))]!;
      const id = `c${String(shop.conversations.length + 1).padStart(5, '0')}`;
      const entryFlow = random() < 0.04 ? null : pick(flowIds);
      const flow = entryFlow ? flows.flows.get(entryFlow)! : undefined;
      const steps = flow ? Object.keys(flow.steps) : [];
      const depth = steps.length === 0 ? 0 : random() < 0.45 ? steps.length : 1 + Math.floor(random() * steps.length);
      const finished = depth === steps.length;
      const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
      // One open conversation per customer, as the database insists.
      const open = start > now - 3 * 3_600_000 && !openCustomers.has(customer.id);
      if (open) openCustomers.add(customer.id);
      const outcome: SeedConversation['outcome'] = open ? null : finished ? (random() < 0.1 ? 'handed_over' : 'completed') : random() < 0.75 ? 'abandoned' : 'handed_over';
      // A customer may score and write again at once: an open conversation with a score.
      const asked = outcome === 'completed' || open;
      // A person answered, then handed the customer back to the bot, which finished the flow.
      const askedForPerson = outcome === 'handed_over' || (outcome === 'completed' && random() < 0.12);
      const score = asked && (open || random() < 0.75) ? weightedScore(random()) : null;
      const comment = score === null ? null : score <= 3 && random() < 0.6 ? pick(COMMENTS_LOW) : score === 5 && random() < 0.2 ? pick(COMMENTS_HIGH) : null;

      const messages: SeedMessage[] = [];
      const say = (direction: 'in' | 'out', kind: string, text: string | null, payload: unknown = null) =>
        messages.push({ conversationId: id, direction, kind, text, payload, createdAt: at(messages.length * 30) });
      say('in', 'text', random() < 0.06 ? 'cho hỏi sầu riêng Ri6 còn không' : 'shop ơi');
      say('out', 'text', 'Dạ shop chào anh/chị, anh/chị cần gì ạ?', { buttons: [{ label: '🛒 Đặt hàng', value: 'flow:order' }, { label: '🙋 Gặp người thật', value: 'flow:human' }] });
      say('in', 'button', null, { value: 'flow:order' });
      const fallback = random() < 0.25 ? pick(FALLBACK_TEXTS) : null;
      if (fallback) {
        say('in', 'text', fallback);
        say('out', 'text', 'Dạ em chưa hiểu ý anh/chị.');
      }
      if (entryFlow === 'returns') say('in', 'photo', 'trái bị dập', { ref: pick(PHOTOS) });

      const events: SeedEvent[] = [];
      const event = (type: string, flowId: string | null, step: string | null, detail: unknown, seconds: number) =>
        events.push({ conversationId: id, type, flow: flowId, step, detail, createdAt: at(seconds) });
      if (fallback) event('fallback', null, null, { text: fallback }, 20);
      if (entryFlow) event('flow_started', entryFlow, null, { via: 'trigger' }, 30);
      for (let index = 0; index < depth; index++) event('step_entered', entryFlow, steps[index]!, null, 40 * (index + 1));
      // A customer who answers badly enters the same step again: funnels count conversations, not visits.
      if (depth > 0 && random() < 0.15) event('step_entered', entryFlow, steps[depth - 1]!, null, 40 * depth + 10);
      if (askedForPerson) event('handover', entryFlow, null, null, 40 * depth + 20);
      if (score !== null) event('satisfaction_answered', null, null, { score }, 40 * depth + 30);
      if (outcome) event('conversation_ended', null, null, { outcome }, 40 * depth + 60);

      const lastActivity = Math.max(...messages.map((m) => Date.parse(m.createdAt)), ...events.map((e) => Date.parse(e.createdAt)));
      shop.conversations.push({
        id,
        customerId: customer.id,
        channel: customer.channel,
        status: open ? 'open' : 'closed',
        startedAt: at(0),
        lastActivityAt: new Date(lastActivity).toISOString(),
        endedAt: open ? null : new Date(lastActivity).toISOString(),
        outcome,
        entryFlow,
        stage: flow?.stage ?? null,
        phase: flow?.phase ?? null,
        messageCount: messages.length,
        firstResponseMs: random() < 0.05 ? null : 300 + Math.floor(random() * 4000),
        asked,
        score,
        comment,
        askedForPerson,
      });
      shop.messages.push(...messages);
      shop.events.push(...events);
      if (!customer.createdAt) customer.createdAt = at(0);
      customer.lastSeenAt = at(0);

      if (entryFlow === 'order' && outcome === 'completed') {
        const subtotal = (100 + Math.floor(random() * 800)) * 1000;
        const shippingFee = pick([0, 20_000, 30_000]);
        shop.orders.push({
          id: `o${orderNumber}`,
          code: `XB${orderNumber++}`,
          customerId: customer.id,
          conversationId: id,
          channel: customer.channel,
          subtotal,
          shippingFee,
          total: subtotal + shippingFee,
          paymentMethod: pick(['cod', 'bank']),
          paymentStatus: pick(['unpaid', 'awaiting_confirmation', 'paid', 'paid', 'refunded']),
          shippingStatus: pick(['new', 'confirmed', 'shipped', 'delivered', 'delivered', 'cancelled', 'returned']),
          createdAt: at(300),
        });
      }
      if (entryFlow === 'returns' && outcome === 'completed') {
        const earlier = shop.orders.filter((order) => order.customerId === customer.id);
        shop.returns.push({
          id: `r${shop.returns.length + 1}`,
          orderCode: earlier.length > 0 ? earlier[earlier.length - 1]!.code : 'XB099',
          customerId: customer.id,
          conversationId: id,
          photos: random() < 0.7 ? [pick(PHOTOS)] : [],
          status: pick(['open', 'open', 'accepted', 'rejected', 'resolved']),
          createdAt: at(200),
        });
      }
    }
  }
  shop.customers = customers.filter((customer) => customer.createdAt !== '');
  return shop;
}

function weightedScore(draw: number): number {
  if (draw < 0.08) return 1;
  if (draw < 0.18) return 2;
  if (draw < 0.35) return 3;
  if (draw < 0.65) return 4;
  return 5;
}

/** Writes the generated shop straight into the tables, the way turns would have left them. */
export async function insertShop(store: Store, shop: SeededShop): Promise<void> {
  const db = store.db;
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  await inChunks(shop.customers, (rows) =>
    db
      .insertInto('customers')
      .values(rows.map((c) => ({ id: c.id, channel: c.channel, chat_id: c.id.split(':')[1]!, display_name: c.name, name: c.name, phone: c.phone, address: c.phone ? '12 Lê Lợi, Ninh Kiều, Cần Thơ' : null, created_at: c.createdAt, last_seen_at: c.lastSeenAt })))
      .execute(),
  );
  await inChunks(shop.conversations, (rows) =>
    db
      .insertInto('conversations')
      .values(
        rows.map((c) => ({
          id: c.id,
          customer_id: c.customerId,
          channel: c.channel,
          status: c.status,
          started_at: c.startedAt,
          last_activity_at: c.lastActivityAt,
          ended_at: c.endedAt,
          outcome: c.outcome,
          entry_flow: c.entryFlow,
          stage: c.stage,
          phase: c.phase,
          message_count: c.messageCount,
          first_response_ms: c.firstResponseMs,
          satisfaction_asked: c.asked ? 1 : 0,
          satisfaction_score: c.score,
          satisfaction_comment: c.comment,
          mode: c.outcome === 'handed_over' ? 'human' : 'bot',
          state: '{}',
          flows_version: 'seed',
          version: 1,
        })),
      )
      .execute(),
  );
  await inChunks(
    shop.conversations.filter((c) => c.askedForPerson),
    (rows) =>
      db
        .withTables<{ handovers: { conversation_id: string; customer_id: string; requested_at: string; owner_replied_at: string | null; customer_told_at: string | null } }>()
        .insertInto('handovers')
        .values(rows.map((c) => ({ conversation_id: c.id, customer_id: c.customerId, requested_at: c.startedAt, owner_replied_at: c.lastActivityAt, customer_told_at: null })))
        .execute(),
  );
  await inChunks(shop.messages, (rows) =>
    db
      .insertInto('messages')
      .values(rows.map((m) => ({ conversation_id: m.conversationId, direction: m.direction, kind: m.kind, text: m.text, payload: json(m.payload), created_at: m.createdAt })))
      .execute(),
  );
  await inChunks(shop.events, (rows) =>
    db
      .insertInto('events')
      .values(rows.map((e) => ({ conversation_id: e.conversationId, type: e.type, flow: e.flow, step: e.step, detail: json(e.detail), created_at: e.createdAt })))
      .execute(),
  );
  await inChunks(shop.orders, (rows) =>
    db
      .insertInto('orders')
      .values(
        rows.map((o) => ({
          id: o.id,
          code: o.code,
          customer_id: o.customerId,
          conversation_id: o.conversationId,
          channel: o.channel,
          items: JSON.stringify([{ productId: 'xoai_cat_hoa_loc', name: 'Xoài cát Hòa Lộc', quantity: 2, unit: 'kg', unitPrice: 85000, amount: 170000 }]),
          subtotal: o.subtotal,
          discount: 0,
          shipping_fee: o.shippingFee,
          total: o.total,
          promo_code: null,
          contact_name: 'Trần Thị Bích',
          phone: '0987654321',
          address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ',
          province: 'Cần Thơ',
          note: null,
          payment_method: o.paymentMethod,
          payment_status: o.paymentStatus,
          shipping_status: o.shippingStatus,
          tracking_code: null,
          created_at: o.createdAt,
          updated_at: o.createdAt,
        })),
      )
      .execute(),
  );
  await inChunks(shop.returns, (rows) =>
    db
      .insertInto('return_requests')
      .values(
        rows.map((r) => ({
          id: r.id,
          order_code: r.orderCode,
          customer_id: r.customerId,
          conversation_id: r.conversationId,
          problem: 'Xoài bị dập 2 trái',
          photos: JSON.stringify(r.photos),
          resolution: 'Đổi hàng',
          status: r.status,
          created_at: r.createdAt,
          updated_at: r.createdAt,
        })),
      )
      .execute(),
  );
}

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < rows.length; index += 200) await write(rows.slice(index, index + 200));
}
