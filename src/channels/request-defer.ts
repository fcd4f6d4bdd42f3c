import type { Context } from 'hono';
import { getRuntimeKey } from 'hono/adapter';
import type { Defer } from '../conversation/receiver';

// Node gives a request no execution context, and Hono's getter throws for the lack of one: an
// exception per webhook request, which cost more than the rest of the route's own work.
const onNode = getRuntimeKey() === 'node';
const runAtOnce: Defer = (work) => void work;

/**
 * How a route hands on work that finishes after its response: on Workers the request's
 * `waitUntil` keeps the isolate alive for it; on Node (no execution context) it just runs.
 */
export function deferOf(c: Context): Defer {
  if (onNode) return runAtOnce;
  let executionCtx: Context['executionCtx'];
  try {
    executionCtx = c.executionCtx;
  } catch {
    return runAtOnce;
  }
  return (work) => executionCtx.waitUntil(work);
}
