/**
 * Long polling: one `getUpdates` call at a time, each answering at most ONE update, handed to
 * `onUpdate` (awaited, so updates are handled in order). An empty poll (408) polls again at
 * once; other failures (403 among them) back off exponentially; a wrong or revoked token (401) ends the loop.
 */
import { ZaloApiError, isFatalAuthError } from './error.js';
import type { ZaloBotClient } from './client.js';
import type { ZaloUpdate } from './types.js';

export interface PollingOptions {
  /** Long-poll window per `getUpdates` call, in seconds. Default 30. */
  timeoutSeconds?: number;
  /** Delay after a failed poll: starts at `initial`, doubles up to `max`, resets on success. Default 1000/30000 ms. */
  backoffMs?: { initial: number; max: number };
  /**
   * Receives every error: failed polls (before the backoff), errors thrown by `onUpdate`, and
   * the final token error. Default: `console.error`.
   */
  onError?: (error: unknown) => void;
  /** Waits between retries. Default: a timer. Tests pass a fake. `stop()` does not wait for it. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface PollingHandle {
  /** Ends the loop: aborts a poll in flight, lets a running `onUpdate` finish, then resolves. */
  stop(): Promise<void>;
  /**
   * Settles when the loop has exited: resolves after `stop()`, rejects with a `ZaloApiError`
   * (401) when the token is wrong or revoked.
   */
  done: Promise<void>;
}

export const DEFAULT_BACKOFF_MS = { initial: 1000, max: 30_000 } as const;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function defaultOnError(error: unknown): void {
  console.error('[zalo] polling error:', error instanceof Error ? error.message : error);
}

/** A clear, final error for a token Zalo refuses. */
function tokenError(error: ZaloApiError): ZaloApiError {
  return new ZaloApiError(
    error.method,
    error.errorCode,
    `the Zalo bot token is wrong or has been revoked (${error.description}); polling stopped`,
    { cause: error },
  );
}

export function startPolling(
  client: ZaloBotClient,
  onUpdate: (update: ZaloUpdate) => Promise<void>,
  options: PollingOptions = {},
): PollingHandle {
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const onError = options.onError ?? defaultOnError;
  const sleep = options.sleep ?? defaultSleep;
  const controller = new AbortController();
  const { signal } = controller;

  const report = (error: unknown): void => {
    try {
      onError(error);
    } catch {
      // A failing reporter must not end the loop.
    }
  };
  const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

  const loop = async (): Promise<void> => {
    let delay = backoff.initial;
    while (!signal.aborted) {
      let update: ZaloUpdate | null;
      try {
        update = await client.getUpdates({ timeout: timeoutSeconds }, { signal });
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ZaloApiError && isFatalAuthError(error)) {
          const fatal = tokenError(error);
          report(fatal);
          throw fatal;
        }
        report(error);
        await Promise.race([sleep(delay, signal).catch(report), aborted]);
        delay = Math.min(delay * 2, backoff.max);
        continue;
      }
      delay = backoff.initial;
      if (update === null) continue;
      try {
        await onUpdate(update);
      } catch (error) {
        report(error);
      }
    }
  };

  const done = loop();
  // The caller may never look at `done`; a token error must not become an unhandled rejection.
  done.catch(() => undefined);

  return {
    done,
    stop: async () => {
      controller.abort();
      await done.catch(() => undefined);
    },
  };
}
