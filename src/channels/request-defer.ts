import type { Context } from 'hono';
import type { Defer } from '../conversation/receiver';

/**
 * How a route hands on work that finishes after its response: on Workers the request's
 * `waitUntil` keeps the isolate alive for it; on Node (no execution context) it just runs.
 */
export function deferOf(c: Context): Defer {
  let executionCtx: Context['executionCtx'];
  try {
    executionCtx = c.executionCtx;
  } catch {
    return (work) => void work;
  }
  return (work) => executionCtx.waitUntil(work);
}
