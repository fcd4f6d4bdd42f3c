/**
 * What the dashboard keeps of ADMIN_PASSWORD: an HMAC of it under a random key (to check a
 * login) and a session-signing key derived from it. The password itself is not kept.
 * Only Web Crypto is used, so the same code runs on Node and on Cloudflare Workers.
 */
export interface OwnerSecret {
  /** Constant-time: Web Crypto's HMAC verify compares without leaking where it differs. */
  passwordMatches(candidate: string): Promise<boolean>;
  /** Signs session cookies. Derived from the password, so every Workers isolate agrees and a new password logs everyone out. */
  sessionKey: CryptoKey;
  /** Names the password in force without revealing it: sessions stored under another one are over. */
  keyId: string;
}

const encoder = new TextEncoder();
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
const SESSION_KEY_LABEL = 'farm-shop-bot admin session v1';
const KEY_ID_LABEL = 'farm-shop-bot admin key id v1';

export async function ownerSecret(password: string): Promise<OwnerSecret> {
  const passwordKey = await crypto.subtle.importKey('raw', encoder.encode(password), HMAC, false, ['sign']);
  const sessionKeyBytes = await crypto.subtle.sign('HMAC', passwordKey, encoder.encode(SESSION_KEY_LABEL));
  const sessionKey = await crypto.subtle.importKey('raw', sessionKeyBytes, HMAC, false, ['sign', 'verify']);
  const keyIdBytes = new Uint8Array(await crypto.subtle.sign('HMAC', sessionKey, encoder.encode(KEY_ID_LABEL)));
  const keyId = [...keyIdBytes.slice(0, 12)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const checkKey = await crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), HMAC, false, ['sign', 'verify']);
  const expected = await crypto.subtle.sign('HMAC', checkKey, encoder.encode(password));
  return {
    passwordMatches: (candidate) => crypto.subtle.verify('HMAC', checkKey, expected, encoder.encode(candidate)),
    sessionKey,
    keyId,
  };
}
