import { DummyDriver, Kysely, type Selectable, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { OWNER_LOG_CHANNEL } from '../../src/conversation/owner-channel';
import { buildIdleCloseWrite, buildTurnWrite, type CustomerTurn } from '../../src/conversation/turn-write';
import { initialState, quoteOrder, type ConversationState, type Effect, type TurnResult } from '../../src/engine/index';
import type { ShopFlows } from '../../src/flows/schema';
import type { ConversationTable, Database, TurnSnapshot } from '../../src/store/index';
import { sampleFlows } from '../support/sample-flows';

/** Statements are compiled, never run: there is no database behind this Kysely. */
const db = new Kysely<Database>({
  dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (kysely) => new SqliteIntrospector(kysely), createQueryCompiler: () => new SqliteQueryCompiler() },
});

const now = new Date('2026-05-12T03:00:00Z');
let flows: ShopFlows;
let ids = 0;
const newId = () => `id-${String(++ids).padStart(3, '0')}`;

beforeAll(async () => {
  flows = await sampleFlows();
});

const emptySnapshot = (): TurnSnapshot => ({ processed: false, customer: undefined, conversation: undefined, recentOrders: [], orders: [], conversationCount: 0 });

function turn(effects: Effect[], state: Partial<ConversationState> = {}, snapshot = emptySnapshot()): CustomerTurn {
  const result: TurnResult = { state: { ...initialState(), ...state }, replies: [{ kind: 'text', text: 'Dạ em đã lên đơn XB001 🎉' }], events: [{ type: 'action', flow: 'order', step: 'create', action: 'create_order' }], effects };
  return {
    db,
    flows,
    now,
    before: initialState(),
    result,
    owner: { channel: 'telegram', chatId: '-100777' },
    newId,
    event: { channel: 'zalo', updateId: 'u-1', chatId: 'chat-1', userId: 'chat-1', displayName: 'Lan', message: { kind: 'text', text: 'đồng ý' } },
    snapshot,
    receivedAt: new Date(now.getTime() - 40),
  };
}

const sqlOf = (queries: readonly CompiledQuery[]) => queries.map((query) => query.sql);

