import { describe, expect, it } from 'vitest';
import { ZALO_SECRET_HEADER, verifySecretToken } from '../../../src/channels/zalo/index.js';

const SECRET = 'nong-san-sach-2025-Xk9pQ7';

describe('verifySecretToken', () => {
  it('the header name', () => {
    expect(ZALO_SECRET_HEADER).toBe('X-Bot-Api-Secret-Token');
  });

  it('accepts the right secret (also read case-insensitively from Headers)', async () => {
    expect(await verifySecretToken(SECRET, SECRET)).toBe(true);
    const headers = new Headers({ 'x-bot-api-secret-token': SECRET });
    expect(await verifySecretToken(headers.get(ZALO_SECRET_HEADER), SECRET)).toBe(true);
  });

  it('refuses a wrong secret of the same length', async () => {
    const wrong = SECRET.slice(0, -1) + 'x';
    expect(wrong.length).toBe(SECRET.length);
    expect(await verifySecretToken(wrong, SECRET)).toBe(false);
    expect(await verifySecretToken('X' + SECRET.slice(1), SECRET)).toBe(false);
  });

  it('refuses a missing or empty header', async () => {
    expect(await verifySecretToken(undefined, SECRET)).toBe(false);
    expect(await verifySecretToken(null, SECRET)).toBe(false);
    expect(await verifySecretToken('', SECRET)).toBe(false);
    expect(await verifySecretToken(new Headers().get(ZALO_SECRET_HEADER), SECRET)).toBe(false);
  });

  it('refuses a different length: a prefix, a longer value, a repetition', async () => {
    expect(await verifySecretToken(SECRET.slice(0, 8), SECRET)).toBe(false);
    expect(await verifySecretToken(SECRET + 'x', SECRET)).toBe(false);
    expect(await verifySecretToken(SECRET + SECRET, SECRET)).toBe(false);
    expect(await verifySecretToken('abcd', 'abcdabcd')).toBe(false);
  });

  it('refuses everything when no secret is configured', async () => {
    expect(await verifySecretToken('', '')).toBe(false);
    expect(await verifySecretToken('anything', '')).toBe(false);
  });

  it('compares bytes, not UTF-16 units: a composed vs decomposed accent differs', async () => {
    expect(await verifySecretToken('bí-mật-123'.normalize('NFD'), 'bí-mật-123'.normalize('NFC'))).toBe(false);
  });
});
