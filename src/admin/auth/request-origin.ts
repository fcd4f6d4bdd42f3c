import type { Context } from 'hono';

/** Headers a reverse proxy adds: behind one, "127.0.0.1" is the proxy, not the owner's machine. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip'];

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** A request made on this very machine, not relayed by a proxy; unknown addresses are not local. */
export function isLocalRequest(c: Context, address: string | undefined): boolean {
  return isLoopback(address) && FORWARDING_HEADERS.every((name) => c.req.header(name) === undefined);
}

/**
 * A form post sent by another site's page (cross-site request forgery). Browsers say where a
 * request comes from in Sec-Fetch-Site (all current ones) or Origin (older ones); a client
 * that sends neither is not a browser tricked by a page, and the form token still guards it.
 */
export function isCrossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return false;
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
