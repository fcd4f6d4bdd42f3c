/**
 * The one error type of the client. It covers three kinds of failure:
 * - the API answered `{ ok: false, error_code, description }`;
 * - the HTTP status was not 2xx, or the body was not the JSON we expect;
 * - the request never completed (network failure, timeout, abort): `errorCode` 0, with `cause`.
 */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  /** The Bot API method that failed, e.g. `sendMessage`. */
  readonly method: string;
  /** The API's `error_code`, else the HTTP status, else 0 (network failure, timeout, abort). */
  readonly errorCode: number;
  /** The API's `description`, or our own account of what went wrong. Never contains the token. */
  readonly description: string;

  constructor(method: string, errorCode: number, description: string, options?: { cause?: unknown }) {
    super(`Zalo Bot API ${method} failed (${errorCode}): ${description}`, options);
    this.method = method;
    this.errorCode = errorCode;
    this.description = description;
  }
}

/** Error code used for failures below HTTP: network errors, timeouts, aborts. */
export const NETWORK_ERROR_CODE = 0;

function codeOf(error: unknown): number | undefined {
  return error instanceof ZaloApiError ? error.errorCode : undefined;
}

/**
 * Worth trying again later with backoff: 429 (rate limited), 5xx, 403 (the Bot API reference
 * lists it as an internal server error, not a refused token), or no HTTP answer at all
 * (network failure, timeout, unreadable body; error code 0).
 */
export function isRetryableError(error: unknown): boolean {
  const code = codeOf(error);
  if (code === undefined) return false;
  return code === NETWORK_ERROR_CODE || code === 403 || code === 429 || (code >= 500 && code <= 599);
}

/** 401 only: the bot token is wrong or has been revoked. Retrying will not help. */
export function isFatalAuthError(error: unknown): boolean {
  return codeOf(error) === 401;
}

/** 408 on `getUpdates`: the long poll ended without an update. Normal; poll again. */
export function isEmptyPollError(error: unknown): boolean {
  return codeOf(error) === 408;
}