function orderEffect(): Effect {
  const quote = quoteOrder(flows.shop, { cart: [{ productId: 'xoai_cat_hoa_loc', quantity: 2 }], province: 'Cần Thơ', promoCode: null, now });
  return {
    type: 'create_order',
    order: { code: 'XB001', quote, contactName: 'Trần Thị Bích', phone: '0987654321', address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ', province: 'Cần Thơ', paymentMethod: 'cod', note: null, promoCode: null },
  };
}

describe('the write of a turn, built without a database', () => {
  it('an order becomes its row, the owner’s notice after the customer’s reply, and its after-sale schedule', () => {
    const plan = buildTurnWrite(turn([orderEffect(), { type: 'customer_profile', name: 'Trần Thị Bích', phone: '0987654321' }]));
    expect(plan.write.orders).toMatchObject([{ code: 'XB001', contactName: 'Trần Thị Bích', paymentMethod: 'cod' }]);
    expect(plan.write.customer?.profile).toEqual({ name: 'Trần Thị Bích', phone: '0987654321' });
    expect(plan.write.outbox.map((row) => [row.recipient, row.channel, row.chatId])).toEqual([
      ['customer', 'zalo', 'chat-1'],
      ['owner', 'telegram', '-100777'],
    ]);
    expect((plan.write.outbox[1]!.payload as { text: string }).text).toContain('XB001');
    const sql = sqlOf(plan.queries);
    expect(sql[0]).toMatch(/^insert into "processed_updates"/);
    expect(sql.some((text) => text.startsWith('insert into "orders"'))).toBe(true);
    expect(sql.some((text) => text.startsWith('insert into "scheduled_messages"'))).toBe(true);
    expect(plan.write.conversation.fields.first_response_ms).toBe(40);
    expect(plan.erasesPersonalData).toBe(false);
  });

  it('without an owner chat the notices go to the log channel', () => {
    const plan = buildTurnWrite({ ...turn([{ type: 'payment_claimed', orderCode: 'XB001' }]), owner: null });
    expect(plan.write.paymentClaims).toEqual(['XB001']);
    expect(plan.write.outbox.at(-1)).toMatchObject({ recipient: 'owner', channel: OWNER_LOG_CHANNEL });
  });

  it('a customer asking for their data is told what the turn read, after the flow’s own words', () => {
    const snapshot: TurnSnapshot = {
      ...emptySnapshot(),
      customer: { id: 'zalo:chat-1', channel: 'zalo', chat_id: 'chat-1', display_name: 'Lan', name: 'Trần Thị Bích', phone: '0987654321', address: '45 Nguyễn Văn Cừ', blocked: 0, opted_out: 0, created_at: now.toISOString(), last_seen_at: now.toISOString() },
      orders: [{ code: 'XB002', total: 190000 }, { code: 'XB001', total: 345000 }],
      conversationCount: 2,
    };
    const plan = buildTurnWrite(turn([{ type: 'personal_data', request: 'export' }], {}, snapshot));
    const said = plan.write.outbox.filter((row) => row.recipient === 'customer').map((row) => (row.payload as { text: string }).text);
    expect(said).toHaveLength(2);
    expect(said[1]).toContain('0987654321');
    expect(said[1]).toMatch(/XB001.*XB002/);
    expect(plan.write.messages.map((message) => message.direction)).toEqual(['in', 'out', 'out']);
  });

  it('erasing personal data is part of the batch and asks for the checkpoint after it', () => {
    const plan = buildTurnWrite(turn([{ type: 'personal_data', request: 'delete' }, { type: 'opt_out' }]));
    expect(plan.erasesPersonalData).toBe(true);
    expect(sqlOf(plan.queries).some((text) => /update "customers"/.test(text))).toBe(true);
  });

  it('the idle close goes through the same builder: last activity kept, the unfinished cart reminded once', () => {
    const before: ConversationState = { ...initialState(), flow: 'order', step: 'ask_name', cart: [{ productId: 'xoai_cat_hoa_loc', quantity: 2 }] };
    const conversation: Selectable<ConversationTable> = {
      id: 'conv-1', customer_id: 'zalo:chat-1', channel: 'zalo', status: 'open', started_at: '2026-05-12T01:00:00.000Z', last_activity_at: '2026-05-12T02:00:00.000Z', ended_at: null,
      entry_flow: 'order', stage: null, phase: null, outcome: null, message_count: 6, first_response_ms: 30, satisfaction_asked: 0, satisfaction_score: null, satisfaction_comment: null,
      mode: 'bot', state: JSON.stringify(before), flows_version: flows.version, version: 3,
    };
    const result: TurnResult = { state: { ...before, ended: 'abandoned' }, replies: [], events: [{ type: 'conversation_ended', outcome: 'abandoned' }], effects: [{ type: 'conversation_ended', outcome: 'abandoned' }] };
    const plan = buildIdleCloseWrite({ db, flows, now, before, result, owner: null, newId, conversation, remindLater: true });
    expect(plan.write.update).toBeUndefined();
    expect(plan.write.conversation).toMatchObject({ expectedVersion: 3, fields: { status: 'closed', outcome: 'abandoned', last_activity_at: '2026-05-12T02:00:00.000Z', message_count: 6 } });
    expect(plan.write.outbox).toEqual([]);
    expect(sqlOf(plan.queries).filter((text) => text.startsWith('insert into "scheduled_messages"'))).toHaveLength(1);
    expect(buildIdleCloseWrite({ db, flows, now, before, result, owner: null, newId, conversation, remindLater: false }).queries.length).toBe(plan.queries.length - 1);
  });
});
