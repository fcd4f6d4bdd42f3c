import type { Logger } from '../log';

/**
 * A warning that may repeat without end (every call with a wrong webhook secret): written at
 * most once per `everyMs`, with how many were left out since, so a flood cannot fill the log.
 */
export function repeatedWarning(log: Logger, message: string, clock: () => number = Date.now, everyMs = 60_000): () => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  let leftOut = 0;
  return () => {
    const now = clock();
    if (now - lastAt < everyMs) {
      leftOut++;
      return;
    }
    log.warn(message, leftOut > 0 ? { alsoInTheLastMinutes: leftOut } : undefined);
    lastAt = now;
    leftOut = 0;
  };
}
