import type { Context } from 'hono';

/**
 * The address a request really comes from, for the login lockout and the localhost mode.
 * Behind a reverse proxy every connection comes from the proxy, so with `trustProxy` the
 * address is the one the proxy appended to X-Forwarded-For (the last entry: whatever the
 * client wrote itself stands before it). On Workers, Cloudflare sets CF-Connecting-IP.
 */
export function clientAddressOf(options: { trustProxy: boolean; connection: (c: Context) => string | undefined }): (c: Context) => string | undefined {
  return (c) => {
    if (!options.trustProxy) return options.connection(c);
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    return forwarded ?? options.connection(c);
  };
}

/** On Cloudflare Workers: the visitor's address as Cloudflare saw it (a client cannot set this header through Cloudflare). */
export function cloudflareClientAddress(c: Context): string | undefined {
  return c.req.header('cf-connecting-ip');
}
