import type { Kysely } from 'kysely';
import type { Database } from './database';

/** The owner's dashboard sessions: a cookie is good only while its row is here, under the password in force. */
export async function startAdminSession(db: Kysely<Database>, session: { id: string; keyId: string; now: string; expiresAt: string }): Promise<void> {
  // Sessions that ran out, or were signed with an earlier password, go as a new one starts.
  await db.deleteFrom('admin_sessions').where((eb) => eb.or([eb('expires_at', '<=', session.now), eb('key_id', '!=', session.keyId)])).execute();
  await db.insertInto('admin_sessions').values({ id: session.id, key_id: session.keyId, created_at: session.now, expires_at: session.expiresAt }).execute();
}

export async function adminSessionIsOpen(db: Kysely<Database>, id: string, keyId: string, now: string): Promise<boolean> {
  const row = await db.selectFrom('admin_sessions').select('id').where('id', '=', id).where('key_id', '=', keyId).where('expires_at', '>', now).executeTakeFirst();
  return row !== undefined;
}

/** Logging out ends every session of the dashboard, so a cookie left on another device stops working too. */
export async function endAdminSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('admin_sessions').execute();
}
