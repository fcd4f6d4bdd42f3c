/**
 * The VietQR code of an order as an image at an unguessable public path,
 * `/media/qr/<ORDER CODE>-<HMAC>.png`: the HMAC-SHA256 (Web Crypto) of the order code and amount
 * under a server key, so nobody can list other customers' orders by guessing codes. The route
 * looks the order up and draws the code for its stored total; any other path is a 404.
 */
import { Hono } from 'hono';
import { bankDetailsText, paymentQrPayload } from '../../engine/index';
import type { ShopFlows } from '../../flows/schema';
import { orderByCode, type Store } from '../../store/index';
import { qrPng } from './qr-png';

const encoder = new TextEncoder();
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
const KEY_LABEL = 'farm-shop-bot payment qr v1';
/** 16 of the HMAC's 32 bytes, in hex: 128 bits nobody guesses. */
const TAG_BYTES = 16;
const FILE = /^([A-Z0-9]{2,20})-([0-9a-f]{32})\.png$/;

/**
 * The key that signs QR paths, derived from the server's secrets so every process (and every
 * Workers isolate) agrees and links stay valid across restarts. Without any secret it is random:
 * links then last as long as the process.
 */
export async function qrSigningKey(secrets: readonly (string | undefined)[]): Promise<CryptoKey> {
  const known = secrets.filter((secret): secret is string => Boolean(secret));
  const material = known.length > 0 ? encoder.encode(known.join('\u0000')) : crypto.getRandomValues(new Uint8Array(32));
  const root = await crypto.subtle.importKey('raw', material, HMAC, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', root, encoder.encode(KEY_LABEL));
  return crypto.subtle.importKey('raw', derived, HMAC, false, ['sign']);
}

export interface QrMediaDeps {
  store: Store;
  flows: () => ShopFlows;
  key: CryptoKey | Promise<CryptoKey>;
  /** The server's public address; without it only relative paths can be made. */
  publicUrl?: string | undefined;
}

/** Everything the channels need to show a payment_qr reply. */
export class QrMedia {
  constructor(private readonly deps: QrMediaDeps) {}

  /** `/media/qr/<code>-<tag>.png` for this order and amount. */
  async path(orderCode: string, amount: number): Promise<string> {
    return `/media/qr/${orderCode.toUpperCase()}-${await this.tag(orderCode.toUpperCase(), amount)}.png`;
  }

  /** The absolute URL of the image; null without PUBLIC_URL (a platform could not fetch it) or a bank account. */
  async url(orderCode: string, amount: number): Promise<string | null> {
    if (!this.deps.publicUrl || !paymentQrPayload(this.deps.flows(), orderCode, amount)) return null;
    return new URL(await this.path(orderCode, amount), this.deps.publicUrl).toString();
  }

  /** The PNG for this order and amount; null when shop.yaml has no usable bank account. */
  async png(orderCode: string, amount: number): Promise<Uint8Array | null> {
    const payload = paymentQrPayload(this.deps.flows(), orderCode, amount);
    return payload ? qrPng(payload) : null;
  }

  /** Bank, account, amount and note as text, for a chat that cannot show the image. */
  bankDetails(orderCode: string, amount: number): string {
    return bankDetailsText(this.deps.flows(), orderCode, amount);
  }

  /** The PNG a public path names: only for an existing order, at its stored total, with the right tag. */
  async pngForFile(file: string): Promise<Uint8Array | null> {
    const match = FILE.exec(file);
    if (!match) return null;
    const [, code, tag] = match as unknown as [string, string, string];
    const order = await orderByCode(this.deps.store.db, code);
    // The tag is checked whether or not the order exists, so the answer takes as long either way
    // and its timing does not tell which order codes are real.
    const expected = await this.tag(order?.code ?? code, order?.total ?? 0);
    if (!timingSafeEqual(tag, expected) || !order) return null;
    return this.png(order.code, order.total);
  }

  private async tag(orderCode: string, amount: number): Promise<string> {
    const signature = await crypto.subtle.sign('HMAC', await this.deps.key, encoder.encode(`${orderCode}\n${amount}`));
    return [...new Uint8Array(signature).subarray(0, TAG_BYTES)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** `GET /qr/:file` (mounted at /media): the order's VietQR code, or 404. */
export function qrMediaRoute(media: QrMedia): Hono {
  const route = new Hono();
  route.get('/qr/:file', async (c) => {
    const png = await media.pngForFile(c.req.param('file'));
    if (!png) return c.text('not found', 404);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'image/png',
      // The path already names the order and amount; a changed total gets a new path.
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });
  return route;
}
