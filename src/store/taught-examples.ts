import type { Kysely } from 'kysely';
import { foldKey } from '../text/fold';
import type { Database } from './database';

/** A lesson as the dashboard shows it; flow and faq both null mean "not for the shop". */
export interface TaughtExampleRow {
  id: number;
  text: string;
  flow: string | null;
  faq: string | null;
  createdAt: string;
}

/** Teaches one message; teaching the same words again (tones and case aside) replaces the answer. */
export async function teachExample(db: Kysely<Database>, lesson: { text: string; flow: string | null; faq: string | null; now: string }): Promise<void> {
  const row = { text: lesson.text.trim().slice(0, 500), text_key: foldKey(lesson.text), flow: lesson.flow, faq: lesson.faq, created_at: lesson.now };
  await db
    .insertInto('taught_examples')
    .values(row)
    .onConflict((conflict) => conflict.column('text_key').doUpdateSet({ text: row.text, flow: row.flow, faq: row.faq, created_at: row.created_at }))
    .execute();
}

export async function taughtExamples(db: Kysely<Database>): Promise<TaughtExampleRow[]> {
  const rows = await db.selectFrom('taught_examples').selectAll().orderBy('id', 'desc').execute();
  return rows.map((row) => ({ id: row.id, text: row.text, flow: row.flow, faq: row.faq, createdAt: row.created_at }));
}

export async function forgetExample(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('taught_examples').where('id', '=', id).execute();
}

/** The folded keys already taught, so the list of not-understood messages leaves them out. */
export async function taughtKeys(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('taught_examples').select('text_key').execute();
  return new Set(rows.map((row) => row.text_key));
}
