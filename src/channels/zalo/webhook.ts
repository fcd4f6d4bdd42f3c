/**
 * Webhook helpers. Zalo sends each update as a JSON POST carrying the `secret_token` given to
 * `setWebhook` in the `X-Bot-Api-Secret-Token` header; answer 401 when it does not match,
 * 400 when the body is not an update (see `parseZaloUpdate`), else 200 quickly.
 */

/** The request header that carries the webhook secret. Header names are case-insensitive. */
export const ZALO_SECRET_HEADER = 'X-Bot-Api-Secret-Token';

const encoder = new TextEncoder();

/**
 * Compares the header value with the configured secret in constant time (no early return on the
 * first differing byte; the time depends only on the secret's length). A missing header, an
 * empty secret or a different length gives false.
 */
export function verifySecretToken(header: string | null | undefined, secret: string): boolean {
  if (typeof header !== 'string' || secret.length === 0) return false;
  const given = encoder.encode(header);
  const expected = encoder.encode(secret);
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    diff |= (given[i % given.length] ?? 0) ^ (expected[i] ?? 0);
  }
  return diff === 0;
}
