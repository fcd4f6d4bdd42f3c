import type { Selectable } from 'kysely';
import type { ConversationTable, CustomerTable, EventTable, MessageTable } from '../../store/index';
import { ordersOfConversation, type OrderRow } from './orders';
import type { ReportDb } from './range';
import { returnRequestsOfConversation, type ReturnRequestRow } from './returns';

export interface Transcript {
  conversation: Omit<Selectable<ConversationTable>, 'state'>;
  customer: Selectable<CustomerTable> | undefined;
  messages: Selectable<MessageTable>[];
  events: Selectable<EventTable>[];
  orders: OrderRow[];
  returns: ReturnRequestRow[];
}

/** A conversation as it happened: the messages both ways, the funnel events, what came of it. */
export async function transcript(db: ReportDb, conversationId: string): Promise<Transcript | undefined> {
  const conversation = await db
    .selectFrom('conversations')
    .select([
      'id',
      'customer_id',
      'channel',
      'status',
      'started_at',
      'last_activity_at',
      'ended_at',
      'outcome',
      'entry_flow',
      'stage',
      'phase',
      'message_count',
      'first_response_ms',
      'satisfaction_asked',
      'satisfaction_score',
      'satisfaction_comment',
      'mode',
      'flows_version',
      'version',
    ])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return undefined;
  const [customer, messages, events, orders, returns] = await Promise.all([
    db.selectFrom('customers').selectAll().where('id', '=', conversation.customer_id).executeTakeFirst(),
    db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).orderBy('id').limit(2000).execute(),
    db.selectFrom('events').selectAll().where('conversation_id', '=', conversationId).orderBy('id').limit(2000).execute(),
    ordersOfConversation(db, conversationId),
    returnRequestsOfConversation(db, conversationId),
  ]);
  return { conversation, customer, messages, events, orders, returns };
}
