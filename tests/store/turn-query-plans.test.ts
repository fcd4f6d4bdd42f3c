import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/inbound';
import { startHarness, tempDatabasePath, WebVisitor, type Harness } from '../support/harness';

const prepared = new Set<string>();
const prepare = Database.prototype.prepare;
const file = tempDatabasePath();
let harness: Harness;

afterAll(async () => {
  Database.prototype.prepare = prepare;
  await harness?.close();
  file.cleanup();
});

/** Every statement the shop prepares while whole conversations run: what a turn, its delivery and the web chat's pull execute. */
async function statementsOfConversations(): Promise<string[]> {
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    prepared.add(source);
    return prepare.call(this, source);
  } as typeof prepare;
  harness = await startHarness({ path: file.path, senders: { telegram: { send: async () => ({ messageIds: ['1'] }) } } });
  let update = 0;
  const say = async (text: string) => {
    let delivered: Promise<unknown> = Promise.resolve();
    const event: InboundEvent = { channel: 'telegram', updateId: `u-${update++}`, chatId: 'c-1', userId: 'c-1', message: { kind: 'text', text } };
    await harness.receive(event, (work) => (delivered = work));
    await delivered;
  };
  for (const text of ['chào shop', 'xoai cat 4 ky', 'không', 'Nguyễn Văn An', '0912 345 678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'ok chốt', '5']) await say(text);
  const visitor = new WebVisitor(harness.app);
  await visitor.say('gia xoai bao nhieu');
  await harness.delivery.retryDue();
  Database.prototype.prepare = prepare;
  // What runs once at start-up (applying migrations) is left out.
  return [...prepared].filter((source) => /^\s*(select|insert|update|delete|with)\b/i.test(source) && !source.includes('d1_migrations'));
}

/** SQLite's plan of a statement, its parameters unbound (the plan of a turn's statements does not hang on their values). */
function planOf(db: Database.Database, source: string): string[] {
  const parameters = source.replace(/'[^']*'/g, '').split('?').length - 1;
  return (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...Array.from({ length: parameters }, () => null)) as { detail: string }[]).map((row) => row.detail);
}

describe('the statements of a turn, its delivery and the web chat', () => {
  it('read every table through an index: none scans a table whose rows grow with the shop', async () => {
    const statements = await statementsOfConversations();
    expect(statements.length).toBeGreaterThan(20);
    const db = new Database(file.path, { readonly: true });
    try {
      const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
      const scans = statements.flatMap((source) =>
        planOf(db, source)
          // A scan of a subquery's rows (`obj`, `agg`) is not a scan of a table.
          .filter((step) => tables.has(/^SCAN (\w+)/.exec(step)?.[1] ?? ''))
          // The index of undelivered rows holds a handful at any time: the retry timer reads it whole.
          .filter((step) => !/USING (COVERING )?INDEX outbox_undelivered/.test(step))
          // An insert of a conversation plans a look at the tables referring to it, which runs only while a deferred foreign-key violation is outstanding: never here.
          .filter(() => !/^insert into "conversations"/.test(source))
          .map((step) => `${step}  ←  ${source.slice(0, 160)}`),
      );
      expect(scans).toEqual([]);
      // A chat's undelivered rows are a handful; its history through outbox_chat may be thousands.
      const undelivered = statements.filter((source) => source.includes("status in ('pending', 'sending')") && source.includes('"outbox"') && !source.includes('"id" = ?'));
      expect(undelivered.length).toBeGreaterThan(2);
      const throughHistory = undelivered.filter((source) => !planOf(db, source).some((step) => step.includes('outbox_undelivered')));
      expect(throughHistory).toEqual([]);
    } finally {
      db.close();
    }
  });
});
