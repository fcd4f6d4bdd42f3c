import type { Kysely } from 'kysely';
import { adminSessionIsOpen, startAdminSession, type Database } from '../../store/index';
import type { OwnerSecret } from './owner-secret';

/**
 * The owner's session, carried in one signed cookie: `v1.<expires ms>.<csrf token>.<signature>`,
 * and open only while the database holds its row (`admin_sessions`, keyed by the token), so
 * logging out or a new ADMIN_PASSWORD ends it on every Node process and Workers isolate.
 * The CSRF token lives inside the signed value, so a form token matches exactly one session.
 */
export const SESSION_COOKIE = 'admin_session';
export const SESSION_HOURS = 12;

export interface AdminSession {
  csrf: string;
  /** Epoch ms; 0 for the password-less localhost mode, which has no cookie. */
  expiresAt: number;
  /** Password-less mode: trusted because the request comes from this machine. */
  local: boolean;
}

const encoder = new TextEncoder();

export async function issueSession(db: Kysely<Database>, secret: OwnerSecret, now: Date): Promise<{ cookie: string; session: AdminSession }> {
  const expiresAt = now.getTime() + SESSION_HOURS * 3_600_000;
  const csrf = randomToken();
  await startAdminSession(db, { id: csrf, keyId: secret.keyId, now: now.toISOString(), expiresAt: new Date(expiresAt).toISOString() });
  const body = `v1.${expiresAt}.${csrf}`;
  const signature = await crypto.subtle.sign('HMAC', secret.sessionKey, encoder.encode(body));
  return { cookie: `${body}.${base64url(new Uint8Array(signature))}`, session: { csrf, expiresAt, local: false } };
}

/** The session a cookie proves, or undefined when it is missing, tampered with, expired or ended. */
export async function readSession(db: Kysely<Database>, secret: OwnerSecret, cookie: string | undefined, now: Date): Promise<AdminSession | undefined> {
  const match = /^(v1\.(\d{13,15})\.([A-Za-z0-9_-]{22}))\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? '');
  if (!match) return undefined;
  const [, body, expires, csrf, signature] = match as unknown as [string, string, string, string, string];
  const valid = await crypto.subtle.verify('HMAC', secret.sessionKey, fromBase64url(signature), encoder.encode(body));
  const expiresAt = Number(expires);
  if (!valid || expiresAt <= now.getTime()) return undefined;
  if (!(await adminSessionIsOpen(db, csrf, secret.keyId, now.toISOString()))) return undefined;
  return { csrf, expiresAt, local: false };
}

export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
